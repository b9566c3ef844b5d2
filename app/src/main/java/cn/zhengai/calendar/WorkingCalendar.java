package cn.zhengai.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The college's working days over a stretch of consecutive terms: a day is a working day when it is a 调休 working
 * day, or a Monday–Friday that is no holiday; it is a working day in term when a term holds it too. Milestones are
 * placed on working days in term only.
 */
public final class WorkingCalendar {

  /** How far a date may move to reach a working day in term: more than the longest vacation. */
  private static final int LONGEST_SEARCH = 120;

  private final List<Term> terms;
  private final Map<LocalDate, CollegeDay> days;

  /** {@code terms} consecutive, without gaps in the list (a missing term would read as one long vacation). */
  public WorkingCalendar(List<Term> terms, List<CollegeDay> days) {
    this.terms = terms.stream().sorted(Comparator.comparing(Term::startsOn)).toList();
    this.days = days.stream().collect(Collectors.toMap(CollegeDay::day, Function.identity(), (entered, assumed) -> entered));
  }

  public boolean isWorkingDay(LocalDate day) {
    CollegeDay special = days.get(day);
    if (special != null) {
      return special.kind() == CollegeDay.Kind.WORKDAY;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  public Optional<Term> termOf(LocalDate day) {
    return terms.stream().filter(term -> term.contains(day)).findFirst();
  }

  public boolean isWorkingDayInTerm(LocalDate day) {
    return isWorkingDay(day) && termOf(day).isPresent();
  }

  /** The day itself when it is a working day in term, else the next one. */
  public LocalDate workingDayInTermFrom(LocalDate day) {
    return step(day, 0, 1);
  }

  /** The working day in term {@code count} such days after ({@code count > 0}) or before ({@code count < 0}) a day. */
  public LocalDate workingDaysInTerm(LocalDate from, int count) {
    return step(from, Math.abs(count), count < 0 ? -1 : 1);
  }

  /** The last working day of a month that lies in term; none for a month spent in a vacation. */
  public Optional<LocalDate> lastWorkingDayInTerm(YearMonth month) {
    for (LocalDate day = month.atEndOfMonth(); !day.isBefore(month.atDay(1)); day = day.minusDays(1)) {
      if (isWorkingDayInTerm(day)) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  public Term term(Season season, int year) {
    return terms.stream().filter(term -> term.period().equals(season.termIn(year))).findFirst()
        .orElseThrow(() -> new IllegalStateException("校历未载入 " + season.termIn(year).label()));
  }

  public List<Term> terms() {
    return terms;
  }

  /** The entered and assumed holidays and 调休 days, by date. */
  public List<CollegeDay> days() {
    return days.values().stream().sorted(Comparator.comparing(CollegeDay::day)).toList();
  }

  /** The vacations between the terms: 寒假 when it begins in winter, else 暑假. */
  public List<Vacation> vacations() {
    List<Vacation> vacations = new ArrayList<>();
    for (int i = 1; i < terms.size(); i++) {
      LocalDate from = terms.get(i - 1).endsOn().plusDays(1);
      LocalDate to = terms.get(i).startsOn().minusDays(1);
      if (!to.isBefore(from)) {
        boolean winter = from.getMonthValue() <= 3 || from.getMonthValue() >= 11;
        vacations.add(new Vacation((winter ? to.getYear() + "年寒假" : from.getYear() + "年暑假"), from, to));
      }
    }
    return vacations;
  }

  private LocalDate step(LocalDate from, int count, int direction) {
    LocalDate day = from;
    int left = count;
    for (int moved = 0; moved <= LONGEST_SEARCH + count * 2; moved++) {
      if (left == 0 && isWorkingDayInTerm(day)) {
        return day;
      }
      day = day.plusDays(direction);
      if (left > 0 && isWorkingDayInTerm(day)) {
        left--;
        if (left == 0) {
          return day;
        }
      }
    }
    throw new IllegalStateException("校历中 " + from + (direction > 0 ? " 之后" : " 之前") + "找不到学期内的工作日");
  }
}
