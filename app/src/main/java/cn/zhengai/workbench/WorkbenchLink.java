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

  /**
   * The same as a Chinese hint to append to a task's refusal: the task's 相关数据 tab shows these rows (Tasklist's
   * notice cannot hold a link), and the address opens them in the workbench.
   */
  public static String hint(String table, Integer year, String unit) {
    return "（请在本任务的“相关数据”中录入，或在工作台打开：" + to(table, year, unit) + "）";
  }
}
