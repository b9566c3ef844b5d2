package cn.zhengai.monitoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The deviations monitoring found (deviation_warning): one row per task or indicator, per checkpoint. */
@Repository
public class DeviationWarnings {

  private final JdbcTemplate jdbc;

  DeviationWarnings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(int year, LocalDate checkpoint, String unitId, Deviation deviation, String processInstanceId, Instant at) {
    jdbc.update("INSERT INTO deviation_warning (plan_year, checkpoint, unit_id, kind, subject, process_instance_id, raised_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", year, Date.valueOf(checkpoint), unitId, deviation.kind().name(), deviation.subject(),
        processInstanceId, Timestamp.from(at));
  }

  public List<Warning> ofYear(int year) {
    return jdbc.query("SELECT * FROM deviation_warning WHERE plan_year = ? ORDER BY checkpoint, unit_id, id",
        (rs, n) -> new Warning(rs.getDate("checkpoint").toLocalDate(), rs.getString("unit_id"), Deviation.Kind.valueOf(rs.getString("kind")),
            rs.getString("subject"), rs.getString("process_instance_id"), rs.getTimestamp("raised_at").toInstant()), year);
  }

  /** A warning as kept, with the checkpoint instance that corrects it. */
  public record Warning(LocalDate checkpoint, String unitId, Deviation.Kind kind, String subject, String processInstanceId,
      Instant raisedAt) {}
}
