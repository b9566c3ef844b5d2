package cn.zhengai.calendar;

import cn.zhengai.spiral.Level;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The academic calendar: the milestones due dates are taken from, each generated for any year from its rule on the
 * college's terms and holidays, unless 院办 set that year's date by hand (which wins).
 */
@Service
public class AcademicCalendar {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final CollegeCalendar college;

  AcademicCalendar(JdbcTemplate jdbc, Clock clock, CollegeCalendar college) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.college = college;
  }

  /** The milestone's date in a year: set by hand, else generated from its rule. */
  public LocalDate dateOf(int year, Milestone milestone) {
    Override override = overridesOf(year).get(milestone);
    return override != null ? override.date() : milestone.rule().dateIn(year, college.around(year));
  }

  /** The last working day of a month that lies in term; none for a month spent in a vacation. */
  public Optional<LocalDate> lastWorkingDayInTerm(YearMonth month) {
    return college.around(month.getYear()).lastWorkingDayInTerm(month);
  }

  /** Every milestone of the year, by date, with its rule, the generated date and the date in force. */
  public List<Entry> entriesOf(int year) {
    WorkingCalendar calendar = college.around(year);
    Map<Milestone, Override> overrides = overridesOf(year);
    return Arrays.stream(Milestone.values()).map(milestone -> {
      LocalDate generated = milestone.rule().dateIn(year, calendar);
      Override override = overrides.get(milestone);
      return new Entry(year, milestone, milestone.label(), milestone.level(), milestone.level().label(), milestone.rule().describe(),
          generated, override == null ? generated : override.date(), override != null, override == null ? null : override.note(),
          override == null ? null : override.updatedBy());
    }).sorted(Comparator.comparing(Entry::date).thenComparing(Entry::milestone)).toList();
  }

  /** Sets one year's date by hand; it wins over the rule until cleared. */
  @Transactional
  public Entry set(int year, Milestone milestone, LocalDate date, String note, String userId) {
    if (date.getYear() != year && date.getYear() != year + 1) {
      throw CollegeCalendar.refused("“" + milestone.label() + "”的日期（date）" + date + " 不在 " + year + " 年度内（应在 " + year + "–"
          + (year + 1) + " 年）");
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    int updated = jdbc.update("UPDATE academic_calendar SET milestone_date = ?, note = ?, updated_by = ?, updated_at = ?"
        + " WHERE calendar_year = ? AND milestone = ?", Date.valueOf(date), note, userId, now, year, milestone.name());
    if (updated == 0) {
      jdbc.update("INSERT INTO academic_calendar (calendar_year, milestone, milestone_date, note, updated_by, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)", year, milestone.name(), Date.valueOf(date), note, userId, now);
    }
    return entriesOf(year).stream().filter(entry -> entry.milestone() == milestone).findFirst().orElseThrow();
  }

  /** Drops the date set by hand: the rule's date is in force again. */
  public boolean clear(int year, Milestone milestone) {
    return jdbc.update("DELETE FROM academic_calendar WHERE calendar_year = ? AND milestone = ?", year, milestone.name()) > 0;
  }

  private Map<Milestone, Override> overridesOf(int year) {
    Map<Milestone, Override> overrides = new HashMap<>();
    jdbc.query("SELECT milestone, milestone_date, note, updated_by FROM academic_calendar WHERE calendar_year = ?", rs -> {
      String name = rs.getString("milestone");
      Override override = new Override(rs.getDate("milestone_date").toLocalDate(), rs.getString("note"), rs.getString("updated_by"));
      Arrays.stream(Milestone.values()).filter(m -> m.name().equals(name)).findFirst().ifPresent(milestone -> overrides.put(milestone, override));
    }, year);
    return overrides;
  }

  private record Override(LocalDate date, String note, String updatedBy) {}

  /**
   * One milestone of one year: {@code generatedDate} from its {@code rule}, {@code date} the one in force;
   * {@code overridden} when 院办 set it by hand ({@code note}, {@code updatedBy}).
   */
  public record Entry(int year, Milestone milestone, String milestoneLabel, Level level, String levelLabel, String rule,
      LocalDate generatedDate, LocalDate date, boolean overridden, String note, String updatedBy) {}
}
