package cn.zhengai.notification;

import cn.zhengai.org.OrgGroups;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Messages to a group (a unit's heads, the QA office), read in the app's API by the group's members, or to one
 * person (the daily digest of deadline warnings). Each reader marks them read for themselves. Outside the app they
 * reach people through the daily digest ({@link DailyDigest}); an escalation to the leading group at once
 * ({@link ImmediateMessages}).
 */
@Service
public class Notifications {

  private static final String MINE = " FROM notification n WHERE (n.recipient_group IN (:groups) OR n.recipient_user = :user)";
  private static final String UNREAD = " AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id"
      + " AND r.user_id = :user)";

  private final JdbcTemplate jdbc;
  private final java.time.Clock clock;
  private final ImmediateMessages immediate;

  Notifications(JdbcTemplate jdbc, java.time.Clock clock, ImmediateMessages immediate) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.immediate = immediate;
  }

  public void send(String recipientGroup, Kind kind, String subject, String body, String processInstanceId) {
    long id = insert("recipient_group", recipientGroup, kind, subject, body, processInstanceId);
    if (kind == Kind.ESCALATION && OrgGroups.LEADING_GROUP.equals(recipientGroup)) {
      immediate.escalatedToLeadingGroup(id, subject, body);
    }
  }

  /** A message to one person about a process, e.g. the reminder of a task given to them alone. */
  public void sendToPerson(String recipientUser, Kind kind, String subject, String body, String processInstanceId) {
    insert("recipient_user", recipientUser, kind, subject, body, processInstanceId);
  }

  private long insert(String recipientColumn, String recipient, Kind kind, String subject, String body, String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO notification (" + recipientColumn + ", kind, subject,"
          + " body, process_instance_id, created_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, recipient);
      insert.setString(2, kind.name());
      insert.setString(3, subject);
      insert.setString(4, body);
      insert.setString(5, processInstanceId);
      insert.setTimestamp(6, Timestamp.from(Instant.now(clock)));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  /**
   * The one message of a kind a person gets on a day: written the first time, brought up to date afterwards (a
   * second scan the same day adds to the same digest, which is then unread again).
   */
  public void sendDaily(String recipientUser, Kind kind, java.time.LocalDate day, java.time.ZoneId zone, String subject,
      String body) {
    Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
    Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
    String today = " WHERE recipient_user = ? AND kind IN (?, ?) AND created_at >= ? AND created_at < ?";
    jdbc.update("DELETE FROM notification_read WHERE notification_id IN (SELECT id FROM notification" + today + ")",
        recipientUser, Kind.DUE_SOON.name(), Kind.OVERDUE.name(), from, to);
    int updated = jdbc.update("UPDATE notification SET kind = ?, subject = ?, body = ?" + today, kind.name(), subject, body,
        recipientUser, Kind.DUE_SOON.name(), Kind.OVERDUE.name(), from, to);
    if (updated == 0) {
      jdbc.update("INSERT INTO notification (recipient_user, kind, subject, body, created_at) VALUES (?, ?, ?, ?, ?)",
          recipientUser, kind.name(), subject, body, Timestamp.from(Instant.now(clock)));
    }
  }

  /** What a person reads: the messages to them and to their groups, newest first, {@code limit} from {@code offset}. */
  public List<Notification> mine(String userId, List<String> groupIds, long offset, int limit) {
    return named().query("SELECT n.*, CASE WHEN EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id"
            + " AND r.user_id = :user) THEN TRUE ELSE FALSE END AS is_read" + MINE
            + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset",
        recipients(userId, groupIds).addValue("limit", limit).addValue("offset", offset),
        (rs, n) -> new Notification(rs.getLong("id"), rs.getString("recipient_group"), Kind.valueOf(rs.getString("kind")),
            rs.getString("subject"), rs.getString("body"), rs.getString("process_instance_id"),
            rs.getTimestamp("created_at").toInstant(), rs.getBoolean("is_read")));
  }

  /** How many messages {@link #mine} pages through. */
  public long countMine(String userId, List<String> groupIds) {
    return named().queryForObject("SELECT COUNT(*)" + MINE, recipients(userId, groupIds), Long.class);
  }

  /** How many of them the person has not read. */
  public long countUnread(String userId, List<String> groupIds) {
    return named().queryForObject("SELECT COUNT(*)" + MINE + UNREAD, recipients(userId, groupIds), Long.class);
  }

  /**
   * Marks one of the person's messages read ({@code id}), or all of them ({@code id} null); false when {@code id}
   * is not theirs. Marking twice changes nothing.
   */
  public boolean markRead(String userId, List<String> groupIds, Long id) {
    MapSqlParameterSource parameters = recipients(userId, groupIds).addValue("id", id)
        .addValue("now", Timestamp.from(Instant.now(clock)));
    String one = id == null ? "" : " AND n.id = :id";
    if (id != null && named().queryForObject("SELECT COUNT(*)" + MINE + one, parameters, Long.class) == 0) {
      return false;
    }
    try {
      named().update("INSERT INTO notification_read (notification_id, user_id, read_at) SELECT n.id, :user, :now" + MINE + one
          + UNREAD, parameters);
    } catch (DuplicateKeyException e) {
      // the same person marked it read at the same moment in another tab
    }
    return true;
  }

  private NamedParameterJdbcTemplate named() {
    return new NamedParameterJdbcTemplate(jdbc);
  }

  private static MapSqlParameterSource recipients(String userId, List<String> groupIds) {
    return new MapSqlParameterSource("groups", groupIds.isEmpty() ? List.of("") : groupIds).addValue("user", userId);
  }

  public enum Kind { REMINDER, ESCALATION, DUE_SOON, OVERDUE, DEVIATION, RESULT, DATA_SOURCE_FAILED }

  public record Notification(long id, String recipientGroup, Kind kind, String subject, String body,
      String processInstanceId, Instant createdAt, boolean read) {}
}
