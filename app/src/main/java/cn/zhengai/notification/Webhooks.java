package cn.zhengai.notification;

import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** The units' group robots: one webhook address per unit and channel (企业微信, 钉钉), entered as data. */
@Service
class Webhooks {

  /** Units that have a group chat of their own; majors and courses are told through their teaching unit. */
  private static final Set<UnitKind> UNITS_WITH_ROBOTS =
      Set.of(UnitKind.LEADERSHIP, UnitKind.FUNCTIONAL_DEPARTMENT, UnitKind.TEACHING_UNIT, UnitKind.QA_BODY);
  private static final String SELECT = "SELECT w.*, u.name AS unit_name FROM notification_webhook w"
      + " JOIN org_unit u ON u.id = w.unit_id";
  private static final RowMapper<Webhook> ROW = (rs, n) -> new Webhook(rs.getString("unit_id"), rs.getString("unit_name"),
      Channel.valueOf(rs.getString("channel")), rs.getString("url"), rs.getString("secret"), rs.getBoolean("enabled"),
      rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository units;
  private final Clock clock;

  Webhooks(JdbcTemplate jdbc, OrgUnitRepository units, Clock clock) {
    this.jdbc = jdbc;
    this.units = units;
    this.clock = clock;
  }

  List<Webhook> all() {
    return jdbc.query(SELECT + " ORDER BY u.sort_order, w.unit_id, w.channel", ROW);
  }

  /** The robots that take messages for these units now: entered, switched on, and their channel switched on. */
  List<Webhook> enabledOf(List<String> unitIds, NotificationSettings settings) {
    return all().stream().filter(hook -> hook.enabled() && settings.enabled(hook.channel()) && unitIds.contains(hook.unitId()))
        .toList();
  }

  Optional<Webhook> find(String unitId, Channel channel) {
    return jdbc.query(SELECT + " WHERE w.unit_id = ? AND w.channel = ?", ROW, unitId, channel.name()).stream().findFirst();
  }

  @Transactional
  Webhook save(String unitId, String channelName, WebhookInput input, String userId) {
    Channel channel = robotChannel(channelName);
    OrgUnit unit = units.findById(unitId).filter(found -> UNITS_WITH_ROBOTS.contains(found.kind()))
        .orElseThrow(() -> refused("单位 " + unitId + " 不存在，或不是可以设置群机器人的部门、教学单位或质量保证组织"));
    String url = input.url() == null ? "" : input.url().strip();
    if (url.isEmpty()) {
      throw refused(unit.name() + " 的" + channel.label() + "：请填写 Webhook 地址");
    }
    if (url.length() > 1000 || !isWebAddress(url)) {
      throw refused(unit.name() + " 的" + channel.label() + "：Webhook 地址“" + abbreviated(url)
          + "”不是以 http:// 或 https:// 开头的完整网址（最长 1000 个字符）");
    }
    String secret = input.secret() == null || input.secret().isBlank() ? null : input.secret().strip();
    if (secret != null && (channel != Channel.DINGTALK || secret.length() > 200)) {
      throw refused(unit.name() + " 的" + channel.label() + "：加签密钥只用于钉钉群机器人，最长 200 个字符");
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    boolean enabled = input.enabled() == null || input.enabled();
    if (jdbc.update("UPDATE notification_webhook SET url = ?, secret = ?, enabled = ?, updated_by = ?, updated_at = ?"
        + " WHERE unit_id = ? AND channel = ?", url, secret, enabled, userId, now, unitId, channel.name()) == 0) {
      jdbc.update("INSERT INTO notification_webhook (unit_id, channel, url, secret, enabled, updated_by, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", unitId, channel.name(), url, secret, enabled, userId, now);
    }
    return find(unitId, channel).orElseThrow();
  }

  void delete(String unitId, String channelName) {
    Channel channel = robotChannel(channelName);
    if (jdbc.update("DELETE FROM notification_webhook WHERE unit_id = ? AND channel = ?", unitId, channel.name()) == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "单位 " + unitId + " 没有设置" + channel.label());
    }
  }

  private static Channel robotChannel(String name) {
    for (Channel channel : Channel.values()) {
      if (channel.isRobot() && channel.name().equalsIgnoreCase(name)) {
        return channel;
      }
    }
    throw refused("渠道“" + name + "”无效：群机器人的渠道应为 WECOM（企业微信）或 DINGTALK（钉钉）");
  }

  private static boolean isWebAddress(String url) {
    try {
      URI uri = URI.create(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String abbreviated(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private static ResponseStatusException refused(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }

  /** What the settings page sends; {@code enabled} left out means on. */
  record WebhookInput(String url, String secret, Boolean enabled) {}

  record Webhook(String unitId, String unitName, Channel channel, String url, @JsonIgnore String secret, boolean enabled,
      String updatedBy, Instant updatedAt) {

    @JsonProperty
    public boolean hasSecret() {
      return secret != null;
    }

    @JsonProperty
    public String channelLabel() {
      return channel.label();
    }
  }
}
