package cn.zhengai.calendar;

import cn.zhengai.spiral.Period;

/** The two terms of an academic year, named as a calendar year sees them: the spring term and the autumn term. */
public enum Season {
  /** Term 2 of the academic year that started the autumn before. */
  SPRING("春季学期"),
  /** Term 1 of the academic year that starts in this year. */
  AUTUMN("秋季学期");

  private final String label;

  Season(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The term of this season that a calendar year holds, e.g. the spring term of 2027 is 2026-2027-2. */
  public Period termIn(int year) {
    return this == SPRING ? Period.semester(year - 1, 2) : Period.semester(year, 1);
  }

  static Season of(Period term) {
    return term.number() == 1 ? AUTUMN : SPRING;
  }
}
