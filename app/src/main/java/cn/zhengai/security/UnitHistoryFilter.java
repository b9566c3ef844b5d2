package cn.zhengai.security;

import cn.zhengai.api.RewrittenRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a unit's history to the unit. The engine lets whoever may read one historic task of a process instance
 * read every historic variable and variable change of that instance. The annual work plan round and the school's
 * cycle are one instance each, with one multi-instance sub-process per unit; so a unit head would read every
 * other unit's plan. Authorizations cannot express "this unit's slice of a shared instance"; this filter does, on
 * the engine REST paths that expose history variables ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}).
 * <p>
 * A caller who may read the history of every process (administrators, 质管办, the leading group) passes
 * unchanged. Anyone else sees a variable only when it lives on the scope of a task they may read, or on a scope
 * around it (the unit's sub-process, the process instance): variable queries are narrowed to those scopes, a
 * single variable outside them does not exist, and variable changes are shown only for the caller's own tasks or
 * variables.
 */
class UnitHistoryFilter extends OncePerRequestFilter {

  private static final Pattern HISTORY_PATH =
      Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/history/(variable-instance|detail)(/count|/[^/]+(?:/data)?)?/?$");
  private static final String NO_SCOPE = "-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectProvider<ProcessEngine> engine;

  UnitHistoryFilter(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher path = HISTORY_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!path.matches() || authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    CurrentUser user = CurrentUser.of(authentication);
    if (asApp(() -> engine.getObject().getAuthorizationService().isUserAuthorized(user.userId(), user.groupIds(),
        Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION))) {
      chain.doFilter(request, response);
      return;
    }
    boolean variables = path.group(1).equals("variable-instance");
    String rest = path.group(2) == null ? "" : path.group(2);
    boolean query = rest.isEmpty() || rest.equals("/count");
    boolean post = HttpMethod.POST.matches(request.getMethod());
    if (query && variables) {
      Set<String> scopes = unitScopes(user).scopes();
      chain.doFilter(post ? narrowedBody(request, scopes) : narrowedQuery(request, scopes), response);
    } else if (query) {
      HttpServletRequest readable = post ? RewrittenRequest.withBody(request, request.getInputStream().readAllBytes()) : request;
      if (narrowedToOwn(readable, post, unitScopes(user))) {
        chain.doFilter(readable, response);
      } else {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
            "只能查看本单位的历史明细：请用本人任务的 taskId 或本单位变量的 variableInstanceId 查询");
      }
    } else if (HttpMethod.GET.matches(request.getMethod())) {
      String id = rest.substring(1).replaceFirst("/data$", "");
      if (visible(variables, id, unitScopes(user))) {
        chain.doFilter(request, response);
      } else {
        refuse(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
            (variables ? "历史变量 " : "历史明细 ") + id + " 不存在或不属于本单位");
      }
    } else {
      chain.doFilter(request, response);
    }
  }

  /** The tasks the caller may read, and every activity instance on the way from each up to its process instance. */
  private UnitScopes unitScopes(CurrentUser user) {
    List<HistoricTaskInstance> tasks = asUser(user, () -> history().createHistoricTaskInstanceQuery().list());
    return asApp(() -> {
      Set<String> scopes = new LinkedHashSet<>();
      Map<String, Map<String, String>> parentsByInstance = new HashMap<>();
      for (HistoricTaskInstance task : tasks) {
        if (task.getProcessInstanceId() == null) {
          continue;
        }
        Map<String, String> parents = parentsByInstance.computeIfAbsent(task.getProcessInstanceId(), instance ->
            history().createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
                .collect(Collectors.toMap(HistoricActivityInstance::getId,
                    activity -> activity.getParentActivityInstanceId() == null ? "" : activity.getParentActivityInstanceId())));
        for (String scope = task.getActivityInstanceId(); scope != null && !scope.isEmpty() && scopes.add(scope); ) {
          scope = parents.get(scope);
        }
        scopes.add(task.getProcessInstanceId());
      }
      Set<String> taskIds = tasks.stream().map(HistoricTaskInstance::getId).collect(Collectors.toSet());
      return new UnitScopes(taskIds, scopes);
    });
  }

  private boolean visible(boolean variable, String id, UnitScopes own) {
    return asApp(() -> {
      if (variable) {
        return variableInScopes(id, own);
      }
      HistoricDetail detail = history().createHistoricDetailQuery().detailId(id).disableBinaryFetching()
          .disableCustomObjectDeserialization().singleResult();
      return detail != null && (own.taskIds().contains(detail.getTaskId())
          || detail instanceof HistoricVariableUpdate update && variableInScopes(update.getVariableInstanceId(), own));
    });
  }

  private boolean variableInScopes(String variableId, UnitScopes own) {
    if (variableId == null) {
      return false;
    }
    HistoricVariableInstance variable = history().createHistoricVariableInstanceQuery().variableId(variableId)
        .disableBinaryFetching().disableCustomObjectDeserialization().singleResult();
    return variable != null && own.scopes().contains(variable.getActivityInstanceId());
  }

  /** A detail query passes when it asks for one of the caller's tasks or one of their unit's variables. */
  private boolean narrowedToOwn(HttpServletRequest request, boolean post, UnitScopes own) throws IOException {
    String taskId;
    String variableId;
    if (post) {
      JsonNode body = JSON.readTree(request.getInputStream());
      taskId = body == null ? null : body.path("taskId").asText(null);
      variableId = body == null ? null : body.path("variableInstanceId").asText(null);
    } else {
      taskId = request.getParameter("taskId");
      variableId = request.getParameter("variableInstanceId");
    }
    return taskId != null && own.taskIds().contains(taskId)
        || variableId != null && asApp(() -> variableInScopes(variableId, own));
  }

  /** GET: {@code activityInstanceIdIn} becomes the caller's scopes (within those the caller asked for). */
  private static HttpServletRequest narrowedQuery(HttpServletRequest request, Set<String> scopes) {
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    String[] asked = parameters.get("activityInstanceIdIn");
    parameters.put("activityInstanceIdIn", new String[] {String.join(",", within(scopes,
        asked == null ? null : Arrays.stream(asked).flatMap(value -> Arrays.stream(value.split(","))).toList()))});
    return RewrittenRequest.withParameters(request, parameters);
  }

  /** POST: the JSON body's {@code activityInstanceIdIn} becomes the caller's scopes (within those asked for). */
  private static HttpServletRequest narrowedBody(HttpServletRequest request, Set<String> scopes) throws IOException {
    JsonNode parsed = JSON.readTree(request.getInputStream());
    ObjectNode body = parsed instanceof ObjectNode object ? object : JSON.createObjectNode();
    JsonNode asked = body.get("activityInstanceIdIn");
    ArrayNode narrowed = body.putArray("activityInstanceIdIn");
    within(scopes, asked == null || !asked.isArray() ? null
        : StreamSupport.stream(asked.spliterator(), false).map(JsonNode::asText).toList())
        .forEach(narrowed::add);
    return RewrittenRequest.withBody(request, JSON.writeValueAsBytes(body));
  }

  private static List<String> within(Set<String> scopes, List<String> asked) {
    List<String> allowed = asked == null ? List.copyOf(scopes) : asked.stream().filter(scopes::contains).toList();
    // an empty list would mean "no restriction" to the engine
    return allowed.isEmpty() ? List.of(NO_SCOPE) : allowed;
  }


  private static void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getWriter(), Map.of("type", type, "message", message));
  }

  /** Engine calls with the caller's own authorizations, whatever authentication the request carries. */
  private <T> T asUser(CurrentUser user, Supplier<T> engineCalls) {
    Authentication outer = identity().getCurrentAuthentication();
    identity().setAuthentication(user.userId(), user.groupIds());
    try {
      return engineCalls.get();
    } finally {
      restore(outer);
    }
  }

  /** Engine calls without authorization checks: only to find out what the caller may see. */
  private <T> T asApp(Supplier<T> engineCalls) {
    Authentication outer = identity().getCurrentAuthentication();
    identity().clearAuthentication();
    try {
      return engineCalls.get();
    } finally {
      restore(outer);
    }
  }

  private void restore(Authentication outer) {
    if (outer == null) {
      identity().clearAuthentication();
    } else {
      identity().setAuthentication(outer);
    }
  }

  private HistoryService history() {
    return engine.getObject().getHistoryService();
  }

  private IdentityService identity() {
    return engine.getObject().getIdentityService();
  }

  /** The caller's readable tasks and the activity instances (scopes) their unit's data lives in. */
  private record UnitScopes(Set<String> taskIds, Set<String> scopes) {}
}
