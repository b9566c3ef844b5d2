package cn.zhengai.planning.workpackage;

import cn.zhengai.planning.Labelled;

/** 表1's two kinds of duty: inside the department's quality system, or outside it. */
public enum DutyScope implements Labelled {
  INSIDE("在系统内的职责"),
  OUTSIDE("在系统外的职责");

  private final String label;

  DutyScope(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
