package cn.zhengai.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Messages waiting to leave the app. A message is written in the caller's transaction, so it exists only if what
 * it tells of happened; {@link Deliveries} sends it later, outside any process. Each message key is written once.
 */
@Component
class Outbox {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Outbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Queues a message unless one with this key exists; true if it was queued. */
  boolean enqueue(String messageKey, Channel channel, String recipient, String subject, String body) {
    Timestamp now = Timestamp.from(Instant.now(clock));
    // no insert that may fail on the key: a failed statement would abort the caller's (the engine's) transaction
    return jdbc.update("INSERT INTO notification_outbox (message_key, channel, recipient, subject, body, created_at, status,"
        + " attempts, next_attempt_at) SELECT ?, ?, ?, ?, ?, ?, 'PENDING', 0, ? FROM (VALUES (1)) AS one (x)"
        + " WHERE NOT EXISTS (SELECT 1 FROM notification_outbox WHERE message_key = ?)",
        messageKey, channel.name(), recipient, limited(subject, 200), limited(body, 20000), now, now, messageKey) > 0;
  }

  private static String limited(String text, int length) {
    return text.length() > length ? text.substring(0, length - 1) + "…" : text;
  }
}
