package cn.zhengai.spiral;

/** The five levels of 五纵 (seed 五(一)–五(五)), each running its own spiral. */
public enum Level {
  SCHOOL("学校"),
  MAJOR("专业"),
  COURSE("课程"),
  TEACHER("教师"),
  STUDENT("学生");

  private final String label;

  Level(String label) {
    this.label = label;
  }

  /** The Chinese name, e.g. 专业 for {@link #MAJOR}: "专业层面". */
  public String label() {
    return label;
  }
}
