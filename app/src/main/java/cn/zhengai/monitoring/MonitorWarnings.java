package cn.zhengai.monitoring;

import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Subject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The monitors' warnings (monitor_warning): open while their rule fires, one per indicator, subject and rule. */
@Repository
public class MonitorWarnings {

  private static final String SELECT = "SELECT w.*, i.code AS indicator_code, i.name AS indicator_name FROM monitor_warning w"
      + " JOIN indicator i ON i.id = w.indicator_id";
  private static final RowMapper<Warning> WARNING = (rs, n) -> new Warning(rs.getLong("id"), rs.getString("indicator_code"),
      rs.getString("indicator_name"), new Subject(Level.valueOf(rs.getString("subject_level")), rs.getString("subject_id")),
      MonitorRule.valueOf(rs.getString("rule")), rs.getString("owner_unit_id"), periodValues(rs.getString("points")),
      rs.getString("description"), State.valueOf(rs.getString("state")), rs.getTimestamp("raised_at").toInstant(),
      rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), rs.getString("process_instance_id"));

  private final JdbcTemplate jdbc;

  MonitorWarnings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The open warnings by {@link #key}. */
  Map<String, Warning> open() {
    Map<String, Warning> open = new HashMap<>();
    jdbc.query(SELECT + " WHERE w.state = 'OPEN'", WARNING).forEach(warning -> open.put(warning.key(), warning));
    return open;
  }

  long raise(long indicatorId, Finding finding, Instant at) {
    jdbc.update("INSERT INTO monitor_warning (indicator_id, subject_level, subject_id, rule, owner_unit_id, points, description,"
        + " state, open_key, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", indicatorId, finding.subject().level().name(),
        finding.subject().id(), finding.rule().name(), finding.ownerUnitId(), text(finding.points()), finding.description(),
        key(finding.indicatorCode(), finding.subject(), finding.rule()), Timestamp.from(at));
    return jdbc.queryForObject("SELECT id FROM monitor_warning WHERE open_key = ?", Long.class,
        key(finding.indicatorCode(), finding.subject(), finding.rule()));
  }

  void attachProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE monitor_warning SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  void close(long id, Instant at) {
    jdbc.update("UPDATE monitor_warning SET state = 'CLOSED', open_key = NULL, closed_at = ? WHERE id = ?", Timestamp.from(at), id);
  }

  /** Every warning, or those of one state, newest first. */
  public List<Warning> list(State state) {
    return state == null ? jdbc.query(SELECT + " ORDER BY w.raised_at DESC, w.id DESC", WARNING)
        : jdbc.query(SELECT + " WHERE w.state = ? ORDER BY w.raised_at DESC, w.id DESC", WARNING, state.name());
  }

  /** An indicator's warnings for a subject that are open. */
  List<Warning> openOf(String indicatorCode, Subject subject) {
    return jdbc.query(SELECT + " WHERE i.code = ? AND w.subject_level = ? AND w.subject_id = ? AND w.state = 'OPEN' ORDER BY w.id",
        WARNING, indicatorCode, subject.level().name(), subject.id());
  }

  /** Warnings are one per indicator, subject and rule while open. */
  static String key(String indicatorCode, Subject subject, MonitorRule rule) {
    return indicatorCode + "|" + subject.level() + "|" + subject.id() + "|" + rule;
  }

  private static String text(List<PeriodValue> points) {
    return String.join(";", points.stream().map(point -> point.period() + "=" + point.value()).toList());
  }

  private static List<PeriodValue> periodValues(String text) {
    List<PeriodValue> points = new ArrayList<>();
    Arrays.stream(text.split(";")).filter(part -> !part.isBlank()).forEach(part -> {
      int equals = part.indexOf('=');
      points.add(new PeriodValue(part.substring(0, equals), part.substring(equals + 1)));
    });
    return points;
  }

  public enum State { OPEN, CLOSED }

  /** A period and its value as the warning shows it. */
  public record PeriodValue(String period, String value) {}

  /** What a monitor found: the indicator and subject, the rule, the points behind it and the unit that owns it. */
  record Finding(String indicatorCode, Subject subject, MonitorRule rule, String ownerUnitId, List<PeriodValue> points,
      String description) {}

  /** A warning as kept, with the process that corrects it. */
  public record Warning(long id, String indicatorCode, String indicatorName, Subject subject, MonitorRule rule, String ownerUnitId,
      List<PeriodValue> points, String description, State state, Instant raisedAt, Instant closedAt, String processInstanceId) {

    String key() {
      return MonitorWarnings.key(indicatorCode, subject, rule);
    }
  }
}
