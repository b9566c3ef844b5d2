package cn.zhengai.integration.excel;

import java.util.List;

/** A table as a sheet: its name and its columns in order, the first row holding the headers. */
public record SheetLayout(String sheetName, List<ColumnSpec> columns) {

  public SheetLayout {
    columns = List.copyOf(columns);
  }

  public List<String> headers() {
    return columns.stream().map(ColumnSpec::header).toList();
  }

  public List<String> requiredHeaders() {
    return columns.stream().filter(ColumnSpec::required).map(ColumnSpec::header).toList();
  }
}
