package cn.zhengai.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Messages to a group (a unit's heads, the QA office), read in the app's API by the group's members, or to one
 * person (the daily digest of deadline warnings).
 */
@Service
public class Notifications {

  private static final String MINE = " FROM notification WHERE recipient_group IN (:groups) OR recipient_user = :user";

  private final JdbcTemplate jdbc;
  private final java.time.Clock clock;

  Notifications(JdbcTemplate jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void send(String recipientGroup, Kind kind, String subject, String body, String processInstanceId) {
    jdbc.update("INSERT INTO notification (recipient_group, kind, subject, body, process_instance_id, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", recipientGroup, kind.name(), subject, body, processInstanceId, Timestamp.from(Instant.now(clock)));
  }

  /**
   * The one message of a kind a person gets on a day: written the first time, brought up to date afterwards (a
   * second scan the same day adds to the same digest).
   */
  public void sendDaily(String recipientUser, Kind kind, java.time.LocalDate day, java.time.ZoneId zone, String subject,
      String body) {
    Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
    Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
    int updated = jdbc.update("UPDATE notification SET kind = ?, subject = ?, body = ? WHERE recipient_user = ?"
        + " AND kind IN (?, ?) AND created_at >= ? AND created_at < ?", kind.name(), subject, body, recipientUser,
        Kind.DUE_SOON.name(), Kind.OVERDUE.name(), from, to);
    if (updated == 0) {
      jdbc.update("INSERT INTO notification (recipient_user, kind, subject, body, created_at) VALUES (?, ?, ?, ?, ?)",
          recipientUser, kind.name(), subject, body, Timestamp.from(Instant.now(clock)));
    }
  }

  /** What a person reads: the messages to them and to their groups, newest first, {@code limit} from {@code offset}. */
  public List<Notification> mine(String userId, List<String> groupIds, long offset, int limit) {
    return new NamedParameterJdbcTemplate(jdbc).query("SELECT *" + MINE + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset",
        recipients(userId, groupIds).addValue("limit", limit).addValue("offset", offset),
        (rs, n) -> new Notification(rs.getLong("id"), rs.getString("recipient_group"), Kind.valueOf(rs.getString("kind")),
            rs.getString("subject"), rs.getString("body"), rs.getString("process_instance_id"),
            rs.getTimestamp("created_at").toInstant()));
  }

  /** How many messages {@link #mine} pages through. */
  public long countMine(String userId, List<String> groupIds) {
    return new NamedParameterJdbcTemplate(jdbc).queryForObject("SELECT COUNT(*)" + MINE, recipients(userId, groupIds), Long.class);
  }

  private static MapSqlParameterSource recipients(String userId, List<String> groupIds) {
    return new MapSqlParameterSource("groups", groupIds.isEmpty() ? List.of("") : groupIds).addValue("user", userId);
  }

  public enum Kind { REMINDER, ESCALATION, DUE_SOON, OVERDUE, DEVIATION, RESULT, DATA_SOURCE_FAILED }

  public record Notification(long id, String recipientGroup, Kind kind, String subject, String body,
      String processInstanceId, Instant createdAt) {}
}
