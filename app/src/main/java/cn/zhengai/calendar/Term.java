package cn.zhengai.calendar;

import cn.zhengai.spiral.Period;
import com.fasterxml.jackson.annotation.JsonProperty;
import cn.zhengai.spiral.PeriodKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A term (学期) of an academic year, as 院办 entered it, or else placed by rule ({@link #byRule}); the vacations
 * (寒假, 暑假) are the days between one term and the next.
 */
public record Term(Period period, LocalDate startsOn, LocalDate endsOn, boolean entered) {

  public Term {
    if (period.kind() != PeriodKind.SEMESTER) {
      throw new IllegalArgumentException("不是学期：" + period.label());
    }
  }

  /**
   * Where a term lies when 院办 has not entered it. The autumn term starts on the first Monday of September and
   * ends on the Friday before the winter break, which begins ten days before 春节 but no later than 20 January; the
   * spring term starts on the first Monday at least ten days after 春节 and not before 15 February, and ends on the
   * second Friday of July, when the summer break begins.
   */
  static Term byRule(Period term) {
    if (term.number() == 1) {
      int year = term.firstYear();
      LocalDate start = LocalDate.of(year, 9, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
      LocalDate breakBegins = min(SpringFestival.of(year + 1).minusDays(10), LocalDate.of(year + 1, 1, 20));
      return new Term(term, start, breakBegins.with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY)), false);
    }
    int year = term.firstYear() + 1;
    LocalDate earliest = max(SpringFestival.of(year).plusDays(10), LocalDate.of(year, 2, 15));
    LocalDate end = LocalDate.of(year, 7, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.FRIDAY));
    return new Term(term, earliest.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)), end, false);
  }

  @JsonProperty
  public Season season() {
    return Season.of(period);
  }

  /** 2026—2027学年第二学期（春季学期）. */
  @JsonProperty
  public String label() {
    return period.label() + "（" + season().label() + "）";
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
