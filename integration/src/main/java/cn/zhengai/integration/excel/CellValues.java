package cn.zhengai.integration.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one check of a cell's value against its column, shared by the sheet reader and by anything else that
 * takes a table's values (the app's JSON API), so that a value is accepted or refused the same way everywhere.
 */
public final class CellValues {

  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?|[-+]?\\.[0-9]+");
  private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
      DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy/M/d"),
      DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

  private CellValues() {}

  /**
   * The value normalised for its column (dates as yyyy-MM-dd, numbers plain, blanks as ""), or the reason in
   * Chinese why it is not acceptable.
   */
  public static Checked check(ColumnSpec column, String raw) {
    String value = raw == null ? "" : raw.trim();
    if (value.isEmpty()) {
      return column.required() ? Checked.refused("不能为空") : Checked.accepted("");
    }
    if (value.length() > column.maxLength()) {
      return Checked.refused("不能超过 " + column.maxLength() + " 字");
    }
    return switch (column.kind()) {
      case TEXT -> Checked.accepted(value);
      case CHOICE -> column.allowed().contains(value) ? Checked.accepted(value)
          : Checked.refused("“" + value + "”不是允许的值，应为 " + String.join("、", column.allowed()));
      case DATE -> {
        LocalDate date = date(value);
        yield date != null ? Checked.accepted(date.toString())
            : Checked.refused("“" + value + "”不是日期（应为 2027-02-26 这样的日期）");
      }
      case NUMBER -> NUMBER.matcher(value).matches()
          ? Checked.accepted(new BigDecimal(value.replace(",", "")).stripTrailingZeros().toPlainString())
          : Checked.refused("“" + value + "”不是数字");
    };
  }

  private static LocalDate date(String value) {
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return LocalDate.parse(value, format);
      } catch (DateTimeParseException notThisFormat) {
        // next format
      }
    }
    return null;
  }

  /** A checked value: either {@code value} or {@code problem} is set. */
  public record Checked(String value, String problem) {

    static Checked accepted(String value) {
      return new Checked(value, null);
    }

    static Checked refused(String problem) {
      return new Checked(null, problem);
    }

    public boolean ok() {
      return problem == null;
    }
  }
}
