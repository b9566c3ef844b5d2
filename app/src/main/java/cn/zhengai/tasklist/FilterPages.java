package cn.zhengai.tasklist;

import cn.zhengai.security.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A page and the count of one of the product's own Tasklist filters ({@link TasklistFilter}), found with one query
 * that starts from the caller's own rows (their groups' candidate links, their authorizations) instead of the
 * engine's task query, which reads every open task of the college and its links before it narrows them down (about
 * half a second at 50,000 open tasks).
 * <p>
 * The query keeps the engine's rules: the filter's criteria as the engine evaluates them for the caller, the
 * caller's READ on the task or READ_TASK on its process definition (granted to the caller, one of their groups or
 * everyone), their tenants, and what the caller added in Tasklist (active tasks, the sort order). Where the engine's
 * rules would need more than that (a revoke that concerns the caller, a global authorization withholding the
 * permission from one resource, case or standalone tasks, a filter someone changed, a search the caller typed), it
 * answers nothing and the engine answers as before.
 * <p>
 * 本单位待办 is counted, and paged when sorted by creation, from {@link CandidateTaskIndex}: the caller's groups' rows
 * alone, not each of their tasks with its links and grants. Where none of the caller's groups is a candidate without a
 * READ grant, each task a group of theirs is a candidate of is one they may read, which is all the read check asks.
 */
@Component
class FilterPages {

  private static final int TASK = Resources.TASK.resourceType();
  private static final int PROCESS_DEFINITION = Resources.PROCESS_DEFINITION.resourceType();
  private static final int READ = Permissions.READ.getValue();
  private static final int READ_TASK = ProcessDefinitionPermissions.READ_TASK.getValue();
  private static final Map<String, String> SORT_COLUMNS = Map.of("created", "T.CREATE_TIME_", "dueDate", "T.DUE_DATE_",
      "followUpDate", "T.FOLLOW_UP_DATE_", "priority", "T.PRIORITY_", "name", "T.NAME_", "assignee", "T.ASSIGNEE_",
      "id", "T.ID_");
  /** The sort columns {@link CandidateTaskIndex} has (its rows are grouped by them: a task has one per group). */
  private static final List<String> INDEXED_SORT_COLUMNS = List.of("T.CREATE_TIME_", "T.ID_");

  private final NamedParameterJdbcTemplate database;
  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;
  private final CandidateTaskIndex index;
  private final Map<TasklistFilter, String> storedQueries = new EnumMap<>(TasklistFilter.class);

  FilterPages(NamedParameterJdbcTemplate database, FilterService filters, TaskService tasks, IdentityService identity,
      ProcessEngineConfigurationImpl engine, CandidateTaskIndex index) {
    this.database = database;
    this.filters = filters;
    this.tasks = tasks;
    this.identity = identity;
    this.engine = engine;
    this.index = index;
  }

  /** The tasks a filter shows the caller: the page's ids in the order asked for, and how many there are in all. */
  record Page(List<String> taskIds, long count) {}

  /**
   * What the filter shows the engine's current caller with Tasklist's additions ({@code extension}, the body of a
   * filter's list or count request; null for none), or empty when the engine has to answer.
   */
  Optional<Selection> select(String filterId, JsonNode extension) {
    return caller().flatMap(caller -> asCaller(caller, () -> select(filterId, extension, caller)));
  }

  /**
   * The HAL list Tasklist shows for a page of {@code selection} ({@code narrowedQuery}: the filter's query narrowed
   * to the page's task ids, as JSON), written by the engine for the selection's caller with the page's whole count.
   */
  HalResource<?> cards(Selection selection, String narrowedQuery, Page page) {
    return asCaller(selection.caller(), () -> FilterPageCards.of(engine.getProcessEngineName(), selection.filter(), narrowedQuery,
        Math.max(1, page.taskIds().size()), page.count(), selection.readsEachTask()));
  }

