package cn.zhengai.planning;

import cn.zhengai.integration.excel.ColumnSpec;

/**
 * One column of a planning table: its key in the JSON API and its column in the Excel sheet.
 *
 * @param computed derived by the product (表6's months): written out, never taken in
 */
public record Field(String key, ColumnSpec column, boolean computed) {

  public static Field of(String key, ColumnSpec column) {
    return new Field(key, column, false);
  }

  public static Field computed(String key, ColumnSpec column) {
    return new Field(key, column, true);
  }

  public String header() {
    return column.header();
  }
}
