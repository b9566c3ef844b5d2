package cn.zhengai.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.TasklistSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link CandidateTaskIndex} on the database the app runs on: after every kind of change to tasks, candidate groups
 * and grants its tables hold what the engine's tables say, 本单位待办 shows each caller what the engine shows them, and
 * the index answers wherever the caller's groups read what they are candidates of (elsewhere the full query does).
 */
public abstract class CandidateTaskIndexScenarios {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "candidate-task-index";
  private static final String A = "cti-unit-a";
  private static final String B = "cti-unit-b";
  private static final String C = "cti-unit-c";
  /** Callers by their groups: one unit, two units, the third unit. */
  private static final Map<String, List<String>> CALLERS = Map.of("cti-head-a", List.of(A), "cti-head-ab", List.of(A, B),
      "cti-head-c", List.of(C, "cti-unit-none"));

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;
  @Autowired FilterPages pages;
  @Autowired CandidateTaskIndex index;
  @Autowired ProcessEngine engine;

  private String deployment;
  private String unitTodo;
  private final List<String> filterGrants = new ArrayList<>();

  @BeforeEach
  void deployTheModelAndLetTheCallersReadTheFilters() {
    unitTodo = filters.createFilterQuery().filterName(TasklistFilter.UNIT_TODO.label()).singleResult().getId();
    for (String caller : CALLERS.keySet()) {
      filterGrants.add(grantRead(caller, null, Resources.FILTER, Authorization.ANY));
    }
    deployment = repository.createDeployment().name(MODEL).addModelInstance(MODEL + ".bpmn",
        Bpmn.createExecutableProcess(MODEL).name("候选任务索引测试").camundaHistoryTimeToLive(1).startEvent()
            .userTask("work").name("候选任务索引测试任务").camundaCandidateGroups("${groups}")
            .multiInstance().parallel().cardinality("${count}").multiInstanceDone().endEvent().done()).deploy().getId();
  }

  @AfterEach
  void removeTheModelAndTheGrants() {
    repository.deleteDeployment(deployment, true);
    filterGrants.forEach(authorizations::deleteAuthorization);
    filterGrants.clear();
  }

  @Test
  void theIndexFollowsEveryChangeAndEachCallerSeesWhatTheEngineShowsThem() {
    start(A, 3);
    start(A + "," + B, 2);
    String third = start(C, 1);
    assertIndexAndPages("开始三个流程");

    Task ofA = tasksOf(A).get(0);
    tasks.addCandidateGroup(ofA.getId(), B);
    assertIndexAndPages("加候选组");
    tasks.deleteCandidateGroup(tasksOf(A).get(1).getId(), A);
    assertIndexAndPages("删候选组");

    runtime.suspendProcessInstanceById(ofA.getProcessInstanceId());
    assertIndexAndPages("挂起流程");
    runtime.activateProcessInstanceById(ofA.getProcessInstanceId());
    tasks.complete(tasksOf(A).get(0).getId());
    assertIndexAndPages("激活流程、完成任务");

    // C's grant on its task taken away by hand: its head reads it only through a grant of their own, which the index
    // does not weigh, so the full query answers for them
    Task ofC = tasksOf(C).get(0);
    Authorization grantOfC = authorizations.createAuthorizationQuery().groupIdIn(C).resourceType(Resources.TASK)
        .resourceId(ofC.getId()).singleResult();
    authorizations.deleteAuthorization(grantOfC.getId());
    grantRead("cti-head-c", null, Resources.TASK, ofC.getId());
    assertIndexAndPages("候选组的读权限被收走", "cti-head-c");
    assertThat(asCaller("cti-head-c", this::unitTodoCount)).as("自己的授权仍能读").isEqualTo(1);

    grantRead(null, C, Resources.TASK, ofC.getId());
    assertIndexAndPages("候选组重新获得读权限");

    runtime.deleteProcessInstance(third, "测试结束");
    assertIndexAndPages("删除流程");
  }

  @Test
  void theCountAndThePageAreReadFromTheIndex() {
    start(A, 2);
    long engineCount = asCaller("cti-head-a", this::unitTodoCount);
    // a row no task stands behind, put in by hand: only a count and a page read from the index show it
    jdbc.update("INSERT INTO " + CandidateTaskIndex.ENTRIES + " (GROUP_ID_, ID_, CREATE_TIME_, TENANT_ID_, SUSPENSION_STATE_)"
        + " VALUES (?, 'cti-no-such-task', CURRENT_TIMESTAMP, NULL, 1)", A);
    try {
      FilterPages.Selection selection = asCaller("cti-head-a", () -> pages.select(unitTodo, tasklistQuery())).orElseThrow();
      assertThat(asCaller("cti-head-a", () -> pages.count(selection))).isEqualTo(engineCount + 1);
      assertThat(asCaller("cti-head-a", () -> pages.page(selection, 0, 1000)).taskIds()).contains("cti-no-such-task");
    } finally {
      jdbc.update("DELETE FROM " + CandidateTaskIndex.ENTRIES + " WHERE ID_ = 'cti-no-such-task'");
    }
  }

