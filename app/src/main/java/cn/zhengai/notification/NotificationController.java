package cn.zhengai.notification;

import cn.zhengai.api.Paging;
import cn.zhengai.notification.Notifications.Notification;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "通知")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @Operation(summary = "发给我本人（每日到期预警汇总）和我所在单位、角色的提醒与升级通知，新的在前；read 表示我是否已读")
  @GetMapping
  ResponseEntity<List<Notification>> mine(Paging paging, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return paging.answer(notifications.mine(user.userId(), user.groupIds(), paging.offset(), paging.size()),
        notifications.countMine(user.userId(), user.groupIds()));
  }

  @Operation(summary = "我的未读通知条数")
  @GetMapping("/unread-count")
  Map<String, Long> unreadCount(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return Map.of("unread", notifications.countUnread(user.userId(), user.groupIds()));
  }

  @Operation(summary = "把一条通知标为已读（只对我本人）")
  @PostMapping("/{id}/read")
  Map<String, Long> markRead(@PathVariable long id, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!notifications.markRead(user.userId(), user.groupIds(), id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "通知 " + id + " 不存在，或不是发给您的");
    }
    return unreadCount(authentication);
  }

  @Operation(summary = "把我的全部通知标为已读")
  @PostMapping("/read-all")
  Map<String, Long> markAllRead(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    notifications.markRead(user.userId(), user.groupIds(), null);
    return unreadCount(authentication);
  }
}
