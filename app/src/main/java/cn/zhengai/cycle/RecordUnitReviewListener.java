package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Elements.*;
import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.notification.Notifications;
import cn.zhengai.planning.YearData;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.Accountability;
import cn.zhengai.spiral.Review.Assessment;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.ImprovementApproval;
import cn.zhengai.spiral.Review.Innovation;
import cn.zhengai.spiral.Review.Learning;
import cn.zhengai.spiral.Review.Performance;
import cn.zhengai.spiral.Review.Section;
import cn.zhengai.spiral.Review.SelfAssessment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.StepTaker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks each year-end review step's answers and keeps them in the review store, with who gave them: the
 * self-assessment with its 工作成效 (a summary; each key task's own is written in 表5 first), the diagnosis, the
 * performance result, the accountability decision, the
 * improvement plan with 学习 and 创新, and its approval. The unit's heads are told any accountability decision.
 */
@ModelBean("检查并保存年终诊断各步的结果（自评、诊断、绩效、问责、学习、创新、改进计划）及办理人，并把问责决定通知单位")
@Component(SchoolAnnualCycleProcess.Beans.RECORD_UNIT_REVIEW)
class RecordUnitReviewListener implements TaskListener {

  /** Grades of the self-assessment, the diagnosis and the performance result. */
  static final List<String> GRADES = List.of("优秀", "良好", "合格", "不合格");

  private final ReviewStore reviews;
  private final YearData yearData;
  private final Notifications notifications;
  private final StepTaker stepTaker;
  private final Clock clock;

  RecordUnitReviewListener(ReviewStore reviews, YearData yearData, Notifications notifications, StepTaker stepTaker,
      Clock clock) {
    this.reviews = reviews;
    this.yearData = yearData;
    this.notifications = notifications;
    this.stepTaker = stepTaker;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> answers = task.getVariables();
    List<String> problems = new ArrayList<>();
    List<Section> kept = new ArrayList<>();
    String user = stepTaker.userId();
    switch (task.getTaskDefinitionKey()) {
      case TASK_SELF_ASSESS -> {
        FormChecks.requireText(answers, SELF_ASSESSMENT.name(), "自我诊断", problems);
        FormChecks.requireText(answers, WORK_RESULTS.name(), "工作成效", problems);
        FormChecks.requireChoice(answers, SELF_GRADE.name(), "自评等级", GRADES, problems);
        List<String> withoutOutcome = yearData.keyTasksWithoutOutcome(YEAR.get(task), UNIT.get(task));
        if (!withoutOutcome.isEmpty()) {
          problems.add("表5 中本单位以下重点任务尚未填写工作成效：「" + String.join("」「", withoutOutcome)
              + "」；请在工作台表5中逐项填写后再提交");
        }
        kept.add(new SelfAssessment(SELF_ASSESSMENT.get(task), WORK_RESULTS.get(task), SELF_GRADE.get(task)));
      }
      case TASK_DIAGNOSE_UNIT -> {
        FormChecks.requireChoice(answers, GRADE.name(), "诊断等级", GRADES, problems);
        FormChecks.requireText(answers, FINDINGS.name(), "诊断发现", problems);
        kept.add(new Assessment(GRADE.get(task), FINDINGS.get(task), user));
      }
      case TASK_RECORD_PERFORMANCE -> {
        FormChecks.requireChoice(answers, PERFORMANCE_RESULT.name(), "绩效考核结果", GRADES, problems);
        kept.add(new Performance(PERFORMANCE_RESULT.get(task), user));
      }
      case TASK_DECIDE_ACCOUNTABILITY -> {
        FormChecks.requireChoice(answers, ACCOUNTABILITY_DECISION.name(), "问责决定", List.of(HOLD_ACCOUNTABLE, WAIVE), problems);
        FormChecks.requireText(answers, ACCOUNTABILITY_MEASURES.name(), "问责措施或不予问责的理由", problems);
        kept.add(new Accountability(ACCOUNTABILITY_DECISION.get(task), ACCOUNTABILITY_MEASURES.get(task), user));
      }
      case TASK_WRITE_IMPROVEMENT_PLAN -> {
        FormChecks.requireText(answers, LEARNING_BENCHMARKS.name(), "学习：对标先进", problems);
        FormChecks.requireText(answers, LEARNING_PEERS.name(), "学习：同行交流", problems);
        FormChecks.requireText(answers, LEARNING_TRAINING.name(), "学习：培训提升", problems);
        FormChecks.requireText(answers, INNOVATION.name(), "创新：方法改进", problems);
        FormChecks.requireText(answers, PROBLEMS.name(), "存在问题", problems);
        FormChecks.requireText(answers, CAUSES.name(), "原因分析", problems);
        FormChecks.requireText(answers, IMPROVEMENT_MEASURES.name(), "改进措施", problems);
        FormChecks.requireText(answers, NEXT_YEAR_TARGETS.name(), "下一年度目标", problems);
        kept.add(new Learning(LEARNING_BENCHMARKS.get(task), LEARNING_PEERS.get(task), LEARNING_TRAINING.get(task)));
        kept.add(new Innovation(INNOVATION.get(task)));
        kept.add(new Improvement(PROBLEMS.get(task), CAUSES.get(task), IMPROVEMENT_MEASURES.get(task),
            NEXT_YEAR_TARGETS.get(task), null));
      }
      case TASK_APPROVE_IMPROVEMENT_PLAN -> kept.add(new ImprovementApproval(
          CycleDecisions.APPROVE.equals(answers.get(DECISION.name())) ? user : null));
      default -> throw new IllegalStateException(task.getTaskDefinitionKey() + " is not a step of the year-end review");
    }
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    int year = YEAR.get(task);
    Subject unit = Subject.unit(UNIT.get(task));
    kept.forEach(section -> reviews.record(unit, Period.year(year), section, clock.instant()));
    if (kept.get(0) instanceof Accountability accountability) {
      // the unit's heads are told the decision (their grade they learn once the leading group signed the grades off)
      notifications.send(UNIT_HEAD_GROUP.get(task), Notifications.Kind.RESULT, "【问责决定】" + UNIT_NAME.get(task) + " " + year
          + " 年度：" + (HOLD_ACCOUNTABLE.equals(accountability.decision()) ? "予以问责" : "不予问责"), accountability.measures(),
          task.getProcessInstanceId());
    }
  }
}
