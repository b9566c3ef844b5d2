package cn.zhengai.planning.tasks;

import cn.zhengai.planning.Labelled;

/** 表6's 工作属性. */
public enum TaskKind implements Labelled {
  KEY("重点工作"),
  ROUTINE("常规工作"),
  TEMPORARY("临时工作");

  private final String label;

  TaskKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
