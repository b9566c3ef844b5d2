package cn.zhengai.planning;

import java.util.List;

/**
 * A row offered to a table: from a sheet (its row number) or from the API (row 1, and the id of the row it
 * changes, if any). Values are in the table's column order, already checked against their columns.
 */
public record TableRow(int rowNumber, Long id, List<String> values) {

  public String value(int column) {
    return values.get(column);
  }
}
