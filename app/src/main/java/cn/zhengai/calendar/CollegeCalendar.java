package cn.zhengai.calendar;

import cn.zhengai.spiral.Period;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** The college's terms, holidays and 调休 working days as 院办 entered them, with the rules where it has not. */
@Service
class CollegeCalendar {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  CollegeCalendar(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The working days from the year before to the year after {@code year}: enough for every milestone of the year,
   * including those that fall in the next January or move past a vacation.
   */
  WorkingCalendar around(int year) {
    Map<Period, Term> entered = new HashMap<>();
    jdbc.query("SELECT * FROM college_term WHERE academic_year BETWEEN ? AND ?", rs -> {
      Period period = Period.semester(rs.getInt("academic_year"), rs.getInt("term"));
      entered.put(period, new Term(period, rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), true));
    }, year - 1, year + 1);
    List<Term> terms = new ArrayList<>();
    for (int academicYear = year - 1; academicYear <= year + 1; academicYear++) {
      for (int term = 1; term <= 2; term++) {
        Period period = Period.semester(academicYear, term);
        terms.add(entered.getOrDefault(period, Term.byRule(period)));
      }
    }
    List<CollegeDay> days = new ArrayList<>(jdbc.query("SELECT * FROM college_day WHERE calendar_day BETWEEN ? AND ?",
        (rs, n) -> new CollegeDay(rs.getDate("calendar_day").toLocalDate(), CollegeDay.Kind.valueOf(rs.getString("kind")),
            rs.getString("label"), true), Date.valueOf(LocalDate.of(year - 1, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 12, 31))));
    Set<Integer> enteredYears = new TreeSet<>(days.stream().map(day -> day.day().getYear()).toList());
    for (int other = year - 1; other <= year + 1; other++) {
      if (!enteredYears.contains(other)) {
        days.addAll(CollegeDay.assumedHolidaysOf(other));
      }
    }
    return new WorkingCalendar(terms, days);
  }

  /** Whether 院办 has entered the year's holidays and 调休 days (else the fixed-date holidays are assumed). */
  boolean holidaysEntered(int year) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM college_day WHERE calendar_day BETWEEN ? AND ?", Integer.class,
        Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    return count != null && count > 0;
  }

  /** Enters a term's dates; they may not overlap the terms before and after it. */
  @Transactional
  Term setTerm(int academicYear, int number, LocalDate startsOn, LocalDate endsOn, String userId) {
    if (number != 1 && number != 2) {
      throw refused("学期（term）应为 1（秋季学期）或 2（春季学期），不是 " + number);
    }
    if (academicYear < 2000 || academicYear > 2200) {
      throw refused("学年（academicYear）" + academicYear + " 不在 2000–2200 之间");
    }
    Period period = Period.semester(academicYear, number);
    String name = period.label();
    if (endsOn.isBefore(startsOn)) {
      throw refused(name + "的结束日期（endsOn）" + endsOn + " 早于开始日期（startsOn）" + startsOn);
    }
    int startYear = number == 1 ? academicYear : academicYear + 1;
    if (startsOn.getYear() != startYear) {
      throw refused(name + "的开始日期（startsOn）" + startsOn + " 不在 " + startYear + " 年内");
    }
    if (endsOn.getYear() != academicYear + 1 && !(number == 1 && endsOn.getYear() == academicYear)) {
      throw refused(name + "的结束日期（endsOn）" + endsOn + " 不在" + (number == 1 ? " " + academicYear + "–" : " ") + (academicYear + 1) + " 年内");
    }
    WorkingCalendar around = around(startYear);
    Period before = number == 1 ? Period.semester(academicYear - 1, 2) : Period.semester(academicYear, 1);
    Period after = number == 1 ? Period.semester(academicYear, 2) : Period.semester(academicYear + 1, 1);
    for (Term neighbour : around.terms()) {
      boolean overlaps = neighbour.period().equals(before) && !neighbour.endsOn().isBefore(startsOn)
          || neighbour.period().equals(after) && !neighbour.startsOn().isAfter(endsOn);
      if (overlaps) {
        throw refused(name + "（" + startsOn + " 至 " + endsOn + "）与" + neighbour.period().label() + "（" + neighbour.startsOn() + " 至 "
            + neighbour.endsOn() + "）重叠");
      }
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    int updated = jdbc.update("UPDATE college_term SET starts_on = ?, ends_on = ?, updated_by = ?, updated_at = ? WHERE academic_year = ? AND term = ?",
        Date.valueOf(startsOn), Date.valueOf(endsOn), userId, now, academicYear, number);
    if (updated == 0) {
      jdbc.update("INSERT INTO college_term (academic_year, term, starts_on, ends_on, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
          academicYear, number, Date.valueOf(startsOn), Date.valueOf(endsOn), userId, now);
    }
    return new Term(period, startsOn, endsOn, true);
  }

  /** Forgets a term's entered dates: the rule places it again. */
  boolean clearTerm(int academicYear, int number) {
    return jdbc.update("DELETE FROM college_term WHERE academic_year = ? AND term = ?", academicYear, number) > 0;
  }

  /** Enters a holiday or a 调休 working day of {@code year}. */
  @Transactional
  CollegeDay setDay(int year, LocalDate day, CollegeDay.Kind kind, String label, String userId) {
    if (day.getYear() != year) {
      throw refused("日期（day）" + day + " 不在 " + year + " 年内");
    }
    if (kind == CollegeDay.Kind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
      throw refused("调休上班日（day）" + day + " 是" + MilestoneRule.Words.weekday(day.getDayOfWeek()) + "：调休上班日只能是星期六或星期日");
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    int updated = jdbc.update("UPDATE college_day SET kind = ?, label = ?, updated_by = ?, updated_at = ? WHERE calendar_day = ?",
        kind.name(), label.strip(), userId, now, Date.valueOf(day));
    if (updated == 0) {
      jdbc.update("INSERT INTO college_day (calendar_day, kind, label, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
          Date.valueOf(day), kind.name(), label.strip(), userId, now);
    }
    return new CollegeDay(day, kind, label.strip(), true);
  }

  boolean deleteDay(int year, LocalDate day) {
    if (day.getYear() != year) {
      throw refused("日期（day）" + day + " 不在 " + year + " 年内");
    }
    return jdbc.update("DELETE FROM college_day WHERE calendar_day = ?", Date.valueOf(day)) > 0;
  }

  static ResponseStatusException refused(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }
}
