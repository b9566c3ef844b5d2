package cn.zhengai.calendar;

/** Dates of the academic calendar that processes read. */
public enum Milestone {
  ANNUAL_WORK_PLAN_DUE("各部门年度工作计划提交截止");

  private final String label;

  Milestone(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
