package cn.zhengai.security;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The engine's authorization refusals in Chinese, for the engine REST API and the app's own API alike. A
 * deployment through the engine API names the way that is open: {@code /api/models}.
 */
public final class AuthorizationRefusals {

  private static final Map<String, String> RESOURCE_NAMES = Map.of(
      Resources.DEPLOYMENT.resourceName(), "部署",
      Resources.PROCESS_DEFINITION.resourceName(), "流程定义",
      Resources.PROCESS_INSTANCE.resourceName(), "流程实例",
      Resources.TASK.resourceName(), "任务",
      Resources.HISTORIC_TASK.resourceName(), "历史任务",
      Resources.HISTORIC_PROCESS_INSTANCE.resourceName(), "历史流程实例",
      Resources.USER.resourceName(), "用户",
      Resources.GROUP.resourceName(), "用户组",
      Resources.AUTHORIZATION.resourceName(), "授权");

  /** The permissions a refusal names most often; any other keeps Camunda's name. */
  private static final Map<String, String> PERMISSION_NAMES = Map.ofEntries(
      Map.entry("READ", "查看"), Map.entry("UPDATE", "修改"), Map.entry("CREATE", "创建"), Map.entry("DELETE", "删除"),
      Map.entry("ACCESS", "访问"), Map.entry("TASK_WORK", "办理"), Map.entry("TASK_ASSIGN", "分配"),
      Map.entry("READ_TASK", "查看任务"), Map.entry("UPDATE_TASK", "修改任务"), Map.entry("CREATE_INSTANCE", "发起流程"),
      Map.entry("READ_INSTANCE", "查看流程实例"), Map.entry("UPDATE_INSTANCE", "修改流程实例"),
      Map.entry("DELETE_INSTANCE", "删除流程实例"), Map.entry("READ_HISTORY", "查看历史"),
      Map.entry("UPDATE_VARIABLE", "修改变量"), Map.entry("READ_VARIABLE", "查看变量"));

  private AuthorizationRefusals() {}

  /** What was refused and which permission would have allowed it, in Chinese. */
  public static String message(AuthorizationException exception) {
    if (exception.getMissingAuthorizations().stream().anyMatch(missing ->
        Resources.DEPLOYMENT.resourceName().equals(missing.getResourceType())
            && Permissions.CREATE.getName().equals(missing.getViolatedPermissionName()))) {
      return "无权通过引擎接口部署：流程模型请通过 /api/models 上传部署（先检查，并记入部署记录）";
    }
    String missing = exception.getMissingAuthorizations().stream()
        .map(AuthorizationRefusals::describe).collect(Collectors.joining("，或 "));
    return missing.isEmpty() ? "无权执行此操作" : "无权执行此操作：需要" + missing;
  }

  private static String describe(MissingAuthorization missing) {
    String resource = RESOURCE_NAMES.getOrDefault(missing.getResourceType(), missing.getResourceType());
    String id = missing.getResourceId() == null ? "" : " " + missing.getResourceId();
    String permission = PERMISSION_NAMES.getOrDefault(missing.getViolatedPermissionName(), missing.getViolatedPermissionName());
    return "「" + resource + id + "」的“" + permission + "”权限";
  }
}
