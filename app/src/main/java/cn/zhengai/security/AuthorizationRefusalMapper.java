package cn.zhengai.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto;

/**
 * Answers the engine REST API's 403 in Chinese, in the shape Camunda's own handler gives (type, userId, the
 * missing authorizations), so that clients reading those fields keep working. A deployment through the engine
 * API names the way that is open: {@code /api/models}.
 */
class AuthorizationRefusalMapper implements ExceptionMapper<AuthorizationException> {

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

  @Override
  public Response toResponse(AuthorizationException exception) {
    AuthorizationExceptionDto body = AuthorizationExceptionDto.fromException(exception);
    body.setMessage(message(exception));
    return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static String message(AuthorizationException exception) {
    if (exception.getMissingAuthorizations().stream().anyMatch(missing ->
        Resources.DEPLOYMENT.resourceName().equals(missing.getResourceType())
            && Permissions.CREATE.getName().equals(missing.getViolatedPermissionName()))) {
      return "无权通过引擎接口部署：流程模型请通过 /api/models 上传部署（先检查，并记入部署记录）";
    }
    String missing = exception.getMissingAuthorizations().stream()
        .map(AuthorizationRefusalMapper::describe).collect(Collectors.joining("，或 "));
    return missing.isEmpty() ? "无权执行此操作" : "无权执行此操作：需要" + missing;
  }

  private static String describe(MissingAuthorization missing) {
    String resource = RESOURCE_NAMES.getOrDefault(missing.getResourceType(), missing.getResourceType());
    String id = missing.getResourceId() == null ? "" : " " + missing.getResourceId();
    return "「" + resource + id + "」的 " + missing.getViolatedPermissionName() + " 权限";
  }
}
