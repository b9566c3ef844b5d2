package cn.zhengai.workbench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where in the workbench the rows a task is about are: for messages that tell a person where to enter them. */
public final class WorkbenchLink {

  private WorkbenchLink() {}

  /**
   * @param table the table's id, e.g. {@code targets}
   * @param year the year, or null for tables kept across years
   * @param unit the unit's id, or null for every unit
   */
  public static String to(String table, Integer year, String unit) {
    return WorkbenchPage.PATH + "?table=" + table + (year == null ? "" : "&year=" + year)
        + "&unit=" + (unit == null ? "" : URLEncoder.encode(unit, StandardCharsets.UTF_8));
  }

  /** The same as a Chinese hint to append to a message: "（在工作台录入：/workbench?…）". */
  public static String hint(String table, Integer year, String unit) {
    return "（在工作台录入：" + to(table, year, unit) + "）";
  }
}
