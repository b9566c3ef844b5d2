package cn.zhengai.calendar;

import static cn.zhengai.calendar.MilestoneRule.LAST;
import static cn.zhengai.calendar.MilestoneRule.afterTermStarts;
import static cn.zhengai.calendar.MilestoneRule.beforeTermEnds;
import static cn.zhengai.calendar.MilestoneRule.weekdayOfMonth;
import static cn.zhengai.calendar.MilestoneRule.workingDayOfMonth;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.NOVEMBER;

import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.PeriodKind;

/**
 * Dates that processes read, one per level and period, each generated for any year from its rule on the college's
 * calendar ({@link AcademicCalendar}); 院办 may set one year's date by hand instead. A new milestone of any level is
 * one constant here with its rule.
 */
public enum Milestone {
  ANNUAL_WORK_PLAN_DUE("各部门年度工作计划提交截止", Level.SCHOOL, PeriodKind.YEAR, weekdayOfMonth(FEBRUARY, FRIDAY, LAST)),
  // the school's yearly cycle: targets, standards, plans and assignments early in the spring term
  CYCLE_TARGETS_DUE("年度诊改：年度目标起草截止", Level.SCHOOL, PeriodKind.YEAR, afterTermStarts(Season.SPRING, 5)),
  CYCLE_STANDARDS_DUE("年度诊改：目标关联标准截止", Level.SCHOOL, PeriodKind.YEAR, afterTermStarts(Season.SPRING, 10)),
  CYCLE_PLANS_DUE("年度诊改：部门年度计划提交截止", Level.SCHOOL, PeriodKind.YEAR, afterTermStarts(Season.SPRING, 20)),
  CYCLE_ORGANISE_DUE("年度诊改：重点任务落实到人截止", Level.SCHOOL, PeriodKind.YEAR, afterTermStarts(Season.SPRING, 25)),
  // the year-end diagnosis in December, the improvement plans before the autumn term ends in January
  CYCLE_YEAR_END_REVIEW("年度诊改：年末诊断开始", Level.SCHOOL, PeriodKind.YEAR, workingDayOfMonth(DECEMBER, 1)),
  CYCLE_SELF_ASSESSMENT_DUE("年度诊改：单位自我诊断截止", Level.SCHOOL, PeriodKind.YEAR, weekdayOfMonth(DECEMBER, FRIDAY, 2)),
  CYCLE_DIAGNOSIS_DUE("年度诊改：考核性诊断截止", Level.SCHOOL, PeriodKind.YEAR, weekdayOfMonth(DECEMBER, FRIDAY, 3)),
  CYCLE_PERFORMANCE_DUE("年度诊改：绩效结果记录截止", Level.SCHOOL, PeriodKind.YEAR, weekdayOfMonth(DECEMBER, FRIDAY, 4)),
  // the annual quality report: drafted once the year's results are recorded, approved before the autumn term ends
  ANNUAL_REPORT_OPENS("质量年报编制开始", Level.SCHOOL, PeriodKind.YEAR, workingDayOfMonth(DECEMBER, LAST)),
  CYCLE_IMPROVEMENT_DUE("年度诊改：改进计划提交截止", Level.SCHOOL, PeriodKind.YEAR, beforeTermEnds(Season.AUTUMN, 3)),
  ANNUAL_REPORT_DUE("质量年报提交审批截止", Level.SCHOOL, PeriodKind.YEAR, beforeTermEnds(Season.AUTUMN, 1)),
  // the majors' yearly self-diagnoses in November, before the school's year-end review reads them
  MAJOR_SELF_DIAGNOSIS_OPENS("专业年度自我诊断开始", Level.MAJOR, PeriodKind.YEAR, workingDayOfMonth(NOVEMBER, 1)),
  MAJOR_SELF_DIAGNOSIS_DUE("专业年度自我诊断截止", Level.MAJOR, PeriodKind.YEAR, weekdayOfMonth(NOVEMBER, FRIDAY, 3)),
  // the year's third of the three-yearly assessments in the spring term, after the last yearly self-diagnosis
  MAJOR_ASSESSMENT_OPENS("专业考核性诊断开始", Level.MAJOR, PeriodKind.THREE_YEARS, afterTermStarts(Season.SPRING, 15)),
  MAJOR_PANEL_DUE("专业考核性诊断：专家组组建截止", Level.MAJOR, PeriodKind.THREE_YEARS, afterTermStarts(Season.SPRING, 30)),
  MAJOR_MATERIALS_DUE("专业考核性诊断：评估材料提交截止", Level.MAJOR, PeriodKind.THREE_YEARS, afterTermStarts(Season.SPRING, 30));

  private final String label;
  private final Level level;
  private final PeriodKind period;
  private final MilestoneRule rule;

  Milestone(String label, Level level, PeriodKind period, MilestoneRule rule) {
    this.label = label;
    this.level = level;
    this.period = period;
    this.rule = rule;
  }

  public String label() {
    return label;
  }

  public Level level() {
    return level;
  }

  /** How often the milestone recurs; its date is generated in the calendar year the period's step falls in. */
  public PeriodKind period() {
    return period;
  }

  public MilestoneRule rule() {
    return rule;
  }
}
