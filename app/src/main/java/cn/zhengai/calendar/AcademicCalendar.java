package cn.zhengai.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The academic calendar: the dated milestones due dates are taken from. */
@Service
public class AcademicCalendar {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AcademicCalendar(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<LocalDate> dateOf(int year, Milestone milestone) {
    return jdbc.query("SELECT milestone_date FROM academic_calendar WHERE calendar_year = ? AND milestone = ?",
        (rs, n) -> rs.getDate(1).toLocalDate(), year, milestone.name()).stream().findFirst();
  }

  public List<Entry> entriesOf(int year) {
    return jdbc.query("SELECT * FROM academic_calendar WHERE calendar_year = ? ORDER BY milestone_date",
        (rs, n) -> new Entry(rs.getInt("calendar_year"), Milestone.valueOf(rs.getString("milestone")),
            rs.getDate("milestone_date").toLocalDate(), rs.getString("note"), rs.getString("updated_by")),
        year);
  }

  @Transactional
  public Entry set(int year, Milestone milestone, LocalDate date, String note, String userId) {
    Timestamp now = Timestamp.from(Instant.now(clock));
    int updated = jdbc.update("UPDATE academic_calendar SET milestone_date = ?, note = ?, updated_by = ?, updated_at = ?"
        + " WHERE calendar_year = ? AND milestone = ?", Date.valueOf(date), note, userId, now, year, milestone.name());
    if (updated == 0) {
      jdbc.update("INSERT INTO academic_calendar (calendar_year, milestone, milestone_date, note, updated_by, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)", year, milestone.name(), Date.valueOf(date), note, userId, now);
    }
    return new Entry(year, milestone, date, note, userId);
  }

  /** One milestone of one year. */
  public record Entry(int year, Milestone milestone, LocalDate date, String note, String updatedBy) {
    public String milestoneLabel() {
      return milestone.label();
    }
  }
}
