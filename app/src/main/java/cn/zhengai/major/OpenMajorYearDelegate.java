package cn.zhengai.major;

import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.PREVIOUS_IMPROVEMENTS;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.SELF_DIAGNOSIS_DUE_AT;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.YEAR;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.ProcessRounds;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a major's year: one running self-diagnosis per major and year (business key {@code 2027/500211}), the
 * major's owners and reviewers, the due date from the calendar's major-level milestone, and last year's accepted
 * improvements to show on the form.
 */
@ModelBean("开启专业年度诊断：专业、负责人和审核组，截止日期来自校历，显示上一年度的改进措施")
@Component(MajorAnnualDiagnosisProcess.Beans.OPEN_MAJOR_YEAR)
class OpenMajorYearDelegate implements JavaDelegate {

  private final MajorScope scope;
  private final ProcessRounds rounds;
  private final AcademicCalendar calendar;
  private final ReviewStore reviews;

  OpenMajorYearDelegate(MajorScope scope, ProcessRounds rounds, AcademicCalendar calendar, ReviewStore reviews) {
    this.scope = scope;
    this.rounds = rounds;
    this.calendar = calendar;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer year = YEAR.find(execution).orElseThrow(() -> new FormValueException(List.of("请填写年度")));
    if (year < 2000 || year > 2200) {
      throw new FormValueException(List.of("年度 " + year + " 无效"));
    }
    Major major = scope.open(execution);
    if (major.firstYear() > year) {
      throw new FormValueException(List.of("专业 " + major.code() + " " + major.name() + " " + major.firstYear() + " 年才开设，"
          + year + " 年度没有可诊断的内容"));
    }
    String key = MajorAnnualDiagnosisProcess.businessKey(year, major.code());
    rounds.claim(MajorAnnualDiagnosisProcess.KEY, key, execution.getProcessInstanceId(),
        major.name() + "专业 " + year + " 年度自我诊断已在进行中，不能重复开启");
    execution.setProcessBusinessKey(key);
    SELF_DIAGNOSIS_DUE_AT.set(execution, CollegeTime.endOfDay(calendar.dateOf(year, Milestone.MAJOR_SELF_DIAGNOSIS_DUE)));
    PREVIOUS_IMPROVEMENTS.set(execution, reviews.find(Subject.major(major.code()), Period.year(year - 1))
        .map(Review::improvement).map(improvement -> improvement.measures()
            + (improvement.nextTargets() == null ? "" : "\n" + improvement.nextTargets()))
        .orElse("（上一年度没有专业自我诊断记录）"));
  }
}
