package cn.zhengai.integration.excel;

import java.util.List;

/**
 * A data row as read: its row number in the sheet (as Excel shows it) and one value per column, normalised
 * (dates as yyyy-MM-dd, numbers without grouping, blanks as empty strings).
 */
public record ExcelRow(int rowNumber, List<String> values) {

  public String value(int column) {
    return values.get(column);
  }
}
