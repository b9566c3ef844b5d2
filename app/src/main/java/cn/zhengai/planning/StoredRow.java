package cn.zhengai.planning;

import java.util.List;

/** A row as kept: its id and its values in the table's column order, as the sheet shows them. */
public record StoredRow(long id, List<String> values) {

  public String value(int column) {
    return values.get(column);
  }
}
