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
   * become ASCII; every kind of space becomes one plain space, invisible characters go, CRLF becomes LF, the ends
   * are trimmed; in Chinese text ASCII brackets and commas become the full-width ones the seed writes (发规处（基建办）,
   * 院办，教务处).
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return "";
    }
    if (plain(raw)) {
      return raw;
    }
    // one pass: most Chinese cells carry punctuation such as ： and come here; four regular expressions made this the
    // dearest part of reading a large sheet
    StringBuilder text = new StringBuilder(raw.length());
    boolean space = false;
    boolean chinese = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (fullWidthAscii(c)) {
        c = (char) (c - 0xFEE0);
      }
      if (invisible(c)) {
        continue;
      }
      if (c == ' ' || oddSpace(c)) {
        space = true;
        continue;
      }
      if (space) {
        text.append(' ');
        space = false;
      } else if (c == '\n' && !text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
        text.setLength(text.length() - 1);
      }
      chinese |= c >= '\u3400' && c <= '\u9FFF';
      text.append(c);
    }
    String value = text.toString().trim();
    return chinese ? value.replace('(', '（').replace(')', '）').replace(',', '，') : value;
  }

  /** Nothing to normalise: the common case, decided without building a new string. */
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
          || fullWidthAscii(c) || invisible(c) || oddSpace(c);
      if (odd) {
        return false;
      }
    }
    return true;
  }

  /** Full-width digits, letters and the dot, dash and slash of dates (not the full-width ：，（） of Chinese text). */
  private static boolean fullWidthAscii(char c) {
    return c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A' || c == '\uFF0E'
        || c == '\uFF0D' || c == '\uFF0F';
  }

  /** Spaces nobody sees the difference of: tab, no-break, ogham, the typographic ones, full-width. */
  private static boolean oddSpace(char c) {
    return c == '\t' || c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F'
        || c == '\u3000';
  }

  /** Zero-width characters and the byte-order mark. */
  private static boolean invisible(char c) {
    return c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF';
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
