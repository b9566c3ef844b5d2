package cn.zhengai.planning.standards;

import cn.zhengai.planning.Labelled;

/** 表7's 标准类型: the five levels (五横) a standard belongs to, as the seed names them. */
public enum StandardLevel implements Labelled {
  SCHOOL("学校"),
  MAJOR("专业"),
  COURSE("课程"),
  TEACHER("师资"),
  STUDENT("学生");

  private final String label;

  StandardLevel(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
