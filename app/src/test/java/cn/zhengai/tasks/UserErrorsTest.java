package cn.zhengai.tasks;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Errors a user causes, answered in Chinese with a 4xx status: through the webapps' engine API as Tasklist calls it
 * (session cookie and Camunda's CSRF header) and through /engine-rest as scripts call it.
 */
@AppTest
class UserErrorsTest {

  private static final String TASKLIST_ENGINE_API = "/camunda/api/engine/engine/default";

  private TestRestTemplate http;
  @Autowired
  void noRedirects(TestRestTemplate template) {
    http = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
  }
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  private String round;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void openRoundAndWatchTheLog() {
    // a task's escalation ladder ends with its task: gone before its turn comes
    runtimeService.createProcessInstanceQuery().list().forEach(old -> runtimeService.deleteProcessInstanceIfExists(old.getId(), "reset",
        false, true, false, false));
    round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(YEAR.name(), 2027)).getId();
    log.start();
    rootLogger().addAppender(log);
  }

  @AfterEach
  void stopWatchingTheLogAndRemoveThePlans() {
    rootLogger().detachAppender(log);
    jdbc.update("DELETE FROM work_task WHERE plan_year = 2027 AND title LIKE '用户错误测试%'");
  }

  @Test
  void tasklistGetsARefusedFormAsA400WithOnlyTheChineseMessageAndTheServerLogsNoError() {
    Tasklist wangfang = Tasklist.logIn(http, "wangfang");
    String task = submitTaskOf("jwc");

    // the plan is the unit's key tasks in 表5, and there are none yet
    ResponseEntity<String> refused = wangfang.post("/task/" + task + "/submit-form", variables(plan()));

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(json(refused).get("message").asText()).startsWith("表单填写有误：教务处尚未在“表5 年度重点工作任务分解”中录入 2027 年度的重点任务");
    assertThat(refused.getBody()).doesNotContain("ENGINE-", "Exception while");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage).as("an expected refusal is no server error")
        .noneMatch(message -> message.contains("尚未在“表5"));

    keyTaskOf("wangfang", "教务处");
    assertThat(wangfang.post("/task/" + task + "/submit-form", variables(plan())).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void tasklistGetsAuthorizationRefusalsAndVanishedTasksInChinese() {
    Tasklist wangfang = Tasklist.logIn(http, "wangfang");
    ResponseEntity<String> otherUnit = wangfang.post("/task/" + submitTaskOf("rsc") + "/submit-form", variables(plan()));
    assertThat(otherUnit.getStatusCode().value()).isEqualTo(403);
    assertThat(json(otherUnit).get("message").asText()).startsWith("无权执行此操作：需要").contains("“办理”权限").doesNotContain("permission");

    String done = submitTaskOf("jwc");
    keyTaskOf("wangfang", "教务处");
    taskService.complete(done, plan());
    ResponseEntity<String> gone = wangfang.post("/task/" + done + "/submit-form", variables(plan()));
    assertThat(gone.getStatusCode().value()).isEqualTo(404);
    assertThat(json(gone).get("message").asText()).isEqualTo("任务不存在或已办结，请刷新任务列表");
  }

  @Test
  void engineRestAnswersTheCommonUserErrorsInChinese() {
    EngineRest wangfang = EngineRest.as(http, "wangfang");
    assertThat(wangfang.get("/engine-rest/task/no-such-task").expect(404).json().get("message").asText())
        .isEqualTo("任务不存在或已办结，请刷新任务列表");
    assertThat(wangfang.post("/engine-rest/task/no-such-task/claim", Map.of("userId", "wangfang")).expect(404)
        .json().get("message").asText()).isEqualTo("任务不存在或已办结，请刷新任务列表");

    String task = submitTaskOf("jwc");
    taskService.claim(task, "chenjie");
    JsonNode claimed = wangfang.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "wangfang")).expect(409).json();
    assertThat(claimed.get("message").asText()).isEqualTo("任务已由 chenjie 认领，请刷新任务列表");
    assertThat(claimed.get("type").asText()).isEqualTo("TaskAlreadyClaimedException");
  }

  @Test
  void aDateTypedVariableIsAcceptedAsADateAndAMissingYearIsNamed() {
    keyTaskOf("wangfang", "教务处");
    keyTaskOf("chenjie", "人事处");
    EngineRest.as(http, "wangfang").post("/engine-rest/task/" + submitTaskOf("jwc") + "/submit-form", variables(plan())).expect(204);
    EngineRest.as(http, "chenjie").post("/engine-rest/task/" + submitTaskOf("rsc") + "/submit-form", variables(plan())).expect(204);

    EngineRest liming = EngineRest.as(http, "liming");
    Map<String, Object> pastDate = Map.of(DECISION.name(), Map.of("value", DECISION_RETURN), RETURN_REASON.name(), Map.of("value", "请补充指标值"),
        REVISION_DUE_DATE.name(), Map.of("value", "2020-03-01T00:00:00.000+0800", "type", "Date"));
    assertThat(liming.post("/engine-rest/task/" + reviewTaskOf("rsc") + "/submit-form", Map.of("variables", pastDate))
        .expect(400).json().get("message").asText()).isEqualTo("表单填写有误：修改截止日期 2020-03-01 早于今天");
    Map<String, Object> datedReturn = Map.of(DECISION.name(), Map.of("value", DECISION_RETURN), RETURN_REASON.name(), Map.of("value", "请补充指标值"),
        REVISION_DUE_DATE.name(), Map.of("value", "2099-03-01T00:00:00.000+0800", "type", "Date"));
    liming.post("/engine-rest/task/" + reviewTaskOf("jwc") + "/submit-form", Map.of("variables", datedReturn)).expect(204);

    assertThat(liming.post("/engine-rest/process-definition/key/" + AnnualWorkPlanProcess.KEY
        + "/submit-form", variables(Map.of())).expect(400).json().get("message").asText())
        .isEqualTo("表单填写有误：请填写计划年度");
  }

  private String submitTaskOf(String unit) {
    return taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(Elements.TASK_SUBMIT_WORK_PLAN).list()
        .stream().filter(task -> unit.equals(taskService.getVariable(task.getId(), UNIT.name()))).findFirst().orElseThrow().getId();
  }

  private String reviewTaskOf(String unit) {
    return taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(Elements.TASK_REVIEW_WORK_PLAN).list()
        .stream().filter(task -> unit.equals(taskService.getVariable(task.getId(), UNIT.name()))).findFirst().orElseThrow().getId();
  }

  private static Map<String, Object> plan() {
    return Map.of(PLAN_NOTE.name(), "重点任务见表5");
  }

  /** The unit's head enters a key task of 2027 in 表5: the unit's plan. */
  private void keyTaskOf(String head, String unitName) {
    EngineRest.as(http, head).post("/api/planning/key-tasks?year=2027", Map.of("title", "用户错误测试：修订人才培养方案",
        "unit", unitName, "measures", "对标专业教学标准逐项修订", "deadline", "2027-12-31")).expect(201);
  }

  private static JsonNode json(ResponseEntity<String> response) {
    return new EngineRest.Reply(response.getStatusCode().value(), response.getBody(), "webapps' engine API",
        response.getHeaders()).json();
  }

  private static ch.qos.logback.classic.Logger rootLogger() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** A browser session of Tasklist: logged in on the login page, calling the webapps' engine API with Camunda's CSRF header. */
  private record Tasklist(TestRestTemplate http, HttpHeaders headers) {

    static Tasklist logIn(TestRestTemplate http, String user) {
      ResponseEntity<String> page = http.getForEntity("/login", String.class);
      HttpHeaders form = new HttpHeaders();
      form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      form.add(HttpHeaders.COOKIE, cookie(page, "JSESSIONID"));
      LinkedMultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
      credentials.add("username", user);
      credentials.add("password", EngineRest.DEMO_PASSWORD);
      credentials.add("_csrf", page.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
      ResponseEntity<String> login = http.postForEntity("/login", new HttpEntity<>(credentials, form), String.class);
      HttpHeaders headers = new HttpHeaders();
      headers.add(HttpHeaders.COOKIE, cookie(login, "JSESSIONID"));
      ResponseEntity<String> tasks = http.exchange(TASKLIST_ENGINE_API + "/task/count", HttpMethod.GET, new HttpEntity<>(headers), String.class);
      assertThat(tasks.getStatusCode().value()).as("logged in as " + user).isEqualTo(200);
      headers.add("X-XSRF-TOKEN", tasks.getHeaders().getFirst("X-XSRF-TOKEN"));
      headers.add(HttpHeaders.COOKIE, cookie(tasks, "XSRF-TOKEN"));
      headers.setContentType(MediaType.APPLICATION_JSON);
      return new Tasklist(http, headers);
    }

    ResponseEntity<String> post(String path, Object body) {
      return http.exchange(TASKLIST_ENGINE_API + path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String cookie(ResponseEntity<?> response, String name) {
      return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
          .filter(cookie -> cookie.startsWith(name + "=")).map(cookie -> cookie.split(";")[0])
          .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.getHeaders()));
    }
  }
}
