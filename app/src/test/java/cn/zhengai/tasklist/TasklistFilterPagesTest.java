package cn.zhengai.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.SharedVariables;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import cn.zhengai.support.TasklistSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shared Tasklist filters answered by the product's own query show each person exactly what the engine's task
 * query shows them (the same tasks, the same count, pages that follow one another), through the engine REST API and
 * the webapps' API as Tasklist calls it; and whatever that query does not follow is left to the engine.
 */
@AppTest
class TasklistFilterPagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "tasklist-filter-pages";
  private static final String TASKLIST_BODY = TasklistSession.TASKLIST_QUERY;
  /** Tasklist's query with a criterion every task meets and the product's query leaves to the engine. */
  private static final String ENGINE_ANSWERS_BODY = TASKLIST_BODY.replace("\"active\":true",
      "\"active\":true,\"createdBefore\":\"2999-01-01T00:00:00.000+0800\"");
  /** 教务处's and 院办's heads, a member of 院办, 质管办 (reads every task), the leading group, a major leader, the administrator. */
  private static final List<String> PEOPLE = List.of("wangfang", "liming", "zhaoli", "wuqian", "sunhua", "hetao", "admin");

  @Autowired
  private TestRestTemplate http;
  @LocalServerPort
  private int port;
  @Autowired
  private RepositoryService repository;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private TaskService tasks;
  @Autowired
  private FilterService filters;
  @Autowired
  private IdentityService identity;
  @Autowired
  private AuthorizationService authorizations;
  @Autowired
  private FilterPages pages;

  private String deployment;
  private ListAppender<ILoggingEvent> answered;

  /**
   * 教务处 gets six tasks (two overdue, one claimed by 王芳, two more in a suspended instance), 院办 three; 质管办 one
   * that 王芳 is also a candidate of, through a second group link. Their cards show the unit and the year as the
   * product's tasks do.
   */
  @BeforeEach
  void openTasks() {
    deployment = repository.createDeployment().name(MODEL).addModelInstance(MODEL + ".bpmn",
        Bpmn.createExecutableProcess(MODEL).name("过滤器测试").camundaHistoryTimeToLive(1).startEvent()
            .userTask("work").name("过滤器测试任务").camundaCandidateGroups("${groups}").camundaDueDate("${due}")
            .camundaTaskListenerDelegateExpression("create", "${" + AnnualWorkPlanProcess.Beans.SHOW_UNIT_IN_TASKLIST + "}")
            .multiInstance().parallel().cardinality("${count}").multiInstanceDone().endEvent().done()).deploy().getId();
    Date yesterday = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));
    start("head-jwc", 4, null);
    start("head-jwc", 2, yesterday);
    start("head-yb", 3, null);
    start("zgb, head-jwc", 1, null);
    runtime.suspendProcessInstanceById(start("head-jwc", 2, null));
    tasks.claim(tasks.createTaskQuery().processDefinitionKey(MODEL).taskCandidateGroup("head-jwc").active().list().get(0).getId(),
        "wangfang");
    Logger logger = (Logger) LoggerFactory.getLogger(FilterPageFilter.class);
    answered = new ListAppender<>();
    answered.start();
    logger.addAppender(answered);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void removeTasks() {
    Logger logger = (Logger) LoggerFactory.getLogger(FilterPageFilter.class);
    logger.detachAppender(answered);
    logger.setLevel(null);
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void everySharedFilterShowsEachPersonWhatTheEngineShowsThem() {
    int requests = 0;
    for (String person : PEOPLE) {
      EngineRest rest = EngineRest.as(http, person);
      for (TasklistFilter shared : TasklistFilter.values()) {
        String filter = filterId(shared);
        List<String> expected = asPerson(person, () -> ids(filters.list(filter, tasklistQuery())));
        JsonNode list = rest.post("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=1000", json(TASKLIST_BODY))
            .expect(200).json();
        List<String> shown = new ArrayList<>();
        list.forEach(task -> shown.add(task.path("id").asText()));
        assertThat(shown).as(person + " · " + shared.label()).containsExactlyInAnyOrderElementsOf(expected);
        assertNewestFirst(shown);
        assertThat(rest.get("/engine-rest/filter/" + filter + "/count").expect(200).json().path("count").asLong())
            .as(person + " · " + shared.label() + " 计数")
            .isEqualTo(asPerson(person, () -> filters.count(filter)));
        requests += 2;
      }
    }
    assertThat(answered.list).as("每个请求都由本产品的查询作答").hasSize(requests);
    assertThat(asPerson("wangfang", () -> filters.count(filterId(TasklistFilter.UNIT_TODO), tasklistQuery())))
        .as("王芳的本单位待办：教务处的 7 个在办任务").isEqualTo(7);
  }

  @Test
  void tasklistPagesFollowOneAnotherWithTheWholeCount() throws Exception {
    TasklistSession tasklist = TasklistSession.logIn(port, "wangfang");
    String filter = tasklist.filterId(TasklistFilter.UNIT_TODO.label());
    List<String> expected = asPerson("wangfang", () -> ids(filters.list(filter, tasklistQuery())));
    List<String> paged = new ArrayList<>();
    for (int first = 0; first < expected.size() + 3; first += 3) {
      JsonNode page = JSON.readTree(tasklist.list(filter, first, 3));
      assertThat(page.path("count").asLong()).isEqualTo(expected.size());
      page.path("_embedded").path("task").forEach(task -> {
        paged.add(task.path("id").asText());
        List<String> card = new ArrayList<>();
        task.path("_embedded").path("variable").forEach(variable -> card.add(variable.path("name").asText() + "=" + variable.path("value").asText()));
        assertThat(card).as("卡片上的单位和年度").contains(SharedVariables.UNIT_NAME.name() + "=教务处", SharedVariables.YEAR.name() + "=2031");
      });
    }
    assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertNewestFirst(paged);
    assertThat(answered.list).isNotEmpty();
  }

  @Test
  void tasklistsPageIsWhatTheEngineWritesForTheFilter() throws Exception {
    // a card variable one process gets after its tasks have copied theirs: the engine shows it on their cards only to
    // who may read the process instance, the others' cards keep the task's own variables only
    String instance = tasks.createTaskQuery().processDefinitionKey(MODEL).taskCandidateGroup("head-jwc").list().get(0).getProcessInstanceId();
    runtime.setVariable(instance, SharedVariables.SUBJECT_NAME.name(), "过滤器测试专业");
    // 何涛 sees every task through READ_TASK on every process definition, which does not let him read their variables
    Authorization everyTask = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    everyTask.setUserId("hetao");
    everyTask.setResource(Resources.PROCESS_DEFINITION);
    everyTask.setResourceId(Authorization.ANY);
    everyTask.addPermission(ProcessDefinitionPermissions.READ_TASK);
    String grant = authorizations.saveAuthorization(everyTask).getId();
    Logger cardsLogger = (Logger) LoggerFactory.getLogger(FilterPageCards.class);
    ListAppender<ILoggingEvent> readByTheEngine = new ListAppender<>();
    readByTheEngine.start();
    cardsLogger.addAppender(readByTheEngine);
    cardsLogger.setLevel(Level.DEBUG);
    try {
      Map<String, Boolean> variablesReadByTheEngine = assertEachPageIsTheEngines(readByTheEngine);
      // the engine's own checks only where they could show something else
      assertThat(variablesReadByTheEngine).containsEntry("liming · 本单位待办", false)
          .containsEntry("wangfang · 本单位待办", true).containsEntry("hetao · 全部可见任务", true);
    } finally {
      cardsLogger.detachAppender(readByTheEngine);
      cardsLogger.setLevel(null);
      authorizations.deleteAuthorization(grant);
    }
  }

  /** Asserts each person's page of each filter; says for each whether the engine read the cards' variables. */
  private Map<String, Boolean> assertEachPageIsTheEngines(ListAppender<ILoggingEvent> readByTheEngine) throws Exception {
    Map<String, Boolean> variablesReadByTheEngine = new HashMap<>();
    for (String person : PEOPLE) {
      TasklistSession tasklist = TasklistSession.logIn(port, person);
      for (TasklistFilter shared : TasklistFilter.values()) {
        String filter = filterId(shared);
        int answeredBefore = answered.list.size();
        int readBefore = readByTheEngine.list.size();
        JsonNode product = JSON.readTree(tasklist.list(filter, TASKLIST_BODY, 0, 1000));
        String page = person + " · " + shared.label();
        variablesReadByTheEngine.put(page, readByTheEngine.list.size() > readBefore);
        JsonNode engine = JSON.readTree(tasklist.list(filter, ENGINE_ANSWERS_BODY, 0, 1000));
        assertThat(answered.list).as("本产品只答第一个请求").hasSize(answeredBefore + 1);
        assertThat(product.path("count")).as(page + " 计数").isEqualTo(engine.path("count"));
        assertThat(product.path("_links")).as(page).isEqualTo(engine.path("_links"));
        assertThat(product.path("_embedded").size()).as(page).isEqualTo(engine.path("_embedded").size());
        // the same cards, variables and linked resources; tasks created in one millisecond may come in either order
        engine.path("_embedded").fields().forEachRemaining(embedded ->
            assertThat(byId(product.path("_embedded").path(embedded.getKey()))).as(page + " · " + embedded.getKey())
                .isEqualTo(byId(embedded.getValue())));
      }
    }
    assertThat(answered.list).as("每页都由本产品写出，没有退回引擎，也没有与引擎不一致")
        .noneMatch(event -> event.getLevel() == Level.WARN);
    return variablesReadByTheEngine;
  }

  private static Map<String, JsonNode> byId(JsonNode resources) {
    Map<String, JsonNode> byId = new HashMap<>();
    resources.forEach(resource -> byId.put(resource.path("id").asText(), resource));
    assertThat(byId).as("每个资源都有自己的 id").hasSize(resources.size());
    return byId;
  }

  @Test
  void whatTheQueryDoesNotFollowIsLeftToTheEngine() {
    String filter = filterId(TasklistFilter.UNIT_TODO);
    assertThat(asPerson("wangfang", () -> pages.select(filter, tree(TASKLIST_BODY)))).as("Tasklist 的普通请求").isPresent();
    assertThat(asPerson("wangfang", () -> pages.select(filter, tree(TASKLIST_BODY.replace("\"processVariables\":[]",
        "\"processVariables\":[{\"name\":\"year\",\"operator\":\"eq\",\"value\":2027}]"))))).as("按变量搜索").isEmpty();
    assertThat(asPerson("wangfang", () -> pages.select(filter, tree(TASKLIST_BODY.replace("{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}",
        "{\"sortOrder\":\"desc\",\"sortBy\":\"processVariable\",\"parameters\":{\"variable\":\"year\",\"type\":\"Integer\"}}")))))
        .as("按变量排序").isEmpty();

    // a revoke concerning 王芳: the engine weighs it, and she still sees what the engine shows her
    Task revoked = tasks.createTaskQuery().processDefinitionKey(MODEL).taskCandidateGroup("head-jwc").taskUnassigned().active().list().get(0);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("wangfang");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(revoked.getId());
    revoke.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoke);
    try {
      assertThat(asPerson("wangfang", () -> pages.select(filter, tree(TASKLIST_BODY)))).as("有收回授权").isEmpty();
      JsonNode list = EngineRest.as(http, "wangfang").post("/engine-rest/filter/" + filter + "/list", json(TASKLIST_BODY)).expect(200).json();
      List<String> shown = new ArrayList<>();
      list.forEach(task -> shown.add(task.path("id").asText()));
      assertThat(shown).hasSize(6).doesNotContain(revoked.getId());
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }

    // a shared filter someone changed in Tasklist is no longer the product's
    Filter changed = filters.getFilter(filter);
    TaskQuery original = changed.getQuery();
    filters.saveFilter(changed.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")));
    try {
      assertThat(asPerson("wangfang", () -> pages.select(filter, tree(TASKLIST_BODY)))).as("被修改的过滤器").isEmpty();
    } finally {
      filters.saveFilter(filters.getFilter(filter).setQuery(original));
    }
    assertThat(asPerson("wangfang", () -> pages.select(filter, tree(TASKLIST_BODY)))).as("改回以后").isPresent();
  }

  private String start(String groups, int count, Date due) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("groups", groups);
    variables.put("count", count);
    variables.put("due", due);
    variables.put(SharedVariables.UNIT_NAME.name(), groups.contains("head-jwc") ? "教务处" : "院办");
    variables.put(SharedVariables.YEAR.name(), 2031);
    return runtime.startProcessInstanceByKey(MODEL, variables).getId();
  }

  private TaskQuery tasklistQuery() {
    return tasks.createTaskQuery().active().orderByTaskCreateTime().desc();
  }

  private String filterId(TasklistFilter shared) {
    return filters.createFilterQuery().filterName(shared.label()).singleResult().getId();
  }

  private void assertNewestFirst(List<String> taskIds) {
    List<Date> created = taskIds.stream().map(id -> tasks.createTaskQuery().taskId(id).singleResult().getCreateTime()).toList();
    for (int i = 1; i < created.size(); i++) {
      assertThat(created.get(i)).isBeforeOrEqualTo(created.get(i - 1));
    }
  }

  private static List<String> ids(List<Task> list) {
    return list.stream().map(Task::getId).toList();
  }

  /** Engine calls as the person, with their groups, as the engine REST API makes them. */
  private <T> T asPerson(String person, Supplier<T> calls) {
    List<String> groups = identity.createGroupQuery().groupMember(person).list().stream().map(Group::getId).toList();
    identity.setAuthentication(person, groups);
    try {
      return calls.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Map<?, ?> json(String body) {
    try {
      return JSON.readValue(body, Map.class);
    } catch (Exception notJson) {
      throw new IllegalArgumentException(notJson);
    }
  }

  private static JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception notJson) {
      throw new IllegalArgumentException(notJson);
    }
  }
}
