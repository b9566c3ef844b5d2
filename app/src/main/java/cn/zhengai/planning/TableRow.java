package cn.zhengai.planning;

import java.util.List;

/**
 * A row offered to a table: from a sheet (its row number) or from the API (row 1, and the id of the row it
 * changes, if any). Values are in the table's column order, already checked against their columns. A row of an
 * exported sheet carries the stored row's version at the time of the export (行版本), blank otherwise.
 */
public record TableRow(int rowNumber, Long id, List<String> values, String version) {

  public TableRow(int rowNumber, Long id, List<String> values) {
    this(rowNumber, id, values, "");
  }

  public String value(int column) {
    return values.get(column);
  }

  TableRow withValues(List<String> changed) {
    return new TableRow(rowNumber, id, List.copyOf(changed), version);
  }
}
