package cn.zhengai.calendar;

/** Dates of the academic calendar that processes read. */
public enum Milestone {
  ANNUAL_WORK_PLAN_DUE("各部门年度工作计划提交截止"),
  CYCLE_TARGETS_DUE("年度诊改：年度目标起草截止"),
  CYCLE_STANDARDS_DUE("年度诊改：目标关联标准截止"),
  CYCLE_PLANS_DUE("年度诊改：部门年度计划提交截止"),
  CYCLE_ORGANISE_DUE("年度诊改：重点任务落实到人截止"),
  CYCLE_YEAR_END_REVIEW("年度诊改：年末诊断开始"),
  CYCLE_SELF_ASSESSMENT_DUE("年度诊改：单位自我诊断截止"),
  CYCLE_DIAGNOSIS_DUE("年度诊改：考核性诊断截止"),
  CYCLE_PERFORMANCE_DUE("年度诊改：绩效结果记录截止"),
  CYCLE_IMPROVEMENT_DUE("年度诊改：改进计划提交截止");

  private final String label;

  Milestone(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
