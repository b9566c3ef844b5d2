package cn.zhengai.major;

import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.CAUSES;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.CURRICULUM_IMPROVEMENT;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.IMPROVEMENT_MEASURES;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.MAJOR;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.OBJECTIVE_REVISION;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.PROBLEMS;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.SELF_GRADE;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.YEAR;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.SelfAssessment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the major's self-diagnosis and keeps it with the major's review of the year: the self grade, and the
 * problems, causes and measures with the revised training objectives and curriculum as the improvement, which next
 * year's self-diagnosis and the three-yearly assessment read.
 */
@ModelBean("检查专业自我诊断（问题、原因、措施、修正培养目标、完善课程体系、自评等级）并存入专业的诊改记录")
@Component(MajorAnnualDiagnosisProcess.Beans.RECORD_MAJOR_REVIEW)
class RecordMajorReviewListener implements TaskListener {

  static final List<String> GRADES = List.of("优秀", "良好", "合格", "不合格");

  private final ReviewStore reviews;
  private final Clock clock;

  RecordMajorReviewListener(ReviewStore reviews, Clock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> answers = task.getVariables();
    List<String> problems = new ArrayList<>();
    FormChecks.requireText(answers, PROBLEMS.name(), "存在问题", problems);
    FormChecks.requireText(answers, CAUSES.name(), "原因分析", problems);
    FormChecks.requireText(answers, IMPROVEMENT_MEASURES.name(), "改进措施", problems);
    FormChecks.requireText(answers, OBJECTIVE_REVISION.name(), "修正培养目标", problems);
    FormChecks.requireText(answers, CURRICULUM_IMPROVEMENT.name(), "完善课程体系", problems);
    FormChecks.requireChoice(answers, SELF_GRADE.name(), "自评等级", GRADES, problems);
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    Subject major = Subject.major(MAJOR.get(task));
    Period year = Period.year(YEAR.get(task));
    String revisions = "修正培养目标：" + OBJECTIVE_REVISION.get(task) + "\n完善课程体系：" + CURRICULUM_IMPROVEMENT.get(task);
    reviews.record(major, year, new SelfAssessment(PROBLEMS.get(task), null, SELF_GRADE.get(task)), clock.instant());
    reviews.record(major, year, new Improvement(PROBLEMS.get(task), CAUSES.get(task), IMPROVEMENT_MEASURES.get(task),
        revisions, null), clock.instant());
  }
}
