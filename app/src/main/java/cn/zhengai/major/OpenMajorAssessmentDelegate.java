package cn.zhengai.major;

import static cn.zhengai.processes.MajorAssessmentProcess.Variables.EXPERT_OPTIONS;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.MATERIALS_DUE_AT;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.PANEL_DUE_AT;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.PERIOD;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.STANDARD_ITEMS;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.YEARLY_DIAGNOSES;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.PeriodKind;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.ProcessRounds;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a major's three-yearly 考核性诊断: one running assessment per period and major (business key
 * {@code 2025-2027/500211}), the major's owners and 二级学院, the due dates of the panel and the materials from the
 * calendar, the experts 质管办 may choose from, the major's yearly self-diagnoses and the standard's items.
 */
@ModelBean("开启专业考核性诊断：专业、二级学院、专家组和材料的期限（校历），可选专家、近年的专业自我诊断和评分项")
@Component(MajorAssessmentProcess.Beans.OPEN_ASSESSMENT)
class OpenMajorAssessmentDelegate implements JavaDelegate {

  /** Days a step opened by hand after its calendar date still gets. */
  static final int LATE_START_DAYS = 14;

  private final MajorScope scope;
  private final ProcessRounds rounds;
  private final AcademicCalendar calendar;
  private final ReviewStore reviews;
  private final ExpertPanel panel;
  private final AssessmentItems items;
  private final Clock clock;

  OpenMajorAssessmentDelegate(MajorScope scope, ProcessRounds rounds, AcademicCalendar calendar, ReviewStore reviews,
      ExpertPanel panel, AssessmentItems items, Clock clock) {
    this.scope = scope;
    this.rounds = rounds;
    this.calendar = calendar;
    this.reviews = reviews;
    this.panel = panel;
    this.items = items;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Period period = period(PERIOD.find(execution).orElse(""));
    Major major = scope.open(execution);
    if (major.firstGraduationYear() > period.lastYear()) {
      throw new FormValueException(List.of(major.name() + "专业首届毕业生 " + major.firstGraduationYear() + " 年毕业，"
          + period.label() + "还不能进行考核性诊断"));
    }
    String key = MajorAssessmentProcess.businessKey(period.code(), major.code());
    rounds.claim(MajorAssessmentProcess.KEY, key, execution.getProcessInstanceId(),
        major.name() + "专业 " + period.label() + "的考核性诊断已在进行中，不能重复开启");
    execution.setProcessBusinessKey(key);
    PERIOD.set(execution, period.code());
    LocalDate today = CollegeTime.today(clock);
    PANEL_DUE_AT.set(execution, CollegeTime.endOfDay(dueOn(Milestone.MAJOR_PANEL_DUE, today)));
    MATERIALS_DUE_AT.set(execution, CollegeTime.endOfDay(dueOn(Milestone.MAJOR_MATERIALS_DUE, today)));
    EXPERT_OPTIONS.set(execution, panel.options(major));
    YEARLY_DIAGNOSES.set(execution, yearlyDiagnoses(major));
    STANDARD_ITEMS.set(execution, items.template());
  }

  private static Period period(String code) {
    Period period;
    try {
      period = Period.parse(code);
    } catch (IllegalArgumentException e) {
      throw new FormValueException(List.of(e.getMessage()));
    }
    if (period.kind() != PeriodKind.THREE_YEARS) {
      throw new FormValueException(List.of("考核性诊断以三年为一个周期，请填写如 2025-2027 的周期，“" + code + "”不是三年周期"));
    }
    return period;
  }

  /** This year's calendar date of the step, or, for an assessment opened by hand after it, some days from today. */
  private LocalDate dueOn(Milestone milestone, LocalDate today) {
    LocalDate planned = calendar.dateOf(today.getYear(), milestone);
    return planned.isBefore(today.plusDays(LATE_START_DAYS)) ? today.plusDays(LATE_START_DAYS) : planned;
  }

  /** The major's last three yearly self-diagnoses, newest first, as the materials and the experts read them. */
  private String yearlyDiagnoses(Major major) {
    List<Review> years = reviews.of(Subject.major(major.code())).stream()
        .filter(review -> review.period().kind() == PeriodKind.YEAR && review.selfAssessment() != null)
        .sorted((a, b) -> Integer.compare(b.period().firstYear(), a.period().firstYear())).limit(3).toList();
    if (years.isEmpty()) {
      return "（本专业尚无年度自我诊断记录）";
    }
    return years.stream().map(review -> review.period().label() + "（自评 " + review.selfAssessment().selfGrade()
        + (review.improvement() != null && review.improvement().approvedBy() != null ? "，已验收" : "，未验收") + "）"
        + "\n存在问题：" + review.selfAssessment().text()
        + (review.improvement() == null ? "" : "\n改进措施：" + review.improvement().measures()))
        .collect(Collectors.joining("\n\n"));
  }
}