  /** The engine's current caller, or else Spring Security's signed-in person; empty when nobody is signed in. */
  private Optional<Authentication> caller() {
    if (identity.getCurrentAuthentication() != null) {
      return Optional.of(identity.getCurrentAuthentication());
    }
    // the webapps tell the engine who calls further down the chain: until then the caller is Spring Security's
    var signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    CurrentUser user = CurrentUser.of(signedIn);
    List<String> tenants = identity.createTenantQuery().userMember(user.userId()).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    return Optional.of(new Authentication(user.userId(), user.groupIds(), tenants));
  }

  /** {@code work} with the engine knowing {@code caller} (who it may already know). */
  private <T> T asCaller(Authentication caller, Supplier<T> work) {
    if (identity.getCurrentAuthentication() != null) {
      return work.get();
    }
    identity.setAuthentication(caller);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Optional<Selection> select(String filterId, JsonNode extension, Authentication caller) {
    if (caller.getUserId() == null || engine.isCmmnEnabled() || engine.isStandaloneTasksEnabled()) {
      return Optional.empty();
    }
    Optional<FilterEntity> stored = readableFilter(filterId);
    Optional<TasklistFilter> shared = stored.flatMap(this::sharedFilter);
    if (shared.isEmpty()) {
      return Optional.empty();
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("user", caller.getUserId())
        .addValue("groups", groups.isEmpty() ? List.of("") : groups);
    StringBuilder where = new StringBuilder("T.PROC_DEF_ID_ IS NOT NULL");
    // what Tasklist and the caller's tenants add: the same on the engine's task table and on the index
    StringBuilder narrowing = new StringBuilder();
    switch (shared.get()) {
      case UNIT_TODO -> {
        // without groups the engine would ask for every task with any candidate group
        if (groups.isEmpty()) {
          return Optional.empty();
        }
        where.append(" AND T.ID_ IN (SELECT I.TASK_ID_ FROM ACT_RU_IDENTITYLINK I WHERE I.TYPE_ = 'candidate'"
            + " AND I.GROUP_ID_ IN (:groups))");
      }
      case MINE -> where.append(" AND T.ASSIGNEE_ = :user");
      case OVERDUE -> {
        where.append(" AND T.DUE_DATE_ < :now");
        parameters.addValue("now", ClockUtil.getCurrentTime());
      }
      case ALL_VISIBLE -> { }
    }
    Optional<String> orderBy = addExtension(extension, narrowing);
    if (orderBy.isEmpty()) {
      return Optional.empty();
    }
    boolean administrator = isAdministrator(caller);
    if (!administrator && engine.isTenantCheckEnabled()) {
      List<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
      narrowing.append(tenants.isEmpty() ? " AND T.TENANT_ID_ IS NULL" : " AND (T.TENANT_ID_ IS NULL OR T.TENANT_ID_ IN (:tenants))");
      parameters.addValue("tenants", tenants);
    }
    where.append(narrowing);
    ReadCheck read = ReadCheck.NONE;
    if (!administrator && engine.isAuthorizationEnabled()) {
      read = addReadCheck(parameters, where);
      if (read == ReadCheck.ENGINE_ONLY) {
        return Optional.empty();
      }
    }
    String indexedWhere = shared.get() == TasklistFilter.UNIT_TODO ? "T.GROUP_ID_ IN (:groups)" + narrowing : null;
    return Optional.of(new Selection(stored.get(), where.toString(), indexedWhere, orderBy.get(), parameters, caller,
        read.readsEachTask));
  }

  Page page(Selection selection, int firstResult, int maxResults) {
    MapSqlParameterSource parameters = selection.parameters();
    parameters.addValue("first", firstResult).addValue("max", maxResults);
    String tasks = answersFromIndex(selection) && sortsOnIndexedColumns(selection.orderBy())
        ? CandidateTaskIndex.ENTRIES + " T WHERE " + selection.indexedWhere() + " GROUP BY "
            + String.join(", ", INDEXED_SORT_COLUMNS)
        : "ACT_RU_TASK T WHERE " + selection.where();
    // the page and the whole count in one pass over the caller's tasks
    List<String> ids = new ArrayList<>();
    long[] count = {0};
    database.query("SELECT T.ID_, COUNT(*) OVER () AS TOTAL FROM " + tasks + " ORDER BY " + selection.orderBy()
        + " LIMIT :max OFFSET :first", parameters, row -> {
          ids.add(row.getString(1));
          count[0] = row.getLong(2);
        });
    // a page past the end carries no count
    return new Page(ids, ids.isEmpty() && firstResult > 0 ? count(selection) : count[0]);
  }

  long count(Selection selection) {
    Long count = database.queryForObject(answersFromIndex(selection)
        ? "SELECT COUNT(DISTINCT T.ID_) FROM " + CandidateTaskIndex.ENTRIES + " T WHERE " + selection.indexedWhere()
        : "SELECT COUNT(*) FROM ACT_RU_TASK T WHERE " + selection.where(), selection.parameters(), Long.class);
    return count == null ? 0 : count;
  }

  /**
   * Whether {@link CandidateTaskIndex} answers: it is kept, and each of the caller's groups may read every task it is a
   * candidate of.
   */
  boolean answersFromIndex(Selection selection) {
    return selection.indexedWhere() != null && index.ready() && database.queryForList("SELECT 1 FROM "
        + CandidateTaskIndex.WITHOUT_GRANT + " W WHERE W.GROUP_ID_ IN (:groups) LIMIT 1", selection.parameters(),
        Integer.class).isEmpty();
  }

  /** Whether the order is by columns the index has. */
  private static boolean sortsOnIndexedColumns(String orderBy) {
    return Arrays.stream(orderBy.split(", "))
        .allMatch(term -> INDEXED_SORT_COLUMNS.contains(term.substring(0, term.indexOf(' '))));
  }

  /**
   * One filter for one caller: the filter as stored, the where clause on the engine's tasks, the same on
   * {@link CandidateTaskIndex} (null where it cannot answer), the order and the values; {@code readsEachTask}:
   * the caller may read each task it selects by a grant on the task itself (or on every task, or nothing is checked
   * for them), which is also what lets the engine show them the task's own variables.
   */
  record Selection(Filter filter, String where, String indexedWhere, String orderBy, MapSqlParameterSource parameters,
      Authentication caller, boolean readsEachTask) {}

  /** How the caller's READ on a task is checked, and whether that is a grant on each task itself. */
  private enum ReadCheck {
    /** Not at all (an administrator, authorization off, READ on every task). */
    NONE(true),
    /** Not at all: READ_TASK on every process definition. */
    EVERY_TASK_BY_DEFINITION(false),
    /** By a grant on the task. */
    ON_THE_TASK(true),
    /** By a grant on the task or READ_TASK on its process definition. */
    ALSO_BY_DEFINITION(false),
    /** Only the engine can weigh the caller's authorizations. */
    ENGINE_ONLY(false);

    private final boolean readsEachTask;

    ReadCheck(boolean readsEachTask) {
      this.readsEachTask = readsEachTask;
    }
  }

  /** The filter with this id, if the caller may read it. */
  private Optional<FilterEntity> readableFilter(String filterId) {
    try {
      return filters.getFilter(filterId) instanceof FilterEntity stored ? Optional.of(stored) : Optional.empty();
    } catch (AuthorizationException refused) {
      return Optional.empty();
    }
  }

  /** The shared filter {@code stored} is, if its query is still the product's. */
  private Optional<TasklistFilter> sharedFilter(FilterEntity stored) {
    for (TasklistFilter shared : TasklistFilter.values()) {
      if (shared.label().equals(stored.getName()) && storedQuery(shared).equals(stored.getQueryInternal())) {
        return Optional.of(shared);
      }
    }
    return Optional.empty();
  }

  /** The query as the engine stores it, so that a filter changed since (in Tasklist or Admin) is told apart. */
  private synchronized String storedQuery(TasklistFilter shared) {
    return storedQueries.computeIfAbsent(shared,
        filter -> {
          FilterEntity expected = new FilterEntity(EntityTypes.TASK);
          expected.setQuery(filter.query(tasks));
          return expected.getQueryInternal();
        });
  }

  /**
   * Adds Tasklist's additions to the where clause and returns the order they ask for; empty for anything else
   * (a search, a sort by a variable), which the engine answers.
   */
  private static Optional<String> addExtension(JsonNode extension, StringBuilder where) {
    List<String> order = new ArrayList<>();
    if (extension != null && !extension.isNull()) {
      if (!extension.isObject()) {
        return Optional.empty();
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = extension.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        switch (field.getKey()) {
          // the variables Tasklist searches for: none, unless the caller typed a search
          case "processVariables", "taskVariables", "caseInstanceVariables" -> {
            if (!value.isArray() || !value.isEmpty()) {
              return Optional.empty();
            }
          }
          case "active" -> {
            if (!value.isBoolean()) {
              return Optional.empty();
            }
            if (value.booleanValue()) {
              where.append(" AND T.SUSPENSION_STATE_ = 1");
            }
          }
          case "sorting" -> {
            if (!value.isArray()) {
              return Optional.empty();
            }
            for (JsonNode sorting : value) {
              String column = SORT_COLUMNS.get(sorting.path("sortBy").asText());
              String direction = sorting.path("sortOrder").asText();
              if (column == null || !(direction.equals("asc") || direction.equals("desc")) || sorting.size() != 2) {
                return Optional.empty();
              }
              order.add(column + " " + direction.toUpperCase());
            }
          }
          // Tasklist repeats the page's bounds in the body; the engine reads them from the URL
          case "firstResult", "maxResults" -> { }
          default -> {
            return Optional.empty();
          }
        }
      }
    }
    // the engine's order when nobody asks for one; the id also orders tasks created in the same millisecond
    order.add("T.ID_ ASC");
    return Optional.of(String.join(", ", order));
  }

  private boolean isAdministrator(Authentication caller) {
    List<String> adminGroups = engine.getAdminGroups() == null ? List.of() : engine.getAdminGroups();
    List<String> adminUsers = engine.getAdminUsers() == null ? List.of() : engine.getAdminUsers();
    return adminUsers.contains(caller.getUserId())
        || caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(adminGroups::contains);
  }

  /**
   * Adds "the caller may read the task" as the engine checks it (READ on the task, or READ_TASK on its process
   * definition, granted to the caller, one of their groups or everyone, on the resource or on every resource).
   */
  private ReadCheck addReadCheck(MapSqlParameterSource parameters, StringBuilder where) {
    List<Map<String, Object>> rows = database.queryForList(callersAuthorizations(parameters), parameters);
    List<String> definitionKeys = new ArrayList<>();
    boolean everyTask = false;
    boolean everyDefinition = false;
    for (Map<String, Object> row : rows) {
      int type = ((Number) row.get("TYPE_")).intValue();
      boolean onTasks = ((Number) row.get("RESOURCE_TYPE_")).intValue() == TASK;
      String resource = (String) row.get("RESOURCE_ID_");
      int permission = onTasks ? READ : READ_TASK;
      boolean grants = (((Number) row.get("PERMS_")).intValue() & permission) == permission;
      if (type == Authorization.AUTH_TYPE_REVOKE || type == Authorization.AUTH_TYPE_GLOBAL && !grants && !resource.equals("*")) {
        // a revoke, or everyone's authorization on one resource without the permission: the engine weighs them
        return ReadCheck.ENGINE_ONLY;
      }
      everyTask |= grants && onTasks && resource.equals("*");
      everyDefinition |= grants && !onTasks && resource.equals("*");
      if (grants && !onTasks) {
        definitionKeys.add(resource);
      }
    }
    if (everyTask || everyDefinition) {
      return everyTask ? ReadCheck.NONE : ReadCheck.EVERY_TASK_BY_DEFINITION;
    }
    // READ on the task itself (the grants the engine gives a task's assignee and candidates, or anyone's given by
    // hand), looked up by the task's id: a handful of rows per task
    where.append(" AND (EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = T.ID_ AND A.RESOURCE_TYPE_ = ").append(TASK)
        .append(" AND MOD(A.PERMS_ / ").append(READ).append(", 2) = 1 AND (A.TYPE_ = ").append(Authorization.AUTH_TYPE_GLOBAL)
        .append(" OR A.TYPE_ = ").append(Authorization.AUTH_TYPE_GRANT).append(" AND (A.USER_ID_ = :user OR A.GROUP_ID_ IN (:groups))))");
    if (!definitionKeys.isEmpty()) {
      where.append(" OR T.PROC_DEF_ID_ IN (SELECT D.ID_ FROM ACT_RE_PROCDEF D WHERE D.KEY_ IN (:definitionKeys))");
      parameters.addValue("definitionKeys", definitionKeys);
    }
    where.append(")");
    return definitionKeys.isEmpty() ? ReadCheck.ON_THE_TASK : ReadCheck.ALSO_BY_DEFINITION;
  }

  /**
   * The authorizations on tasks and process definitions that the read check weighs: everyone's, the caller's revokes
   * and the caller's grants on a definition or on every task. Each part names its type, its user or one group and its
   * resource type, so that the database looks it up on Camunda's unique (type, user or group, resource type, resource
   * id) indexes; a list of groups or of resource types there makes H2 read every grant of that type (17 ms at 100,000
   * grants, once per request). The types are written into the statement, not passed as values: PostgreSQL then keeps
   * one plan for it (with a value per resource type it planned the parts anew for every request).
   */
  private static String callersAuthorizations(MapSqlParameterSource parameters) {
    List<String> parts = new ArrayList<>();
    for (int resourceType : List.of(TASK, PROCESS_DEFINITION)) {
      parts.add("A.TYPE_ = " + Authorization.AUTH_TYPE_GLOBAL + " AND A.USER_ID_ = '*' AND A.RESOURCE_TYPE_ = " + resourceType);
      parts.add("A.TYPE_ = " + Authorization.AUTH_TYPE_REVOKE + " AND A.USER_ID_ = :user AND A.RESOURCE_TYPE_ = " + resourceType);
    }
    parts.add("A.TYPE_ = " + Authorization.AUTH_TYPE_GRANT + " AND A.USER_ID_ = :user AND A.RESOURCE_TYPE_ = " + PROCESS_DEFINITION);
    parts.add("A.TYPE_ = " + Authorization.AUTH_TYPE_GRANT + " AND A.USER_ID_ = :user AND A.RESOURCE_TYPE_ = " + TASK
        + " AND A.RESOURCE_ID_ = '*'");
    @SuppressWarnings("unchecked")
    List<String> groups = (List<String>) parameters.getValue("groups");
    for (int i = 0; i < groups.size(); i++) {
      String group = "group" + i;
      parameters.addValue(group, groups.get(i));
      for (int resourceType : List.of(TASK, PROCESS_DEFINITION)) {
        parts.add("A.TYPE_ = " + Authorization.AUTH_TYPE_REVOKE + " AND A.GROUP_ID_ = :" + group + " AND A.RESOURCE_TYPE_ = " + resourceType);
      }
      parts.add("A.TYPE_ = " + Authorization.AUTH_TYPE_GRANT + " AND A.GROUP_ID_ = :" + group + " AND A.RESOURCE_TYPE_ = " + PROCESS_DEFINITION);
      parts.add("A.TYPE_ = " + Authorization.AUTH_TYPE_GRANT + " AND A.GROUP_ID_ = :" + group
          + " AND A.RESOURCE_TYPE_ = " + TASK + " AND A.RESOURCE_ID_ = '*'");
    }
    return parts.stream().map(part -> "SELECT A.TYPE_, A.RESOURCE_TYPE_, A.RESOURCE_ID_, A.PERMS_ FROM ACT_RU_AUTHORIZATION A WHERE " + part)
        .collect(Collectors.joining(" UNION ALL "));
  }
}
