package cn.zhengai.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of every attempt to send a message, as 质管办 reads it: what, to whom, which attempt, how it ended. */
@Component
class DeliveryRecords {

  private static final String FROM = " FROM notification_delivery d JOIN notification_outbox o ON o.id = d.outbox_id"
      + " LEFT JOIN ACT_ID_USER u ON d.channel = 'EMAIL' AND u.ID_ = d.recipient"
      + " LEFT JOIN org_unit g ON d.channel <> 'EMAIL' AND g.id = d.recipient";
  private static final String FAILED = " WHERE d.succeeded = FALSE";

  private final JdbcTemplate jdbc;

  DeliveryRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Delivery> page(boolean failedOnly, long offset, int limit) {
    return jdbc.query("SELECT d.*, o.subject, o.status, o.next_attempt_at, u.FIRST_, u.LAST_, g.name AS unit_name" + FROM
        + (failedOnly ? FAILED : "") + " ORDER BY d.attempted_at DESC, d.id DESC LIMIT ? OFFSET ?", (rs, n) -> {
          Channel channel = Channel.valueOf(rs.getString("channel"));
          String name = channel == Channel.EMAIL
              ? java.util.Objects.toString(rs.getString("FIRST_"), "") + java.util.Objects.toString(rs.getString("LAST_"), "")
              : java.util.Objects.toString(rs.getString("unit_name"), "");
          boolean succeeded = rs.getBoolean("succeeded");
          java.sql.Timestamp next = rs.getTimestamp("next_attempt_at");
          return new Delivery(rs.getLong("id"), rs.getLong("outbox_id"), channel, channel.label(), rs.getString("recipient"),
              name.isEmpty() ? rs.getString("recipient") : name, rs.getString("subject"), rs.getInt("attempt"), succeeded,
              succeeded ? "成功" : "失败", rs.getString("error"), rs.getTimestamp("attempted_at").toInstant(),
              messageState(rs.getString("status")), next == null ? null : next.toInstant());
        }, limit, offset);
  }

  long count(boolean failedOnly) {
    return jdbc.queryForObject("SELECT COUNT(*)" + FROM + (failedOnly ? FAILED : ""), Long.class);
  }

  private static String messageState(String status) {
    return switch (status) {
      case "SENT" -> "已送达";
      case "FAILED" -> "已放弃";
      default -> "等待重试";
    };
  }

  /**
   * One attempt. {@code messageState} is where its message stands now (已送达, 等待重试 at {@code nextAttemptAt},
   * 已放弃 after the last attempt).
   */
  record Delivery(long id, long messageId, Channel channel, String channelLabel, String recipient, String recipientName,
      String subject, int attempt, boolean succeeded, String result, String error, Instant attemptedAt,
      String messageState, Instant nextAttemptAt) {}
}
