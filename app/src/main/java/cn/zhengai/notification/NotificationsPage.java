package cn.zhengai.notification;

import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The product's pages for notifications: 消息通知 (everyone's own, read and unread) and 通知渠道 (质管办 and
 * administrators: the units' group robots and the record of every delivery). Both call the app's API with the
 * session's CSRF token.
 */
@Controller
class NotificationsPage {

  static final String PATH = "/notifications";
  static final String CHANNELS_PATH = "/notifications/channels";

  @GetMapping(PATH)
  String notifications(Authentication authentication, Model model) {
    model.addAttribute("managesChannels", managesChannels(authentication));
    return "notifications";
  }

  @GetMapping(CHANNELS_PATH)
  String channels(Authentication authentication, Model model) {
    model.addAttribute("managesChannels", managesChannels(authentication));
    return "notification-channels";
  }

  private static boolean managesChannels(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return user.isMemberOf(Access.ADMIN_GROUP) || user.isMemberOf(OrgGroups.QA_OFFICE);
  }
}
