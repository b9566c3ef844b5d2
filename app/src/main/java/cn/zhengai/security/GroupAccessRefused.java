package cn.zhengai.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A 403 of the app's own API naming who may: the API's error handler names the groups by their Chinese names
 * ({@link GroupNames}); the reason given here, with group ids, is the fallback.
 */
public class GroupAccessRefused extends ResponseStatusException {

  private final String what;
  private final List<String> groups;

  GroupAccessRefused(String what, String... groups) {
    super(HttpStatus.FORBIDDEN, message(what, Arrays.asList(groups), Function.identity()));
    this.what = what;
    this.groups = List.of(groups);
  }

  /** "无权修改校历：仅限 院办、质管办 及系统管理员", each group named by {@code nameOf}. */
  public String message(Function<String, String> nameOf) {
    return message(what, groups, nameOf);
  }

  private static String message(String what, List<String> groups, Function<String, String> nameOf) {
    String who = groups.stream().map(nameOf).collect(Collectors.joining("、"));
    return "无权" + what + "：仅限 " + (who.isEmpty() ? "" : who + " 及") + "系统管理员";
  }
}
