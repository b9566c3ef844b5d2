package cn.zhengai.spiral;

/** How long one turn of a spiral lasts. */
public enum PeriodKind {
  YEAR("年度"),
  SEMESTER("学期"),
  MONTH("月度"),
  THREE_YEARS("三年");

  private final String label;

  PeriodKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
