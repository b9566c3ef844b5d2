package cn.zhengai.integration.excel;

import java.util.List;

/**
 * One column of a table sheet.
 *
 * @param header the Chinese header, exactly as in the seed's table
 * @param kind what the column holds
 * @param required whether a row must have a value here
 * @param allowed the allowed values of a {@link ColumnKind#CHOICE} column
 * @param maxLength the longest text accepted
 * @param carriesDown a blank cell takes the value above it, as in the seed's tables, where a group's first
 *     column is written once for all its rows
 */
public record ColumnSpec(String header, ColumnKind kind, boolean required, List<String> allowed, int maxLength,
    boolean carriesDown) {

  public static final int DEFAULT_MAX_LENGTH = 500;

  public static ColumnSpec text(String header, boolean required) {
    return new ColumnSpec(header, ColumnKind.TEXT, required, List.of(), DEFAULT_MAX_LENGTH, false);
  }

  public static ColumnSpec choice(String header, boolean required, List<String> allowed) {
    return new ColumnSpec(header, ColumnKind.CHOICE, required, List.copyOf(allowed), DEFAULT_MAX_LENGTH, false);
  }

  public static ColumnSpec date(String header, boolean required) {
    return new ColumnSpec(header, ColumnKind.DATE, required, List.of(), DEFAULT_MAX_LENGTH, false);
  }

  public static ColumnSpec number(String header, boolean required) {
    return new ColumnSpec(header, ColumnKind.NUMBER, required, List.of(), DEFAULT_MAX_LENGTH, false);
  }

  /** The same column, taking longer texts (a work standard, measures). */
  public ColumnSpec withMaxLength(int length) {
    return new ColumnSpec(header, kind, required, allowed, length, carriesDown);
  }

  /** The same column, where a blank cell takes the value above it. */
  public ColumnSpec carryingDown() {
    return new ColumnSpec(header, kind, required, allowed, maxLength, true);
  }
}
