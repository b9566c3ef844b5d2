package cn.zhengai.integration.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one check of a cell's value against its column, shared by the sheet reader and by anything else that
 * takes a table's values (the app's JSON API), so that a value is accepted or refused the same way everywhere.
 */
public final class CellValues {

  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?|[-+]?\\.[0-9]+");
  // strict: 2027-02-30 is refused, not turned into 2027-02-28
  private static final List<DateTimeFormatter> DATE_FORMATS = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日")
      .stream().map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT)).toList();
  /** Spaces nobody sees the difference of: no-break, full-width, thin, zero-width, byte-order mark. */
  private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000\\t]+");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");
  private static final Pattern SPACES = Pattern.compile(" {2,}");
  private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9FFF]");

  private CellValues() {}

  /**
   * The value normalised for its column (dates as yyyy-MM-dd, numbers plain, blanks as ""), or the reason in
   * Chinese why it is not acceptable.
   */
  public static Checked check(ColumnSpec column, String raw) {
    String value = normalise(raw);
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

  /**
   * One spelling for what looks the same: full-width digits, letters and the dot, dash and slash of dates
   * become ASCII; every kind of space becomes one plain space, invisible characters go, the ends are trimmed; in
   * Chinese text ASCII brackets and commas become the full-width ones the seed writes (发规处（基建办）, 院办，教务处).
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return "";
    }
    if (plain(raw)) {
      return raw;
    }
    StringBuilder text = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      boolean fullWidthAlphanumeric = c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A';
      boolean fullWidthDatePunctuation = c == '\uFF0E' || c == '\uFF0D' || c == '\uFF0F';
      text.append(fullWidthAlphanumeric || fullWidthDatePunctuation ? (char) (c - 0xFEE0) : c);
    }
    String value = INVISIBLE.matcher(ODD_SPACE.matcher(text).replaceAll(" ")).replaceAll("").replace("\r\n", "\n");
    value = SPACES.matcher(value).replaceAll(" ").trim();
    if (CJK.matcher(value).find()) {
      value = value.replace('(', '（').replace(')', '）').replace(',', '，');
    }
    return value;
  }

  /** Nothing to normalise: the common case, decided without a regular expression. */
  private static boolean plain(String raw) {
    if (raw.isEmpty()) {
      return true;
    }
    if (raw.charAt(0) == ' ' || raw.charAt(raw.length() - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      boolean odd = c < ' ' || c == '(' || c == ')' || c == ',' || c == ' ' && raw.charAt(i - 1) == ' '
          || c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u206F' || c == '\u3000' || c == '\uFEFF' || c >= '\uFF00';
      if (odd) {
        return false;
      }
    }
    return true;
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