  @Test
  void anIndexMissingAtStartIsFilledFromTheEnginesTables() throws Exception {
    start(A + "," + B, 3);
    start(C, 2);
    for (CandidateTaskIndex.Watched trigger : CandidateTaskIndex.TRIGGERS) {
      jdbc.execute("DROP TRIGGER " + trigger.name() + (postgres() ? " ON " + trigger.table() : ""));
    }
    jdbc.update("DELETE FROM " + CandidateTaskIndex.ENTRIES);
    jdbc.update("DELETE FROM " + CandidateTaskIndex.WITHOUT_GRANT);
    // tasks changed while there is no index: the next start sees them as they are
    tasks.complete(tasksOf(C).get(0).getId());

    index.postProcessEngineBuild(engine);

    assertIndexAndPages("重新建立索引后");
    tasks.addCandidateGroup(tasksOf(C).get(0).getId(), A);
    assertIndexAndPages("建立后继续跟随变化");
  }

  private boolean postgres() {
    return "postgres".equals(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType());
  }

  /**
   * The index's tables are what the engine's tables say (for this test's groups), and each caller's count and tasks
   * of 本单位待办 are the engine's, newest first, in pages that follow one another; answered from the index for every
   * caller but {@code answeredByTheFullQuery}.
   */
  private void assertIndexAndPages(String step, String... answeredByTheFullQuery) {
    String ours = " WHERE I.GROUP_ID_ LIKE 'cti-%'";
    assertThat(rows("SELECT GROUP_ID_, ID_, CREATE_TIME_, TENANT_ID_, SUSPENSION_STATE_ FROM " + CandidateTaskIndex.ENTRIES
        + " I" + ours)).as(step + "：可读的候选任务").isNotEmpty()
        .isEqualTo(rows(CandidateTaskIndex.ENTRY_ROWS.replaceFirst(" WHERE ", ours + " AND ")));
    assertThat(rows("SELECT GROUP_ID_, TASK_ID_ FROM " + CandidateTaskIndex.WITHOUT_GRANT + " I" + ours))
        .as(step + "：无读权限的候选任务").isEqualTo(rows(CandidateTaskIndex.WITHOUT_GRANT_ROWS.replaceFirst(" WHERE ", ours + " AND ")));
    for (String caller : CALLERS.keySet()) {
      String what = step + "：" + caller;
      FilterPages.Selection selection = asCaller(caller, () -> pages.select(unitTodo, tasklistQuery())).orElseThrow();
      assertThat(asCaller(caller, () -> pages.answersFromIndex(selection))).as(what + " 由索引作答")
          .isEqualTo(!List.of(answeredByTheFullQuery).contains(caller));
      long expected = asCaller(caller, this::unitTodoCount);
      assertThat(asCaller(caller, () -> pages.count(selection))).as(what + " 的计数").isEqualTo(expected);
      List<String> engineTasks = asCaller(caller, () -> filters.list(unitTodo, tasks.createTaskQuery().active()))
          .stream().map(task -> ((Task) task).getId()).toList();
      FilterPages.Page whole = asCaller(caller, () -> pages.page(selection, 0, 1000));
      assertThat(whole.count()).as(what + " 的整页计数").isEqualTo(expected);
      assertThat(whole.taskIds()).as(what + " 的任务").containsExactlyInAnyOrderElementsOf(engineTasks)
          .isSortedAccordingTo(Comparator.comparing(this::created).reversed());
      List<String> paged = new ArrayList<>();
      for (int first = 0; first <= expected; first += 2) {
        int from = first;
        FilterPages.Page page = asCaller(caller, () -> pages.page(selection, from, 2));
        assertThat(page.count()).as(what + " 第 " + (from / 2 + 1) + " 页的计数").isEqualTo(expected);
        paged.addAll(page.taskIds());
      }
      assertThat(paged).as(what + " 逐页").isEqualTo(whole.taskIds());
    }
  }

  /** Grants READ on a resource to a user or a group; returns the grant's id. */
  private String grantRead(String user, String group, Resources resource, String resourceId) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(Permissions.READ);
    return authorizations.saveAuthorization(grant).getId();
  }

  private List<Map<String, Object>> rows(String sql) {
    List<Map<String, Object>> rows = new ArrayList<>();
    jdbc.queryForList(sql).forEach(row -> {
      Map<String, Object> byUpperName = new HashMap<>();
      row.forEach((column, value) -> byUpperName.put(column.toUpperCase(), value));
      rows.add(byUpperName);
    });
    rows.sort(Comparator.comparing(Object::toString));
    return rows;
  }

  private long unitTodoCount() {
    return filters.count(unitTodo, tasks.createTaskQuery().active());
  }

  private Date created(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult().getCreateTime();
  }

  private List<Task> tasksOf(String group) {
    return tasks.createTaskQuery().processDefinitionKey(MODEL).taskCandidateGroup(group).orderByTaskId().asc().list();
  }

  private String start(String groups, int count) {
    return runtime.startProcessInstanceByKey(MODEL, Map.of("groups", groups, "count", count)).getId();
  }

  private static JsonNode tasklistQuery() {
    try {
      return JSON.readTree(TasklistSession.TASKLIST_QUERY);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T asCaller(String caller, Supplier<T> work) {
    identity.setAuthentication(caller, CALLERS.get(caller));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
