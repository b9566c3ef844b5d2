package cn.zhengai.notification;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.nodes.NodeLock;
import cn.zhengai.notification.People.Person;
import cn.zhengai.notification.Webhooks.Webhook;
import cn.zhengai.org.OrgGroups;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One message a day for each person with an e-mail address, listing the notifications that are new for them since
 * the previous digest and that they have not read in the app yet; and one for each unit's group robot, listing what
 * was sent to the unit and its heads. A day's digest is written once (its row in {@code notification_digest_run}),
 * by one node at a time, and starts where the previous one ended, so nothing falls between two days.
 */
@Service
class DailyDigest {

  static final String LOCK = "notification-digest";
  private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CollegeTime.ZONE);

  private final JdbcTemplate jdbc;
  private final NodeLock nodeLock;
  private final TransactionTemplate transaction;
  private final NotificationSettings settings;
  private final People people;
  private final Webhooks webhooks;
  private final Outbox outbox;
  private final Clock clock;

  DailyDigest(JdbcTemplate jdbc, NodeLock nodeLock, PlatformTransactionManager transactionManager,
      NotificationSettings settings, People people, Webhooks webhooks, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.nodeLock = nodeLock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.settings = settings;
    this.people = people;
    this.webhooks = webhooks;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Scheduled(cron = "${zhengai.notifications.digest-cron}", zone = "Asia/Shanghai")
  void scheduled() {
    LOG.info("每日通知汇总：写入 {} 条待发消息", write());
  }

  /** Writes today's digests into the outbox unless today's were written; returns how many messages it queued. */
  int write() {
    return transaction.execute(status -> {
      nodeLock.holdUntilCommit(LOCK);
      Instant now = Instant.now(clock);
      LocalDate today = CollegeTime.today(clock);
      if (jdbc.queryForObject("SELECT COUNT(*) FROM notification_digest_run WHERE digest_day = ?", Integer.class,
          Date.valueOf(today)) > 0) {
        return 0;
      }
      Instant from = jdbc.query("SELECT MAX(covered_to) FROM notification_digest_run",
          (rs, n) -> rs.getTimestamp(1)).stream().filter(java.util.Objects::nonNull).map(Timestamp::toInstant).findFirst()
          .orElse(now.minus(java.time.Duration.ofDays(1)));
      jdbc.update("INSERT INTO notification_digest_run (digest_day, covered_from, covered_to) VALUES (?, ?, ?)",
          Date.valueOf(today), Timestamp.from(from), Timestamp.from(now));
      List<Item> items = jdbc.query("SELECT id, recipient_group, recipient_user, subject, body, created_at FROM notification"
          + " WHERE created_at > ? AND created_at <= ? ORDER BY created_at, id", (rs, n) -> new Item(rs.getLong("id"),
          rs.getString("recipient_group"), rs.getString("recipient_user"), rs.getString("subject"), rs.getString("body"),
          rs.getTimestamp("created_at").toInstant()), Timestamp.from(from), Timestamp.from(now));
      if (items.isEmpty()) {
        return 0;
      }
      String period = "自 " + MOMENT.format(from) + " 至 " + MOMENT.format(now);
      return toPeople(today, period, items) + toRobots(today, period, items);
    });
  }

  private int toPeople(LocalDate today, String period, List<Item> items) {
    if (!settings.mail().enabled()) {
      return 0;
    }
    Map<Person, List<String>> members = people.membersOf(items.stream().map(Item::group).filter(java.util.Objects::nonNull)
        .distinct().toList());
    for (Item item : items) {
      if (item.user() != null) {
        people.find(item.user()).ifPresent(person -> members.putIfAbsent(person, List.of()));
      }
    }
    int queued = 0;
    for (Map.Entry<Person, List<String>> member : members.entrySet()) {
      Person person = member.getKey();
      if (person.email() == null) {
        continue;
      }
      Set<Long> read = new HashSet<>(jdbc.queryForList("SELECT notification_id FROM notification_read WHERE user_id = ?",
          Long.class, person.id()));
      List<Item> theirs = items.stream().filter(item -> !read.contains(item.id())
          && (person.id().equals(item.user()) || member.getValue().contains(item.group()))).toList();
      if (!theirs.isEmpty() && outbox.enqueue("digest/" + today + "/" + Channel.EMAIL + "/" + person.id(), Channel.EMAIL,
          person.id(), subject(today, person.name(), theirs.size()),
          person.name() + "，您好：\n\n" + period + "，诊改平台有 " + theirs.size() + " 条与您有关的新通知：\n\n" + list(theirs))) {
        queued++;
      }
    }
    return queued;
  }

  private int toRobots(LocalDate today, String period, List<Item> items) {
    int queued = 0;
    List<String> unitIds = jdbc.queryForList("SELECT id FROM org_unit", String.class);
    for (Webhook hook : webhooks.enabledOf(unitIds, settings)) {
      List<String> groups = List.of(hook.unitId(), OrgGroups.headsOf(hook.unitId()));
      List<Item> theirs = items.stream().filter(item -> groups.contains(item.group())).toList();
      if (!theirs.isEmpty() && outbox.enqueue("digest/" + today + "/" + hook.channel() + "/" + hook.unitId(), hook.channel(),
          hook.unitId(), subject(today, hook.unitName(), theirs.size()),
          period + "，诊改平台发给" + hook.unitName() + "的新通知 " + theirs.size() + " 条：\n\n" + list(theirs))) {
        queued++;
      }
    }
    return queued;
  }

  private static String subject(LocalDate today, String whom, int count) {
    return "【诊改每日通知】" + today + " " + whom + "：" + count + " 条新通知";
  }

  private static String list(List<Item> items) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      lines.add((i + 1) + ". " + item.subject() + "（" + MOMENT.format(item.createdAt()) + "）"
          + (item.body() == null || item.body().isBlank() ? "" : "\n   " + item.body().strip().replace("\n", "\n   ")));
    }
    return String.join("\n\n", lines);
  }

  private record Item(long id, String group, String user, String subject, String body, Instant createdAt) {}
}
