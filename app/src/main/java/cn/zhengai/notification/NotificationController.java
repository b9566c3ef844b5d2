package cn.zhengai.notification;

import cn.zhengai.api.Paging;
import cn.zhengai.notification.Notifications.Notification;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "通知")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @Operation(summary = "发给我本人（每日到期预警汇总）和我所在单位、角色的提醒与升级通知，新的在前")
  @GetMapping
  ResponseEntity<List<Notification>> mine(Paging paging, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return paging.answer(notifications.mine(user.userId(), user.groupIds(), paging.offset(), paging.size()),
        notifications.countMine(user.userId(), user.groupIds()));
  }
}
