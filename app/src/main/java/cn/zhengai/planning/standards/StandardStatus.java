package cn.zhengai.planning.standards;

import cn.zhengai.planning.Labelled;

/** Where a version of a standard stands; at most one version of a standard is in force. */
public enum StandardStatus implements Labelled {
  DRAFT("草稿"),
  IN_FORCE("现行"),
  SUPERSEDED("已被替代"),
  REPEALED("已废止");

  private final String label;

  StandardStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
