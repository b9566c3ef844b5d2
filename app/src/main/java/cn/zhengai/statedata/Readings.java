package cn.zhengai.statedata;

import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Subject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Every measured value: an indicator's reading for a subject and a period, from a source, loaded at a moment by a
 * run or a person. This is what monitors read: {@link #series} gives an indicator's history for one subject, oldest
 * period first, one value per period (the last loaded, when several sources read the same period).
 */
@Service
public class Readings {

  /** The source code of readings computed from other indicators by a formula. */
  public static final String DERIVED = "derived";

  private static final String LATEST_PER_PERIOD = "SELECT r.* FROM reading r JOIN indicator i ON i.id = r.indicator_id"
      + " WHERE i.code = ? AND r.subject_level = ? AND r.subject_id = ? AND NOT EXISTS (SELECT 1 FROM reading later"
      + " WHERE later.indicator_id = r.indicator_id AND later.subject_level = r.subject_level AND later.subject_id = r.subject_id"
      + " AND later.period_code = r.period_code AND (later.loaded_at > r.loaded_at OR later.loaded_at = r.loaded_at AND later.id > r.id))";

  private final JdbcTemplate jdbc;
  /** Reads every reading in chunks (a cursor on PostgreSQL, inside a transaction) instead of all at once. */
  private final JdbcTemplate streaming;

  Readings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(jdbc.getDataSource());
    this.streaming.setFetchSize(1000);
  }

  /** An indicator's readings for one subject, one per period, oldest period first. */
  public List<Reading> series(String indicatorCode, Subject subject) {
    return jdbc.query(LATEST_PER_PERIOD + " ORDER BY r.period_end, r.period_code", (rs, n) -> new Reading(indicatorCode,
        new Subject(Level.valueOf(rs.getString("subject_level")), rs.getString("subject_id")), Period.parse(rs.getString("period_code")),
        rs.getBigDecimal("reading_value").stripTrailingZeros(), rs.getString("source_code"), rs.getTimestamp("loaded_at").toInstant(),
        (Long) rs.getObject("run_id"), rs.getString("loaded_by")), indicatorCode, subject.level().name(), subject.id());
  }

  /**
   * Every indicator's series for every subject, one after the other, each as {@link #series} gives it: read in one
   * pass, so that a monitor evaluating them all holds one series at a time.
   */
  public void forEachSeries(SeriesHandler handler) {
    List<Reading> series = new ArrayList<>();
    streaming.query("SELECT i.code, r.subject_level, r.subject_id, r.period_code, r.reading_value, r.source_code, r.loaded_at,"
        + " r.run_id, r.loaded_by FROM reading r JOIN indicator i ON i.id = r.indicator_id"
        + " ORDER BY i.code, r.subject_level, r.subject_id, r.period_end, r.period_code, r.loaded_at, r.id", rs -> {
          String code = rs.getString(1);
          Subject subject = new Subject(Level.valueOf(rs.getString(2)), rs.getString(3));
          String periodCode = rs.getString(4);
          if (!series.isEmpty()) {
            Reading last = series.get(series.size() - 1);
            if (!last.indicatorCode().equals(code) || !last.subject().equals(subject)) {
              handler.handle(List.copyOf(series));
              series.clear();
            } else if (last.period().code().equals(periodCode)) {
              series.remove(series.size() - 1); // the period's reading loaded later counts
            }
          }
          series.add(new Reading(code, subject, Period.parse(periodCode), rs.getBigDecimal(5).stripTrailingZeros(), rs.getString(6),
              rs.getTimestamp(7).toInstant(), (Long) rs.getObject(8), rs.getString(9)));
        });
    if (!series.isEmpty()) {
      handler.handle(List.copyOf(series));
    }
  }

  /** Takes one indicator's series for one subject, oldest period first. */
  @FunctionalInterface
  public interface SeriesHandler {
    void handle(List<Reading> series);
  }

  /**
   * One reading: {@code runId} names the source run that loaded it, {@code loadedBy} the person (an upload) or the
   * pushing source.
   */
  public record Reading(String indicatorCode, Subject subject, Period period, BigDecimal value, String sourceCode,
      Instant loadedAt, Long runId, String loadedBy) {}

  /** The first day of a period, by the calendar (the academic calendar's own term dates are not needed to order readings). */
  static LocalDate start(Period period) {
    return switch (period.kind()) {
      case YEAR, THREE_YEARS -> LocalDate.of(period.firstYear(), 1, 1);
      case MONTH -> LocalDate.of(period.firstYear(), period.number(), 1);
      case SEMESTER -> period.number() == 1 ? LocalDate.of(period.firstYear(), 9, 1) : LocalDate.of(period.firstYear() + 1, 2, 1);
    };
  }

  /** The last day of a period, which orders periods of every kind in one series. */
  static LocalDate end(Period period) {
    return switch (period.kind()) {
      case YEAR, THREE_YEARS -> LocalDate.of(period.lastYear(), 12, 31);
      case MONTH -> YearMonth.of(period.firstYear(), period.number()).atEndOfMonth();
      case SEMESTER -> period.number() == 1 ? LocalDate.of(period.firstYear() + 1, 1, 31) : LocalDate.of(period.firstYear() + 1, 7, 31);
    };
  }
}
