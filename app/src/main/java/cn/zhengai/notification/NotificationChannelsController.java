package cn.zhengai.notification;

import cn.zhengai.api.Paging;
import cn.zhengai.notification.Webhooks.Webhook;
import cn.zhengai.notification.Webhooks.WebhookInput;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The channels' settings (which are on, the units' group robots) and the record of every delivery: 质管办 and admins. */
@Tag(name = "通知渠道")
@RestController
@RequestMapping("/api/notifications")
class NotificationChannelsController {

  static final String WHO = "查看和设置通知渠道";

  private final NotificationSettings settings;
  private final Webhooks webhooks;
  private final DeliveryRecords records;

  NotificationChannelsController(NotificationSettings settings, Webhooks webhooks, DeliveryRecords records) {
    this.settings = settings;
    this.webhooks = webhooks;
    this.records = records;
  }

  @Operation(summary = "各通知渠道是否启用（application.yaml 中 zhengai.notifications.*）")
  @GetMapping("/channels")
  List<ChannelState> channels(Authentication authentication) {
    allowed(authentication);
    return java.util.Arrays.stream(Channel.values())
        .map(channel -> new ChannelState(channel, channel.label(), settings.enabled(channel),
            "zhengai.notifications." + (channel == Channel.EMAIL ? "mail" : channel.name().toLowerCase()) + ".enabled"))
        .toList();
  }

  @Operation(summary = "各单位的群机器人（企业微信、钉钉）")
  @GetMapping("/webhooks")
  List<Webhook> webhooks(Authentication authentication) {
    allowed(authentication);
    return webhooks.all();
  }

  @Operation(summary = "设置一个单位的群机器人：channel 为 WECOM 或 DINGTALK；{url, secret（钉钉加签密钥，可选）, enabled}")
  @PutMapping("/webhooks/{unitId}/{channel}")
  Webhook save(@PathVariable String unitId, @PathVariable String channel, @RequestBody WebhookInput input,
      Authentication authentication) {
    return webhooks.save(unitId, channel, input, allowed(authentication).userId());
  }

  @Operation(summary = "删除一个单位的群机器人")
  @DeleteMapping("/webhooks/{unitId}/{channel}")
  ResponseEntity<Void> delete(@PathVariable String unitId, @PathVariable String channel, Authentication authentication) {
    allowed(authentication);
    webhooks.delete(unitId, channel);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "发送记录：每次发送尝试（渠道、收件人、第几次、结果、失败原因），新的在前；failedOnly=true 只看失败")
  @GetMapping("/deliveries")
  ResponseEntity<List<DeliveryRecords.Delivery>> deliveries(@RequestParam(defaultValue = "false") boolean failedOnly,
      Paging paging, Authentication authentication) {
    allowed(authentication);
    return paging.answer(records.page(failedOnly, paging.offset(), paging.size()), records.count(failedOnly));
  }

  private static CurrentUser allowed(Authentication authentication) {
    return Access.requireAnyGroup(authentication, WHO, OrgGroups.QA_OFFICE);
  }

  record ChannelState(Channel channel, String label, boolean enabled, String setting) {}
}
