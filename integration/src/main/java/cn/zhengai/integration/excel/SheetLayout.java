package cn.zhengai.integration.excel;

import java.util.List;

/**
 * A table as a sheet: its name and its columns in order, the first row holding the headers. A table's own sheet has
 * no other columns; a sheet exported by another system may have more, which are passed over.
 */
public record SheetLayout(String sheetName, List<ColumnSpec> columns, boolean otherColumnsRefused) {

  public SheetLayout {
    columns = List.copyOf(columns);
  }

  public SheetLayout(String sheetName, List<ColumnSpec> columns) {
    this(sheetName, columns, true);
  }

  /** The same columns read out of a sheet that may have others, which are passed over. */
  public SheetLayout passingOverOtherColumns() {
    return new SheetLayout(sheetName, columns, false);
  }

  public List<String> headers() {
    return columns.stream().map(ColumnSpec::header).toList();
  }

  public List<String> requiredHeaders() {
    return columns.stream().filter(ColumnSpec::required).map(ColumnSpec::header).toList();
  }
}
