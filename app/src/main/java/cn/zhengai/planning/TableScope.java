package cn.zhengai.planning;

/** Which part of a table a request is about: the year, for the tables kept per year (表5, 表6). */
public record TableScope(Integer year) {

  public static final TableScope ALL = new TableScope(null);

  public int requireYear() {
    if (year == null) {
      throw new PlanningException("请指定年度（year 参数），例如 year=2027");
    }
    if (year < 2000 || year > 2100) {
      throw new PlanningException("年度 " + year + " 无效");
    }
    return year;
  }
}
