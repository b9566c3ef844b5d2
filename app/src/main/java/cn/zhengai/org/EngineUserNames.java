package cn.zhengai.org;

import cn.zhengai.integration.org.ChineseName;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.identity.User;

/**
 * How a person's name is kept in Camunda's identity: 姓 in {@code firstName}, 名 in {@code lastName}. Camunda's
 * webapps show a person as "firstName lastName" everywhere (header, task assignee, Admin, Welcome) and their forms
 * ask for the first name first, so this order shows 王芳 as Chinese write it and asks for 姓 before 名; the Chinese
 * labels of the two fields say 姓 and 名 (the webapps' zh.json). Western order would show 芳 王.
 */
public final class EngineUserNames {

  private EngineUserNames() {}

  /** The name as Chinese write it, 姓 then 名 with no space (王芳). */
  public static String fullName(User user) {
    return (Objects.toString(user.getFirstName(), "") + Objects.toString(user.getLastName(), "")).strip();
  }

  static boolean holds(User user, ChineseName name) {
    return Objects.equals(user.getFirstName(), name.familyName()) && Objects.equals(user.getLastName(), name.givenName());
  }

  static void store(User user, ChineseName name) {
    user.setFirstName(name.familyName());
    user.setLastName(name.givenName());
  }

  /** An account of an earlier release kept the whole name (王芳) in {@code firstName} and left 名 empty. */
  static boolean hasWholeNameOnly(User user) {
    return user.getFirstName() != null && !user.getFirstName().isBlank()
        && (user.getLastName() == null || user.getLastName().isBlank());
  }

  /** The split of such a whole name, where it is certain. */
  static Optional<ChineseName> splitWholeName(User user) {
    return ChineseName.split(user.getFirstName());
  }
}
