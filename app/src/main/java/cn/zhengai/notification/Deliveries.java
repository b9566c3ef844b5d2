package cn.zhengai.notification;

import cn.zhengai.nodes.NodeLock;
import cn.zhengai.notification.Webhooks.Webhook;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the outbox, outside every process: each attempt is recorded with the channel's answer; a
 * failed message is tried again after a wait that doubles each time, up to {@code max-attempts}, then given up.
 * Every node runs this job; a {@link NodeLock} makes them take turns, so a message is never sent twice.
 */
@Service
class Deliveries {

  static final String LOCK = "notification-delivery";
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
  /** Messages one run sends at most, so that the lock is held briefly; the rest go in the next run. */
  private static final int BATCH = 100;

  private final JdbcTemplate jdbc;
  private final NodeLock nodeLock;
  private final TransactionTemplate transaction;
  private final NotificationSettings settings;
  private final MailChannel mail;
  private final RobotChannel robots;
  private final People people;
  private final Webhooks webhooks;
  private final Clock clock;

  Deliveries(JdbcTemplate jdbc, NodeLock nodeLock, PlatformTransactionManager transactionManager,
      NotificationSettings settings, MailChannel mail, RobotChannel robots, People people, Webhooks webhooks, Clock clock) {
    this.jdbc = jdbc;
    this.nodeLock = nodeLock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.settings = settings;
    this.mail = mail;
    this.robots = robots;
    this.people = people;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  @Scheduled(cron = "${zhengai.notifications.delivery-cron}", zone = "Asia/Shanghai")
  void scheduled() {
    Result result = deliverDue();
    if (result.sent() + result.failed() > 0) {
      LOG.info("通知发送：成功 {} 条，失败 {} 条", result.sent(), result.failed());
    }
  }

  /** Sends every message that is due now, one node at a time. */
  Result deliverDue() {
    return transaction.execute(status -> {
      nodeLock.holdUntilCommit(LOCK);
      Timestamp now = Timestamp.from(Instant.now(clock));
      List<Waiting> due = jdbc.query("SELECT id, channel, recipient, subject, body, attempts FROM notification_outbox"
          + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT " + BATCH,
          (rs, n) -> new Waiting(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
              rs.getString("subject"), rs.getString("body"), rs.getInt("attempts") + 1), now);
      int sent = 0;
      for (Waiting message : due) {
        if (attempt(message, now)) {
          sent++;
        }
      }
      return new Result(sent, due.size() - sent);
    });
  }

  private boolean attempt(Waiting message, Timestamp now) {
    String error = null;
    boolean retryable = false;
    try {
      send(message);
    } catch (DeliveryFailure failure) {
      error = failure.getMessage();
      retryable = failure.retryable();
    } catch (RuntimeException e) {
      // whatever a channel throws is this message's failure, never the other messages' or a process's
      error = "发送时出现意外错误（" + DeliveryFailure.detail(e) + "）";
      retryable = true;
      LOG.warn("通知 {} 发送时出现意外错误", message.id(), e);
    }
    jdbc.update("INSERT INTO notification_delivery (outbox_id, channel, recipient, attempt, succeeded, error, attempted_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", message.id(), message.channel().name(), message.recipient(), message.attempt(),
        error == null, error == null ? null : (error.length() > 1000 ? error.substring(0, 999) + "…" : error), now);
    if (error == null) {
      jdbc.update("UPDATE notification_outbox SET status = 'SENT', attempts = ?, next_attempt_at = NULL WHERE id = ?",
          message.attempt(), message.id());
      return true;
    }
    boolean giveUp = !retryable || message.attempt() >= settings.maxAttempts();
    jdbc.update("UPDATE notification_outbox SET status = ?, attempts = ?, next_attempt_at = ? WHERE id = ?",
        giveUp ? "FAILED" : "PENDING", message.attempt(),
        giveUp ? null : Timestamp.from(now.toInstant().plus(waitAfter(message.attempt()))), message.id());
    return false;
  }

  /** The wait after a message's n-th failed attempt: the first wait, doubled for each attempt after the first. */
  Duration waitAfter(int attempt) {
    return settings.firstRetryAfter().multipliedBy(1L << Math.min(attempt - 1, 20));
  }

  private void send(Waiting message) throws DeliveryFailure {
    if (message.channel() == Channel.EMAIL) {
      String address = people.find(message.recipient()).map(People.Person::email).orElseThrow(() ->
          new DeliveryFailure("用户 " + message.recipient() + " 没有登记电子邮件地址（可在“首页 → 个人资料”中填写）", false));
      mail.send(address, message.subject(), message.body());
      return;
    }
    Webhook hook = webhooks.find(message.recipient(), message.channel()).filter(Webhook::enabled).orElseThrow(() ->
        new DeliveryFailure("单位 " + message.recipient() + " 的" + message.channel().label() + "已删除或停用", false));
    if (!settings.enabled(message.channel())) {
      throw new DeliveryFailure(message.channel().label() + "通道未启用（zhengai.notifications."
          + message.channel().name().toLowerCase() + ".enabled）", false);
    }
    robots.send(hook, message.subject(), message.body(), settings.notificationsPage());
  }

  private record Waiting(long id, Channel channel, String recipient, String subject, String body, int attempt) {}

  /** Messages sent and attempts that failed in one run. */
  record Result(int sent, int failed) {}
}
