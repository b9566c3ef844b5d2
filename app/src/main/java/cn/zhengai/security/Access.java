package cn.zhengai.security;

import java.util.Arrays;
import org.springframework.security.core.Authentication;

/** Group checks for the app's own API; the administrator group passes every check. */
public final class Access {

  public static final String ADMIN_GROUP = "camunda-admin";

  private Access() {}

  /** Passes when the user belongs to one of the groups, else answers 403 naming who may. */
  public static CurrentUser requireAnyGroup(Authentication authentication, String what, String... groups) {
    CurrentUser user = CurrentUser.of(authentication);
    if (user.isMemberOf(ADMIN_GROUP) || Arrays.stream(groups).anyMatch(user::isMemberOf)) {
      return user;
    }
    throw new GroupAccessRefused(what, groups);
  }
}
