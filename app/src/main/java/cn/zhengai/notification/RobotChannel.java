package cn.zhengai.notification;

import cn.zhengai.notification.Webhooks.Webhook;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The group robots of 企业微信 and 钉钉: a text message posted as JSON to the unit's webhook address
 * ({@code {"msgtype":"text","text":{"content":…}}}, the same for both). Both answer {@code {"errcode":0,…}} when they
 * took it. A 钉钉 robot secured by 加签 gets {@code timestamp} and {@code sign} (HmacSHA256 of "timestamp\nsecret"
 * keyed with the secret, Base64, URL-encoded) added to its address.
 */
@Component
class RobotChannel {

  /** 企业微信 takes at most 2048 bytes of text; both robots get the same cut. */
  static final int MAX_CONTENT_BYTES = 2000;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ObjectMapper json;

  RobotChannel(ObjectMapper json) {
    this.json = json;
  }

  void send(Webhook hook, String subject, String body, String link) throws DeliveryFailure {
    String robot = hook.unitName() + "的" + hook.channel().label();
    String payload;
    try {
      payload = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", content(subject, body, link))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(address(hook))).timeout(TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailure(robot + "在 " + TIMEOUT.toSeconds() + " 秒内没有应答", true);
    } catch (IOException e) {
      throw new DeliveryFailure("无法连接" + robot + "（" + DeliveryFailure.detail(e) + "）", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("发送到" + robot + "时被中断", true);
    }
    if (response.statusCode() != 200) {
      throw new DeliveryFailure(robot + "返回 HTTP " + response.statusCode() + "，未收下消息", true);
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new DeliveryFailure(robot + "的应答不是 JSON，请检查 Webhook 地址", true);
    }
    if (answer == null || answer.path("errcode").asInt(-1) != 0) {
      throw new DeliveryFailure(robot + "拒绝了消息（errcode " + (answer == null ? "无" : answer.path("errcode").asText("无")) + "："
          + (answer == null ? "" : answer.path("errmsg").asText("")) + "），请检查 Webhook 地址和安全设置", true);
    }
  }

  /** The text a group reads: the subject, the body, the link, cut to what the robots take. */
  static String content(String subject, String body, String link) {
    String tail = "\n详情请登录诊改平台查看：" + link;
    String text = subject + "\n" + body;
    int room = MAX_CONTENT_BYTES - tail.getBytes(StandardCharsets.UTF_8).length;
    if (text.getBytes(StandardCharsets.UTF_8).length > room) {
      String more = "……（内容过长，已截断）";
      StringBuilder cut = new StringBuilder();
      int bytes = more.getBytes(StandardCharsets.UTF_8).length;
      for (int i = 0; i < text.length(); ) {
        int codePoint = text.codePointAt(i);
        String character = new String(Character.toChars(codePoint));
        bytes += character.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > room) {
          break;
        }
        cut.append(character);
        i += Character.charCount(codePoint);
      }
      text = cut + more;
    }
    return text + tail;
  }

  private String address(Webhook hook) {
    if (hook.channel() != Channel.DINGTALK || hook.secret() == null) {
      return hook.url();
    }
    // 钉钉 checks the signature's moment against its own clock: real time, also in 演练模式
    long timestamp = System.currentTimeMillis();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hook.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String sign = Base64.getEncoder().encodeToString(
          mac.doFinal((timestamp + "\n" + hook.secret()).getBytes(StandardCharsets.UTF_8)));
      return hook.url() + (hook.url().contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
          + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
