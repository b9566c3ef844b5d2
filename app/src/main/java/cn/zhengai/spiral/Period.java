package cn.zhengai.spiral;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One turn of a spiral: a calendar year ({@code 2027}), a three-year span ({@code 2025-2027}), a semester of an
 * academic year ({@code 2026-2027-1}, the first term starting in autumn 2026) or a month ({@code 2027-03}). The code
 * is what is stored and what a business key carries; the dates a period spans come from the academic calendar.
 */
public record Period(PeriodKind kind, int firstYear, int number) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern THREE_YEARS = Pattern.compile("(\\d{4})-(\\d{4})");
  private static final Pattern SEMESTER = Pattern.compile("(\\d{4})-(\\d{4})-([12])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  public Period {
    if (firstYear < 2000 || firstYear > 2200) {
      throw new IllegalArgumentException("周期年份 " + firstYear + " 不在 2000–2200 之间");
    }
    boolean numberFits = switch (kind) {
      case YEAR, THREE_YEARS -> number == 0;
      case SEMESTER -> number == 1 || number == 2;
      case MONTH -> number >= 1 && number <= 12;
    };
    if (!numberFits) {
      throw new IllegalArgumentException(kind.label() + "周期的序号 " + number + " 无效");
    }
  }

  public static Period year(int year) {
    return new Period(PeriodKind.YEAR, year, 0);
  }

  /** The three years from {@code firstYear} to {@code firstYear + 2}. */
  public static Period threeYears(int firstYear) {
    return new Period(PeriodKind.THREE_YEARS, firstYear, 0);
  }

  /** Term 1 or 2 of the academic year that starts in autumn of {@code academicYearStart}. */
  public static Period semester(int academicYearStart, int term) {
    return new Period(PeriodKind.SEMESTER, academicYearStart, term);
  }

  public static Period month(int year, int month) {
    return new Period(PeriodKind.MONTH, year, month);
  }

  /** The last calendar year the period touches. */
  public int lastYear() {
    return switch (kind) {
      case YEAR, MONTH -> firstYear;
      case THREE_YEARS -> firstYear + 2;
      case SEMESTER -> firstYear + 1;
    };
  }

  public String code() {
    return switch (kind) {
      case YEAR -> Integer.toString(firstYear);
      case THREE_YEARS -> firstYear + "-" + (firstYear + 2);
      case SEMESTER -> firstYear + "-" + (firstYear + 1) + "-" + number;
      case MONTH -> String.format("%d-%02d", firstYear, number);
    };
  }

  /** How a Chinese user reads it, e.g. 2025—2027年, 2026—2027学年第一学期, 2027年3月. */
  public String label() {
    return switch (kind) {
      case YEAR -> firstYear + "年度";
      case THREE_YEARS -> firstYear + "—" + (firstYear + 2) + "年";
      case SEMESTER -> firstYear + "—" + (firstYear + 1) + "学年第" + (number == 1 ? "一" : "二") + "学期";
      case MONTH -> firstYear + "年" + number + "月";
    };
  }

  /** Reads a code written by {@link #code()}; a code of no known shape is refused with a Chinese message. */
  public static Period parse(String code) {
    String text = code == null ? "" : code.strip();
    Matcher matcher;
    if ((matcher = YEAR.matcher(text)).matches()) {
      return year(Integer.parseInt(matcher.group(1)));
    }
    if ((matcher = SEMESTER.matcher(text)).matches() && consecutive(matcher, 1)) {
      return semester(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(3)));
    }
    if ((matcher = THREE_YEARS.matcher(text)).matches() && consecutive(matcher, 2)) {
      return threeYears(Integer.parseInt(matcher.group(1)));
    }
    if ((matcher = MONTH.matcher(text)).matches()) {
      return month(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }
    throw new IllegalArgumentException("周期“" + text + "”无法识别，应为 2027、2025-2027、2026-2027-1 或 2027-03 这样的写法");
  }

  private static boolean consecutive(Matcher matcher, int span) {
    return Integer.parseInt(matcher.group(2)) - Integer.parseInt(matcher.group(1)) == span;
  }

  @Override
  public String toString() {
    return code();
  }
}
