package cn.zhengai.notification;

import cn.zhengai.notification.NotificationSettings.Mail;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** E-mail through the SMTP server of {@code zhengai.notifications.mail.*}, as plain UTF-8 text. */
@Component
class MailChannel {

  private static final String TIMEOUT_MILLIS = "10000";

  private final NotificationSettings settings;
  private final JavaMailSenderImpl sender;

  MailChannel(NotificationSettings settings) {
    this.settings = settings;
    this.sender = sender(settings.mail());
  }

  /** Sends the message with a closing that links to the product's notifications page. */
  void send(String address, String subject, String body) throws DeliveryFailure {
    if (!settings.mail().enabled()) {
      throw new DeliveryFailure("电子邮件通道未启用（zhengai.notifications.mail.enabled）", false);
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.mail().from());
    message.setTo(address);
    message.setSubject(subject);
    message.setText(body + "\n\n请登录诊改平台查看和处理：" + settings.notificationsPage()
        + "\n（本邮件由诊改平台自动发送，请勿直接回复。）");
    try {
      sender.send(message);
    } catch (MailAuthenticationException e) {
      throw new DeliveryFailure("邮件服务器 " + server() + " 拒绝登录，请检查用户名和密码（" + DeliveryFailure.detail(e) + "）", true);
    } catch (MailException e) {
      throw new DeliveryFailure("通过邮件服务器 " + server() + " 发送到 " + address + " 失败（" + DeliveryFailure.detail(e) + "）", true);
    }
  }

  private String server() {
    return settings.mail().host() + ":" + settings.mail().port();
  }

  private static JavaMailSenderImpl sender(Mail mail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(mail.host());
    sender.setPort(mail.port());
    sender.setDefaultEncoding("UTF-8");
    boolean login = mail.username() != null && !mail.username().isBlank();
    if (login) {
      sender.setUsername(mail.username());
      sender.setPassword(mail.password());
    }
    Properties properties = sender.getJavaMailProperties();
    properties.setProperty("mail.smtp.auth", String.valueOf(login));
    properties.setProperty("mail.smtp.starttls.enable", String.valueOf(mail.starttls()));
    // a server that does not answer must not hold the delivery job (and its node lock) for long
    properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    return sender;
  }
}
