package cn.zhengai.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Every escalation of an overdue task, kept for accountability (问责): task, unit, stage, when, to whom. */
@Service
public class EscalationRecords {

  private final JdbcTemplate jdbc;

  EscalationRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the escalation once; returns false if this unit's task was already escalated at this stage to the same
   * recipient (each expert of a panel is reminded on their own; the panel's lateness goes to 质管办 once).
   */
  public boolean record(Escalation escalation) {
    Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM escalation_record WHERE process_instance_id = ?"
        + " AND unit_id = ? AND activity_id = ? AND stage = ? AND escalated_to = ?", Integer.class,
        escalation.processInstanceId(), escalation.unitId(), escalation.activityId(), escalation.stage(), escalation.escalatedTo());
    if (already != null && already > 0) {
      return false;
    }
    jdbc.update("INSERT INTO escalation_record (process_instance_id, business_key, unit_id, activity_id, stage,"
              + " escalated_to, due_at, escalated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          escalation.processInstanceId(), escalation.businessKey(), escalation.unitId(), escalation.activityId(),
          escalation.stage(), escalation.escalatedTo(),
          escalation.dueAt() == null ? null : new Timestamp(escalation.dueAt().getTime()),
          Timestamp.from(escalation.escalatedAt()));
    return true;
  }

  public List<Escalation> findAll(String unitId) {
    return find(unitId, 0, Integer.MAX_VALUE);
  }

  /** A unit's escalations (every unit's without one), oldest first, {@code limit} from {@code offset}. */
  public List<Escalation> find(String unitId, long offset, int limit) {
    List<Object> args = new ArrayList<>(unitId == null ? List.of() : List.of(unitId));
    args.add(limit);
    args.add(offset);
    return jdbc.query("SELECT * FROM escalation_record" + where(unitId) + " ORDER BY escalated_at, id LIMIT ? OFFSET ?",
        (rs, n) -> new Escalation(rs.getString("process_instance_id"), rs.getString("business_key"),
            rs.getString("unit_id"), rs.getString("activity_id"), rs.getString("stage"), rs.getString("escalated_to"),
            rs.getTimestamp("due_at"), rs.getTimestamp("escalated_at").toInstant()), args.toArray());
  }

  public long count(String unitId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM escalation_record" + where(unitId), Long.class,
        unitId == null ? new Object[0] : new Object[] {unitId});
  }

  private static String where(String unitId) {
    return unitId == null ? "" : " WHERE unit_id = ?";
  }

  public record Escalation(String processInstanceId, String businessKey, String unitId, String activityId, String stage,
      String escalatedTo, Date dueAt, Instant escalatedAt) {}
}
