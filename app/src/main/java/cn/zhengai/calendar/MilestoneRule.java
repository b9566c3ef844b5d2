package cn.zhengai.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * How a milestone's date is found in any year. The rule names a day ({@link #namedDay}); when that day is not a
 * working day in term (a weekend, a holiday, a vacation day; a 调休 Saturday is a working day) the milestone moves to
 * the next working day in term ({@link #dateIn}).
 */
public sealed interface MilestoneRule {

  /** "第一个" … "第四个", or "最后一个" with {@link #LAST}. */
  int LAST = -1;

  LocalDate namedDay(int year, WorkingCalendar calendar);

  /** The rule in Chinese, e.g. 三月第三个星期五. */
  String describe();

  default LocalDate dateIn(int year, WorkingCalendar calendar) {
    return calendar.workingDayInTermFrom(namedDay(year, calendar));
  }

  /** e.g. the third Friday of March; {@code nth} 1–4 or {@link #LAST}. */
  static MilestoneRule weekdayOfMonth(Month month, DayOfWeek weekday, int nth) {
    return new WeekdayOfMonth(month, weekday, nth);
  }

  /** e.g. the first working day of December; {@code nth} 1–20 or {@link #LAST}. */
  static MilestoneRule workingDayOfMonth(Month month, int nth) {
    return new WorkingDayOfMonth(month, nth);
  }

  /** The working day in term {@code days} such days after the term of {@code season} starts. */
  static MilestoneRule afterTermStarts(Season season, int days) {
    return new AfterTermStarts(season, days);
  }

  /** The working day in term {@code days} such days before the term of {@code season} ends. */
  static MilestoneRule beforeTermEnds(Season season, int days) {
    return new BeforeTermEnds(season, days);
  }

  record WeekdayOfMonth(Month month, DayOfWeek weekday, int nth) implements MilestoneRule {
    public LocalDate namedDay(int year, WorkingCalendar calendar) {
      LocalDate first = LocalDate.of(year, month, 1);
      return first.with(nth == LAST ? TemporalAdjusters.lastInMonth(weekday) : TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
    }

    public String describe() {
      return Words.month(month) + Words.nth(nth) + Words.weekday(weekday);
    }
  }

  record WorkingDayOfMonth(Month month, int nth) implements MilestoneRule {
    public LocalDate namedDay(int year, WorkingCalendar calendar) {
      YearMonth yearMonth = YearMonth.of(year, month);
      LocalDate day = nth == LAST ? yearMonth.atEndOfMonth() : yearMonth.atDay(1);
      int step = nth == LAST ? -1 : 1;
      int left = nth == LAST ? 1 : nth;
      while (YearMonth.from(day).equals(yearMonth)) {
        if (calendar.isWorkingDay(day) && --left == 0) {
          return day;
        }
        day = day.plusDays(step);
      }
      return day;
    }

    public String describe() {
      return Words.month(month) + (nth == LAST ? "最后一个工作日" : "第 " + nth + " 个工作日");
    }
  }

  record AfterTermStarts(Season season, int days) implements MilestoneRule {
    public LocalDate namedDay(int year, WorkingCalendar calendar) {
      return calendar.workingDaysInTerm(calendar.term(season, year).startsOn(), days);
    }

    public String describe() {
      return season.label() + "开学后第 " + days + " 个工作日";
    }
  }

  record BeforeTermEnds(Season season, int days) implements MilestoneRule {
    public LocalDate namedDay(int year, WorkingCalendar calendar) {
      return calendar.workingDaysInTerm(calendar.term(season, year).endsOn(), -days);
    }

    public String describe() {
      return season.label() + "结束前第 " + days + " 个工作日";
    }
  }

  /** Chinese words for the rules' descriptions. */
  final class Words {
    private static final String[] NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private Words() {}

    static String month(Month month) {
      return NUMBERS[month.getValue() - 1] + "月";
    }

    static String nth(int nth) {
      return nth == LAST ? "最后一个" : "第" + NUMBERS[nth - 1] + "个";
    }

    static String weekday(DayOfWeek weekday) {
      return WEEKDAYS[weekday.getValue() - 1];
    }
  }
}
