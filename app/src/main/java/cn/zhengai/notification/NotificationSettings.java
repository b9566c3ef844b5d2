package cn.zhengai.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications leave the app ({@code zhengai.notifications.*} in application.yaml). Every channel is off until
 * switched on here; the group robots' addresses are data, entered per unit on the 通知渠道 page.
 *
 * @param mail e-mail through an SMTP server, to each person's address
 * @param wecom 企业微信 group robots
 * @param dingtalk 钉钉 group robots
 * @param digestCron when the daily digest is written, in college time ("-" switches it off)
 * @param deliveryCron how often waiting messages are sent ("-" switches it off)
 * @param maxAttempts attempts per message before it is given up
 * @param firstRetryAfter the wait after the first failure; each further failure doubles it
 * @param siteUrl the address people open the product at, for the link in each message
 */
@ConfigurationProperties("zhengai.notifications")
record NotificationSettings(Mail mail, Robot wecom, Robot dingtalk, String digestCron, String deliveryCron,
    int maxAttempts, Duration firstRetryAfter, String siteUrl) {

  /** The SMTP server and the sender's address; {@code username} empty for a server without login. */
  record Mail(boolean enabled, String host, int port, String username, String password, String from, boolean starttls) {}

  record Robot(boolean enabled) {}

  boolean enabled(Channel channel) {
    return switch (channel) {
      case EMAIL -> mail.enabled();
      case WECOM -> wecom.enabled();
      case DINGTALK -> dingtalk.enabled();
    };
  }

  /** The page a message sends people to. */
  String notificationsPage() {
    return siteUrl.replaceAll("/+$", "") + NotificationsPage.PATH;
  }
}
