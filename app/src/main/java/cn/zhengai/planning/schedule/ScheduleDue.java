package cn.zhengai.planning.schedule;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.Milestone;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 表8's 完成时间 as the seed writes it: a month ("2017.05", due at its end), a day ("2017.05.20" or
 * "2017-05-20"), or "每年初", due every year on the academic calendar's date for the annual plans.
 */
public record ScheduleDue(LocalDate fixedDate, boolean yearly) {

  public static final String EVERY_YEAR_START = "每年初";
  private static final Pattern MONTH = Pattern.compile("(\\d{4})[.\\-/年](\\d{1,2})月?");
  private static final Pattern DAY = Pattern.compile("(\\d{4})[.\\-/年](\\d{1,2})[.\\-/月](\\d{1,2})日?");

  /** The due date as written, or empty when the text is none of the accepted forms. */
  public static Optional<ScheduleDue> parse(String text) {
    String value = text.trim();
    if (value.equals(EVERY_YEAR_START)) {
      return Optional.of(new ScheduleDue(null, true));
    }
    try {
      Matcher day = DAY.matcher(value);
      if (day.matches()) {
        return Optional.of(new ScheduleDue(LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
            Integer.parseInt(day.group(3))), false));
      }
      Matcher month = MONTH.matcher(value);
      if (month.matches()) {
        return Optional.of(new ScheduleDue(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)))
            .atEndOfMonth(), false));
      }
    } catch (java.time.DateTimeException notADate) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** When it is due in a year: the fixed date, or this year's date from the calendar. */
  public LocalDate dueIn(int year, AcademicCalendar calendar) {
    return yearly ? calendar.dateOf(year, Milestone.ANNUAL_WORK_PLAN_DUE) : fixedDate;
  }

  /** Whether a completion date counts as done for the year: any date for a fixed item, this year's for a yearly one. */
  public boolean doneIn(int year, LocalDate doneOn) {
    return doneOn != null && (!yearly || doneOn.getYear() == year);
  }
}
