package cn.zhengai.planning.tasks;

import cn.zhengai.planning.Labelled;

/** A task's state in one month of 表6, derived from the progress its department reports. */
public enum MonthState implements Labelled {
  NOT_DUE("未到期"),
  ON_TRACK("正常"),
  DONE("已完成"),
  BEHIND("滞后"),
  OVERDUE("逾期");

  private final String label;

  MonthState(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
