package cn.zhengai.planning.targetchain;

import cn.zhengai.planning.Labelled;

/** 表4's 规划类别: the total plan, its special plans and sub-plans, then the plans of each level. */
public enum PlanCategory implements Labelled {
  TOTAL("总规划"),
  SPECIAL("专项规划"),
  SUB("子规划"),
  SCHOOL("学校"),
  MAJOR("专业"),
  COURSE("课程"),
  FACULTY("师资"),
  STUDENT("学生");

  private final String label;

  PlanCategory(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
