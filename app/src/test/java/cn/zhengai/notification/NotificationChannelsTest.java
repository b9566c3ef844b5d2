package cn.zhengai.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.browser.Browser;
import cn.zhengai.browser.BrowserTestSupport;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.notification.Notifications.Kind;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications leave the app: each person's daily digest by e-mail (a real SMTP server, GreenMail), the units'
 * 企业微信 and 钉钉 group robots (a local HTTP server standing in for them), escalations to the leading group at once;
 * a channel that fails is retried with a growing wait and every attempt recorded; two schedulers never send a
 * message twice; people mark notifications read, through the API and the pages.
 */
// its own app: the channels are switched on and pointed at this test's servers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationChannelsTest extends BrowserTestSupport {

  private static final int SMTP_PORT = freePort();
  private static final ServerSetup SMTP_SETUP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
  private static GreenMail smtp;
  private static final HttpServer ROBOTS = robots();
  /** What the robots received: the path with its query, and the JSON. */
  private static final Queue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
  /** Answers a robot path gives, one per request, before it answers {"errcode":0}. */
  private static final Map<String, Queue<Answer>> ANSWERS = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QA_OFFICE_HEAD = "zhouqiang";
  private static final String QA_OFFICE_STAFF = "wuqian";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Notifications notifications;
  @Autowired DailyDigest digest;
  @Autowired Deliveries deliveries;

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry properties) {
    properties.add("zhengai.notifications.mail.enabled", () -> "true");
    properties.add("zhengai.notifications.mail.host", () -> "127.0.0.1");
    properties.add("zhengai.notifications.mail.port", () -> SMTP_PORT);
    properties.add("zhengai.notifications.mail.from", () -> "zhengai@zhengai.edu.cn");
    properties.add("zhengai.notifications.wecom.enabled", () -> "true");
    properties.add("zhengai.notifications.dingtalk.enabled", () -> "true");
    properties.add("zhengai.notifications.max-attempts", () -> "3");
    properties.add("zhengai.notifications.first-retry-after", () -> "10m");
    properties.add("zhengai.notifications.site-url", () -> "https://zhengai.example.edu.cn");
  }

  @BeforeAll
  static void startServers() {
    startSmtp();
    ROBOTS.start();
  }

  @AfterAll
  static void stopServers() {
    smtp.stop();
    ROBOTS.stop(0);
  }

  @AfterEach
  void forgetMessages() throws Exception {
    ClockUtil.reset();
    for (String table : List.of("notification_delivery", "notification_outbox", "notification_digest_run",
        "notification_webhook", "notification_read", "notification")) {
      jdbc.update("DELETE FROM " + table);
    }
    smtp.purgeEmailFromAllMailboxes();
    RECEIVED.clear();
    ANSWERS.clear();
  }

  @Test
  void eachPersonGetsOneDigestADayOfWhatIsNewForThemAndNotYetRead() throws Exception {
    at("2031-03-09T09:00");
    notifications.send(OrgGroups.headsOf(OrgGroups.QA_OFFICE), Kind.REMINDER, "【催办】核实纠偏措施（教务处）将于 2031-03-12 到期",
        "请在任务列表中办理。", null);
    at("2031-03-09T10:00");
    notifications.send(OrgGroups.QA_OFFICE, Kind.ESCALATION, "【升级】提交年度工作计划（信息中心）已逾期", "信息中心尚未提交。", null);
    notifications.send(OrgGroups.QA_OFFICE, Kind.DEVIATION, "【监测预警】已读过的通知", "不应再出现在汇总里。", null);
    notifications.send(OrgGroups.headsOf(OrgGroups.ACADEMIC_AFFAIRS), Kind.REMINDER, "【催办】教务处的任务", "与质管办无关。", null);
    long read = idOf(QA_OFFICE_HEAD, "【监测预警】已读过的通知");
    as(QA_OFFICE_HEAD).post("/api/notifications/" + read + "/read", Map.of()).expect(200);

    at("2031-03-10T07:30");
    // 周强 has an address (the organisation file gives one); 吴倩 and 王芳 have none: only 周强 gets a digest
    assertThat(digest.write()).isEqualTo(1);
    assertThat(digest.write()).as("a day's digest is written once").isZero();
    assertThat(deliveries.deliverDue()).isEqualTo(new Deliveries.Result(1, 0));

    MimeMessage mail = onlyMail();
    assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("zhouqiang@zhengai.edu.cn");
    assertThat(mail.getSubject()).isEqualTo("【诊改每日通知】2031-03-10 周强：2 条新通知");
    assertThat(text(mail)).startsWith("周强，您好：\n\n自 2031-03-09 07:30 至 2031-03-10 07:30，诊改平台有 2 条与您有关的新通知：\n\n"
            + "1. 【催办】核实纠偏措施（教务处）将于 2031-03-12 到期（2031-03-09 09:00）\n   请在任务列表中办理。\n\n"
            + "2. 【升级】提交年度工作计划（信息中心）已逾期（2031-03-09 10:00）\n   信息中心尚未提交。")
        .contains("请登录诊改平台查看和处理：https://zhengai.example.edu.cn/notifications")
        .doesNotContain("已读过的通知", "教务处的任务");
    assertThat(deliveryRows()).containsExactly("EMAIL zhouqiang 第1次 成功 null");

    // the next day's digest starts where this one ended
    at("2031-03-10T15:00");
    notifications.send(OrgGroups.QA_OFFICE, Kind.RESULT, "【年度考核结果】质管办 2030 年度", "诊断等级 良好。", null);
    at("2031-03-11T07:30");
    assertThat(digest.write()).isEqualTo(1);
    deliveries.deliverDue();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("【诊改每日通知】2031-03-11 周强：1 条新通知");
    assertThat(text(smtp.getReceivedMessages()[1])).contains("【年度考核结果】质管办 2030 年度").doesNotContain("【催办】");
  }

  @Test
  void theUnitsRobotsGetTheirDigestAsJsonAndAFailingRobotIsRetriedWithAGrowingWaitThenGivenUp() throws Exception {
    EngineRest qaOffice = as(QA_OFFICE_HEAD);
    qaOffice.put("/api/notifications/webhooks/jwc/WECOM", Map.of("url", robot("/wecom/jwc"))).expect(200);
    qaOffice.put("/api/notifications/webhooks/jwc/DINGTALK", Map.of("url", robot("/dingtalk/jwc?access_token=t1"),
        "secret", "SEC-test")).expect(200);
    qaOffice.put("/api/notifications/webhooks/rsc/WECOM", Map.of("url", robot("/wecom/rsc"))).expect(200);
    // bad input names what and where, and stores nothing
    assertThat(qaOffice.put("/api/notifications/webhooks/jwc/WECOM", Map.of("url", "qyapi.weixin.qq.com/send")).expect(400)
        .json().get("message").asText())
        .isEqualTo("教务处 的企业微信群机器人：Webhook 地址“qyapi.weixin.qq.com/send”不是以 http:// 或 https:// 开头的完整网址（最长 1000 个字符）");
    assertThat(qaOffice.put("/api/notifications/webhooks/500211/WECOM", Map.of("url", robot("/x"))).expect(400)
        .json().get("message").asText()).isEqualTo("单位 500211 不存在，或不是可以设置群机器人的部门、教学单位或质量保证组织");
    assertThat(qaOffice.put("/api/notifications/webhooks/jwc/SMS", Map.of("url", robot("/x"))).expect(400)
        .json().get("message").asText()).isEqualTo("渠道“SMS”无效：群机器人的渠道应为 WECOM（企业微信）或 DINGTALK（钉钉）");
    assertThat(as("wangfang").put("/api/notifications/webhooks/jwc/WECOM", Map.of("url", robot("/x"))).expect(403)
        .json().get("message").asText()).isEqualTo("无权查看和设置通知渠道：仅限 质管办 及系统管理员");
    assertThat(qaOffice.get("/api/notifications/webhooks").expect(200).json()).extracting(hook -> hook.get("unitName").asText()
        + " " + hook.get("channelLabel").asText() + " " + hook.get("hasSecret").asBoolean() + " " + hook.has("secret"))
        .containsExactlyInAnyOrder("教务处 企业微信群机器人 false false", "教务处 钉钉群机器人 true false", "人事处 企业微信群机器人 false false");

    ANSWERS.put("/dingtalk/jwc", new ConcurrentLinkedQueue<>(List.of(new Answer(500, "busy"))));
    ANSWERS.put("/wecom/rsc", new ConcurrentLinkedQueue<>(List.of(new Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"),
        new Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"), new Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))));
    at("2031-04-01T10:00");
    notifications.send(OrgGroups.headsOf(OrgGroups.ACADEMIC_AFFAIRS), Kind.DEVIATION, "【监测预警】教务处 2031-03：1 项偏差",
        "任务「修订人才培养方案」滞后。", null);
    notifications.send(OrgGroups.PERSONNEL, Kind.REMINDER, "【催办】人事处的任务", "请办理。", null);
    at("2031-04-02T07:30");
    assertThat(digest.write()).isEqualTo(3);
    assertThat(deliveries.deliverDue()).isEqualTo(new Deliveries.Result(1, 2));

    Received wecom = received("/wecom/jwc").get(0);
    assertThat(wecom.json().get("msgtype").asText()).isEqualTo("text");
    assertThat(wecom.json().get("text").get("content").asText()).isEqualTo("【诊改每日通知】2031-04-02 教务处：1 条新通知\n"
        + "自 2031-04-01 07:30 至 2031-04-02 07:30，诊改平台发给教务处的新通知 1 条：\n\n"
        + "1. 【监测预警】教务处 2031-03：1 项偏差（2031-04-01 10:00）\n   任务「修订人才培养方案」滞后。\n"
        + "详情请登录诊改平台查看：https://zhengai.example.edu.cn/notifications");
    assertThat(failures()).containsExactlyInAnyOrder(
        "DINGTALK jwc 第1次 教务处的钉钉群机器人返回 HTTP 500，未收下消息 等待重试",
        "WECOM rsc 第1次 人事处的企业微信群机器人拒绝了消息（errcode 93000：invalid webhook url），请检查 Webhook 地址和安全设置 等待重试");

    // nothing is tried again before its wait is over: 10 minutes after the first failure, 20 after the second
    assertThat(deliveries.deliverDue()).isEqualTo(new Deliveries.Result(0, 0));
    at("2031-04-02T07:40");
    assertThat(deliveries.deliverDue()).isEqualTo(new Deliveries.Result(1, 1));
    Received dingtalk = received("/dingtalk/jwc").get(1);
    assertThat(dingtalk.json().get("text").get("content").asText()).startsWith("【诊改每日通知】2031-04-02 教务处：1 条新通知\n");
    assertThat(dingtalk.query()).startsWith("access_token=t1&timestamp=");
    Map<String, String> query = query(dingtalk.query());
    assertThat(query.get("sign")).isEqualTo(sign(query.get("timestamp"), "SEC-test"));
    at("2031-04-02T07:59");
    assertThat(deliveries.deliverDue()).isEqualTo(new Deliveries.Result(0, 0));
    at("2031-04-02T08:00");
    assertThat(deliveries.deliverDue()).isEqualTo(new Deliveries.Result(0, 1));
    assertThat(received("/wecom/rsc")).hasSize(3);

    // 质管办 reads every attempt; the robot that never took it is given up after the third
    JsonNode failed = qaOffice.get("/api/notifications/deliveries?failedOnly=true").expect(200).json();
    assertThat(failed).extracting(d -> d.get("recipientName").asText() + " " + d.get("channelLabel").asText() + " 第"
            + d.get("attempt").asInt() + "次 " + d.get("result").asText() + " " + d.get("messageState").asText())
        .containsExactly("人事处 企业微信群机器人 第3次 失败 已放弃", "人事处 企业微信群机器人 第2次 失败 已放弃",
            "人事处 企业微信群机器人 第1次 失败 已放弃", "教务处 钉钉群机器人 第1次 失败 已送达");
    assertThat(qaOffice.get("/api/notifications/deliveries").expect(200).header("X-Total-Count")).isEqualTo("6");
    as("wangfang").get("/api/notifications/deliveries").expect(403);
  }

  @Test
  void anEscalationToTheLeadingGroupGoesOutAtOnceAndAMailServerThatIsDownDelaysItWithoutStoppingAnything() throws Exception {
    as(QA_OFFICE_HEAD).put("/api/notifications/webhooks/qa-leading-group/WECOM", Map.of("url", robot("/wecom/leaders")))
        .expect(200);
    at("2031-05-08T23:59");
    smtp.stop();
    try {
      notifications.send(OrgGroups.LEADING_GROUP, Kind.ESCALATION, "【升级·领导小组】提交年度工作计划（信息中心）逾期 7 天",
          "请领导小组督办。", "pi-1");
      notifications.send(OrgGroups.QA_OFFICE, Kind.ESCALATION, "【升级】只进每日汇总", "", null);
      assertThat(jdbc.queryForList("SELECT message_key FROM notification_outbox ORDER BY message_key", String.class))
          .as("only the leading group's escalation, to its members with an address and its robot").hasSize(3)
          .allMatch(key -> key.startsWith("escalation/"));
      assertThat(deliveries.deliverDue()).isEqualTo(new Deliveries.Result(1, 2));
      assertThat(failures()).hasSize(2).allMatch(failure -> failure.matches(
          "EMAIL (sunhua|huangwei) 第1次 通过邮件服务器 127\\.0\\.0\\.1:" + SMTP_PORT + " 发送到 \\w+@zhengai\\.edu\\.cn 失败（.+） 等待重试"));
    } finally {
      startSmtp();
    }
    assertThat(received("/wecom/leaders").get(0).json().get("text").get("content").asText())
        .startsWith("【升级·领导小组】提交年度工作计划（信息中心）逾期 7 天\n请领导小组督办。");
    at("2031-05-09T00:09");
    assertThat(deliveries.deliverDue()).isEqualTo(new Deliveries.Result(2, 0));
    assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
        .containsExactly("【升级·领导小组】提交年度工作计划（信息中心）逾期 7 天", "【升级·领导小组】提交年度工作计划（信息中心）逾期 7 天");
    assertThat(text(smtp.getReceivedMessages()[0])).matches("(?s)(孙华|黄伟)，您好：\n\n请领导小组督办。.*");
  }

  @Test
  void twoSchedulersRunningAtOnceSendEachMessageOnce() throws Exception {
    as(QA_OFFICE_HEAD).put("/api/notifications/webhooks/jwc/WECOM", Map.of("url", robot("/wecom/jwc"))).expect(200);
    at("2031-06-01T09:00");
    Outbox outbox = new Outbox(jdbc, java.time.Clock.systemUTC());
    for (int i = 1; i <= 20; i++) {
      outbox.enqueue("test/" + i, Channel.WECOM, OrgGroups.ACADEMIC_AFFAIRS, "消息 " + i, "内容");
    }
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Deliveries.Result>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        runs.add(nodes.submit(deliveries::deliverDue));
      }
      int sent = 0;
      for (Future<Deliveries.Result> run : runs) {
        sent += run.get().sent();
      }
      assertThat(sent).isEqualTo(20);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(received("/wecom/jwc")).hasSize(20);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_delivery", Integer.class)).isEqualTo(20);
  }

  @Test
  void eachMemberOfAGroupReadsItsNotificationsForThemselves() {
    notifications.send(OrgGroups.QA_OFFICE, Kind.DEVIATION, "【监测预警】第一条", "", null);
    notifications.send(OrgGroups.QA_OFFICE, Kind.DEVIATION, "【监测预警】第二条", "", null);
    notifications.send(OrgGroups.headsOf(OrgGroups.ACADEMIC_AFFAIRS), Kind.REMINDER, "【催办】教务处的", "", null);
    EngineRest head = as(QA_OFFICE_HEAD);
    EngineRest staff = as(QA_OFFICE_STAFF);
    assertThat(unread(head)).isEqualTo(2);
    long first = idOf(QA_OFFICE_HEAD, "【监测预警】第一条");
    assertThat(head.post("/api/notifications/" + first + "/read", Map.of()).expect(200).json().get("unread").asLong()).isEqualTo(1);
    head.post("/api/notifications/" + first + "/read", Map.of()).expect(200);
    assertThat(head.get("/api/notifications").expect(200).json()).extracting(n -> n.get("subject").asText() + " " + n.get("read").asBoolean())
        .containsExactly("【监测预警】第二条 false", "【监测预警】第一条 true");
    assertThat(unread(staff)).as("吴倩 has read nothing yet").isEqualTo(2);
    long others = idOf("wangfang", "【催办】教务处的");
    assertThat(head.post("/api/notifications/" + others + "/read", Map.of()).expect(404).json().get("message").asText())
        .isEqualTo("通知 " + others + " 不存在，或不是发给您的");
    assertThat(staff.post("/api/notifications/read-all", Map.of()).expect(200).json().get("unread").asLong()).isZero();
    assertThat(unread(head)).isEqualTo(1);
    assertThat(unread(as("wangfang"))).isEqualTo(1);
  }

  @Test
  void peopleReadTheirNotificationsAndQaOfficeSetsARobotAndReadsTheDeliveriesInTheBrowser() throws Exception {
    notifications.send(OrgGroups.QA_OFFICE, Kind.DEVIATION, "【监测预警】教务处 2031-03：1 项偏差", "任务「修订人才培养方案」滞后。", null);
    notifications.send(OrgGroups.QA_OFFICE, Kind.ESCALATION, "【升级】提交年度工作计划（信息中心）已逾期", "信息中心尚未提交。", null);
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    // Tasklist's header and the workbench's show how many are unread
    browser.get(url("/camunda/app/tasklist/default/"));
    Browser.logIn(browser, QA_OFFICE_STAFF);
    // Tasklist loads slowly on a busy machine
    Browser.waitUpTo(browser, Duration.ofSeconds(90))
        .until(ExpectedConditions.textToBe(By.cssSelector("a.zhengai-notifications-link"), "消息通知（2 未读）"));
    keep("notifications-tasklist-header");
    browser.get(url("/workbench"));
    wait.until(ExpectedConditions.textToBe(By.id("notifications-link"), "消息通知（2 未读）"));
    browser.findElement(By.id("notifications-link")).click();
    wait.until(ExpectedConditions.textToBe(By.id("unread-summary"), "未读 2 条"));
    assertThat(browser.findElements(By.cssSelector("#list li.unread"))).hasSize(2);
    keep("notifications-unread");
    browser.findElement(By.cssSelector("#list li:last-child button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("unread-summary"), "未读 1 条"));
    assertThat(browser.findElement(By.cssSelector("#list li:last-child")).getAttribute("class")).doesNotContain("unread");
    browser.findElement(By.id("mark-all")).click();
    wait.until(ExpectedConditions.textToBe(By.id("unread-summary"), "没有未读通知"));
    assertThat(browser.findElements(By.cssSelector("#list li.unread"))).isEmpty();
    keep("notifications-read");
    assertThat(unread(as(QA_OFFICE_STAFF))).isZero();
    assertThat(unread(as(QA_OFFICE_HEAD))).isEqualTo(2);

    // the robot of 教务处, set on the page, fails once; the page shows the attempt and why
    ANSWERS.put("/wecom/jwc", new ConcurrentLinkedQueue<>(List.of(new Answer(404, "not found"))));
    browser.get(url("/notifications/channels"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channels"), "电子邮件：已启用"));
    wait.until(driver -> !new Select(driver.findElement(By.id("unit"))).getOptions().isEmpty());
    new Select(browser.findElement(By.id("unit"))).selectByVisibleText("教务处");
    new Select(browser.findElement(By.id("channel"))).selectByValue("WECOM");
    browser.findElement(By.id("url")).sendKeys(robot("/wecom/jwc"));
    browser.findElement(By.id("save-webhook")).click();
    wait.until(ExpectedConditions.textToBe(By.id("webhook-status"), "已保存教务处的企业微信群机器人。"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks"), robot("/wecom/jwc")));
    at("2031-07-01T09:00");
    notifications.send(OrgGroups.headsOf(OrgGroups.ACADEMIC_AFFAIRS), Kind.REMINDER, "【催办】提交年度工作计划", "请办理。", null);
    at("2031-07-02T07:30");
    digest.write();
    deliveries.deliverDue();
    browser.navigate().refresh();
    browser.findElement(By.id("failed-only")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deliveries"), "教务处的企业微信群机器人返回 HTTP 404，未收下消息"));
    assertThat(browser.findElement(By.id("deliveries")).getText()).contains("教务处", "第 1 次", "失败", "等待重试");
    keep("notification-channels");
    assertNoConsoleErrors();
  }

  private EngineRest as(String user) {
    return EngineRest.as(http, user);
  }

  private long unread(EngineRest user) {
    return user.get("/api/notifications/unread-count").expect(200).json().get("unread").asLong();
  }

  private long idOf(String user, String subject) {
    for (JsonNode notification : as(user).get("/api/notifications").expect(200).json()) {
      if (notification.get("subject").asText().equals(subject)) {
        return notification.get("id").asLong();
      }
    }
    throw new AssertionError(user + " 没有通知 " + subject);
  }

  /** The product's clock at a moment of college time. */
  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(CollegeTime.ZONE).toInstant()));
  }

  private List<String> deliveryRows() {
    return jdbc.query("SELECT * FROM notification_delivery ORDER BY id", (rs, n) -> rs.getString("channel") + " "
        + rs.getString("recipient") + " 第" + rs.getInt("attempt") + "次 " + (rs.getBoolean("succeeded") ? "成功" : "失败") + " "
        + rs.getString("error"));
  }

  private List<String> failures() {
    return jdbc.query("SELECT d.*, o.status FROM notification_delivery d JOIN notification_outbox o ON o.id = d.outbox_id"
        + " WHERE NOT d.succeeded ORDER BY d.id", (rs, n) -> rs.getString("channel") + " " + rs.getString("recipient") + " 第"
        + rs.getInt("attempt") + "次 " + rs.getString("error") + " " + ("PENDING".equals(rs.getString("status")) ? "等待重试" : rs.getString("status")));
  }

  private static void startSmtp() {
    smtp = new GreenMail(SMTP_SETUP);
    smtp.start();
  }

  private static MimeMessage onlyMail() {
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    return smtp.getReceivedMessages()[0];
  }

  private static String text(MimeMessage mail) throws Exception {
    return mail.getContent().toString().replace("\r\n", "\n");
  }

  private static List<Received> received(String path) {
    return RECEIVED.stream().filter(request -> request.path().equals(path)).toList();
  }

  private static Map<String, String> query(String query) {
    Map<String, String> parameters = new java.util.HashMap<>();
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return parameters;
  }

  /** 钉钉's signature as its documentation describes it, computed here on its own. */
  private static String sign(String timestamp, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  private static String robot(String pathAndQuery) {
    return "http://127.0.0.1:" + ROBOTS.getAddress().getPort() + pathAndQuery;
  }

  private static HttpServer robots() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.createContext("/", exchange -> {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(path, exchange.getRequestURI().getRawQuery(), JSON.readTree(body)));
        Answer answer = ANSWERS.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
        if (answer == null) {
          answer = new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Received(String path, String query, JsonNode json) {}

  private record Answer(int status, String body) {}
}
