package cn.zhengai.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.notification.Notifications.Kind;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.support.EngineRest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notifications as an app with every channel off (the default) keeps them, on the database it runs on: nothing is
 * queued for anybody outside the app, read marks are each reader's own, a queued message on a channel that is off
 * is recorded as failed once and not tried again. {@link NotificationChannelsTest} sends through real channels.
 */
public abstract class NotificationStoreScenarios {

  private static final String SUBJECT = "【测试通知库】";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Notifications notifications;
  @Autowired Outbox outbox;
  @Autowired Deliveries deliveries;
  @Autowired DailyDigest digest;

  @AfterEach
  void removeWhatThisMade() {
    jdbc.update("DELETE FROM notification_delivery WHERE outbox_id IN (SELECT id FROM notification_outbox WHERE subject LIKE ?)",
        SUBJECT + "%");
    jdbc.update("DELETE FROM notification_outbox WHERE subject LIKE ?", SUBJECT + "%");
    jdbc.update("DELETE FROM notification WHERE subject LIKE ?", SUBJECT + "%");
    jdbc.update("DELETE FROM notification_webhook WHERE unit_id = ?", OrgGroups.PERSONNEL);
  }

  @Test
  void withEveryChannelOffNothingLeavesTheAppAndEachReaderMarksTheirOwn() {
    long queuedBefore = queued();
    notifications.send(OrgGroups.LEADING_GROUP, Kind.ESCALATION, SUBJECT + "升级到领导小组", "请督办。", null);
    notifications.send(OrgGroups.QA_OFFICE, Kind.DEVIATION, SUBJECT + "质管办的预警", "", null);
    assertThat(queued()).as("no channel is on: nothing is queued").isEqualTo(queuedBefore);

    EngineRest head = EngineRest.as(http, "zhouqiang");
    EngineRest staff = EngineRest.as(http, "wuqian");
    long unread = unread(staff);
    long id = head.get("/api/notifications?size=2000").expect(200).json().findParents("subject").stream()
        .filter(n -> n.get("subject").asText().equals(SUBJECT + "质管办的预警")).findFirst().orElseThrow().get("id").asLong();
    head.post("/api/notifications/" + id + "/read", Map.of()).expect(200);
    assertThat(unread(staff)).isEqualTo(unread);
    assertThat(staff.post("/api/notifications/read-all", Map.of()).expect(200).json().get("unread").asLong()).isZero();

    // a robot entered while its channel is off takes nothing; the day's digest is written once
    head.put("/api/notifications/webhooks/" + OrgGroups.PERSONNEL + "/WECOM", Map.of("url", "https://qyapi.example/send?key=k"))
        .expect(200);
    digest.write();
    assertThat(digest.write()).isZero();
    assertThat(queued()).isEqualTo(queuedBefore);

    // a message queued for a channel that is off is recorded as failed, once, and given up
    assertThat(outbox.enqueue("store-test/1", Channel.EMAIL, "zhouqiang", SUBJECT + "邮件", "正文")).isTrue();
    assertThat(outbox.enqueue("store-test/1", Channel.EMAIL, "zhouqiang", SUBJECT + "邮件", "正文")).isFalse();
    deliveries.deliverDue();
    assertThat(jdbc.queryForList("SELECT o.status || ' ' || d.attempt || ' ' || d.error FROM notification_delivery d"
        + " JOIN notification_outbox o ON o.id = d.outbox_id WHERE o.message_key = 'store-test/1'", String.class))
        .containsExactly("FAILED 1 电子邮件通道未启用（zhengai.notifications.mail.enabled）");
    deliveries.deliverDue();
    assertThat(head.get("/api/notifications/deliveries?failedOnly=true").expect(200).json().findValuesAsText("subject"))
        .containsOnlyOnce(SUBJECT + "邮件");
  }

  private long queued() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox", Long.class);
  }

  private static long unread(EngineRest user) {
    return user.get("/api/notifications/unread-count").expect(200).json().get("unread").asLong();
  }
}
