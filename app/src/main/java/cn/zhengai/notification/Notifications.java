package cn.zhengai.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** Messages to a group (a unit's heads, the QA office), read in the app's API by the group's members. */
@Service
public class Notifications {

  private final JdbcTemplate jdbc;

  Notifications(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void send(String recipientGroup, Kind kind, String subject, String body, String processInstanceId) {
    jdbc.update("INSERT INTO notification (recipient_group, kind, subject, body, process_instance_id, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", recipientGroup, kind.name(), subject, body, processInstanceId, Timestamp.from(Instant.now()));
  }

  public List<Notification> forGroups(List<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return new NamedParameterJdbcTemplate(jdbc).query(
        "SELECT * FROM notification WHERE recipient_group IN (:groups) ORDER BY created_at DESC, id DESC",
        new MapSqlParameterSource("groups", groupIds),
        (rs, n) -> new Notification(rs.getLong("id"), rs.getString("recipient_group"), Kind.valueOf(rs.getString("kind")),
            rs.getString("subject"), rs.getString("body"), rs.getString("process_instance_id"),
            rs.getTimestamp("created_at").toInstant()));
  }

  public enum Kind { REMINDER, ESCALATION, DUE_SOON, OVERDUE, DEVIATION }

  public record Notification(long id, String recipientGroup, Kind kind, String subject, String body,
      String processInstanceId, Instant createdAt) {}
}
