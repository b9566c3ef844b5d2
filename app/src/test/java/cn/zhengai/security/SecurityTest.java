package cn.zhengai.security;

import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.processes.AnnualWorkPlanProcess.Variables;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Who may do what: anonymous callers, a wrong password, another department, the right one, the QA office. */
@AppTest
class SecurityTest {

  private TestRestTemplate http;
  @Autowired
  void noRedirects(TestRestTemplate template) {
    // see each answer as a browser gets it, redirects included
    http = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
  }
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  private String round;

  @BeforeEach
  void openRound() {
    // a task's escalation ladder ends with its task: gone before its turn comes
    runtimeService.createProcessInstanceQuery().list().forEach(old -> runtimeService.deleteProcessInstanceIfExists(old.getId(), "reset",
        false, true, false, false));
    round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(Variables.YEAR.name(), 2027)).getId();
  }

  @Test
  void anonymousCallsToTheApisGet401AndBrowsersAreSentToTheLoginPage() {
    EngineRest anonymous = EngineRest.anonymous(http);
    assertThat(anonymous.get("/engine-rest/task").expect(401).json().get("message").asText()).contains("未登录");
    anonymous.get("/api/organisation/units").expect(401);
    anonymous.get("/v3/api-docs").expect(302);
    ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getStatusCode().value()).isEqualTo(302);
    assertThat(tasklist.getHeaders().getLocation().getPath()).isEqualTo("/login");
    assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("UP");
    assertThat(http.getForEntity("/login", String.class).getBody()).contains("用户名", "密码", "登录");
  }

  @Test
  void aWrongPasswordIsRefusedWithAClearMessage() {
    ResponseEntity<String> response = http.withBasicAuth("fengxue", "wrong-password").getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody()).contains("用户名、密码错误");
  }

  @Test
  void aWrongPasswordOnTheLoginPageSendsTheUserBackWithAChineseMessage() {
    ResponseEntity<String> page = http.getForEntity("/login", String.class);
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    form.add(HttpHeaders.COOKIE, cookie(page, "JSESSIONID"));
    LinkedMultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
    credentials.add("username", "hanmei");
    credentials.add("password", "not-her-password");
    credentials.add("_csrf", csrfToken(page));
    ResponseEntity<String> login = http.postForEntity("/login", new HttpEntity<>(credentials, form), String.class);
    assertThat(login.getStatusCode().value()).isEqualTo(302);
    assertThat(login.getHeaders().getLocation().toString()).endsWith("/login?error");
    assertThat(http.getForEntity("/login?error", String.class).getBody()).contains("用户名或密码错误");
  }

  @Test
  void aDepartmentHeadSeesAndCompletesOnlyTheirOwnDepartmentsTask() {
    EngineRest academicAffairs = EngineRest.as(http, "wangfang");
    JsonNode visible = academicAffairs.get("/engine-rest/task?processInstanceId=" + round).expect(200).json();
    assertThat(visible).hasSize(1);
    assertThat(unitOf(visible.get(0).get("id").asText())).isEqualTo("jwc");

    Task humanResources = submitTaskOf("rsc");
    // another unit's task does not even exist for them
    academicAffairs.get("/engine-rest/task/" + humanResources.getId()).expect(404);
    JsonNode refusal = academicAffairs.post("/engine-rest/task/" + humanResources.getId() + "/submit-form",
        variables(plan())).expect(403).json();
    assertThat(refusal.get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(taskService.createTaskQuery().taskId(humanResources.getId()).count()).isEqualTo(1);
    assertThat(taskService.getVariable(humanResources.getId(), Variables.KEY_TASKS.name())).isNull();

    // the plan is the unit's key tasks in 表5
    EngineRest.as(http, "chenjie").post("/api/planning/key-tasks?year=2027", Map.of("title", "安全测试：引进双师型教师 20 名",
        "unit", "人事处", "measures", "校企互聘", "deadline", "2027-12-31")).expect(201);
    EngineRest.as(http, "chenjie").post("/engine-rest/task/" + humanResources.getId() + "/submit-form", variables(plan())).expect(204);
    jdbc.update("DELETE FROM work_task WHERE plan_year = 2027 AND title = '安全测试：引进双师型教师 20 名'");
    assertThat(taskService.createTaskQuery().taskId(humanResources.getId()).count()).isZero();
  }

  @Test
  void theQaOfficeAndTheLeadingGroupSeeEveryUnitsTaskButCannotCompleteThem() {
    for (String monitor : List.of("zhouqiang", "sunhua")) {
      assertThat(EngineRest.as(http, monitor).get("/engine-rest/task/count?processInstanceId=" + round).expect(200)
          .json().get("count").asInt()).as(monitor).isEqualTo(19);
    }
    EngineRest.as(http, "zhouqiang").post("/engine-rest/task/" + submitTaskOf("jwc").getId() + "/complete", variables(plan()))
        .expect(403);
    assertThat(EngineRest.as(http, "zhangxiaoyu").get("/engine-rest/task/count").expect(200).json().get("count").asInt())
        .as("a student sees no department's task").isZero();
  }

  @Test
  void oneAccountWorksInTheAppsApiAndItsAdminOnlyActionsAreGuarded() {
    assertThat(EngineRest.as(http, "wangfang").get("/api/organisation/units").expect(200).json()).isNotEmpty();
    assertThat(EngineRest.as(http, "wangfang").post("/api/organisation/import", null).expect(403).json().get("message").asText())
        .contains("无权重新导入组织数据");
    // a refusal names who may by the groups' Chinese names, read whether or not the caller may list groups
    for (String refused : List.of("wangfang", "zhangxiaoyu")) {
      assertThat(EngineRest.as(http, refused).get("/api/escalations").expect(403).json().get("message").asText()).as(refused)
          .isEqualTo("无权查看升级记录：仅限 质管办、质量保证领导小组 及系统管理员");
    }
    assertThat(EngineRest.as(http, "admin").get("/v3/api-docs").expect(200).json().get("paths").has("/api/organisation/units")).isTrue();
  }

  @Test
  void browserSessionsNeedTheCsrfTokenAndAFormLoginOpensTheWebapps() {
    // a login post without the page's CSRF token signs nobody in: it is sent to a fresh login page that says why
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
    credentials.add("username", "liming");
    credentials.add("password", EngineRest.DEMO_PASSWORD);
    ResponseEntity<String> withoutToken = http.postForEntity("/login", new HttpEntity<>(credentials, form), String.class);
    assertThat(withoutToken.getStatusCode().value()).isEqualTo(302);
    assertThat(withoutToken.getHeaders().getLocation().toString()).endsWith("/login?expired");
    assertThat(http.getForEntity("/login?expired", String.class).getBody()).contains("登录页面已过期");

    // with the token from the login page the session is established and Tasklist's API answers
    ResponseEntity<String> page = http.getForEntity("/login", String.class);
    String session = cookie(page, "JSESSIONID");
    credentials.add("_csrf", csrfToken(page));
    form.add(HttpHeaders.COOKIE, session);
    ResponseEntity<String> login = http.postForEntity("/login", new HttpEntity<>(credentials, form), String.class);
    assertThat(login.getStatusCode().value()).isEqualTo(302);
    String loggedIn = cookie(login, "JSESSIONID");

    HttpHeaders browser = new HttpHeaders();
    browser.add(HttpHeaders.COOKIE, loggedIn);
    ResponseEntity<String> tasklistPage = http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(browser), String.class);
    assertThat(tasklistPage.getStatusCode().value()).isEqualTo(200);
    // the page is never stored; the scripts it loads are kept by the browser and only revalidated
    assertThat(tasklistPage.getHeaders().getCacheControl()).contains("no-store");
    Matcher scriptTag = Pattern.compile("src=\"([^\"]+\\.js[^\"]*)\"").matcher(tasklistPage.getBody());
    assertThat(scriptTag.find()).as("Tasklist's page loads a script").isTrue();
    ResponseEntity<byte[]> script = http.exchange(scriptTag.group(1), HttpMethod.GET, new HttpEntity<>(browser), byte[].class);
    assertThat(script.getStatusCode().value()).isEqualTo(200);
    assertThat(script.getHeaders().getCacheControl()).isEqualTo("private, no-cache");
    HttpHeaders revalidation = new HttpHeaders();
    revalidation.add(HttpHeaders.COOKIE, loggedIn);
    revalidation.setIfModifiedSince(script.getHeaders().getLastModified());
    assertThat(http.exchange(scriptTag.group(1), HttpMethod.GET, new HttpEntity<>(revalidation), byte[].class).getStatusCode().value())
        .isEqualTo(304);
    ResponseEntity<String> user = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(browser), String.class);
    assertThat(user.getStatusCode().value()).isEqualTo(200);
    assertThat(user.getBody()).contains("\"userId\":\"liming\"", "tasklist");

    // a state-changing webapp call without Camunda's X-XSRF-TOKEN is refused
    browser.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> forged = http.exchange("/camunda/api/engine/engine/default/process-definition/key/"
        + AnnualWorkPlanProcess.KEY + "/submit-form", HttpMethod.POST,
        new HttpEntity<>("{\"variables\":{\"year\":{\"value\":2028}}}", browser), String.class);
    assertThat(forged.getStatusCode().value()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2028").count()).isZero();

    // nor is a page of a shared Tasklist filter, which the product answers itself (in a new session: Camunda ends
    // the session of a refused call)
    HttpHeaders newSession = with(with(new HttpHeaders(), HttpHeaders.COOKIE, logIn("liming")), HttpHeaders.ACCEPT, "application/hal+json");
    newSession.setContentType(MediaType.APPLICATION_JSON);
    String unitTodo = engine.getFilterService().createFilterQuery().filterName("本单位待办").singleResult().getId();
    ResponseEntity<String> forgedPage = http.exchange("/camunda/api/engine/engine/default/filter/" + unitTodo
        + "/list?firstResult=0&maxResults=15", HttpMethod.POST, new HttpEntity<>("{}", newSession), String.class);
    assertThat(forgedPage.getStatusCode().value()).as(forgedPage.getBody()).isEqualTo(403);
  }

  @Test
  void theLoginPagesSessionCallsTheAppsApiAndItsUnsafeCallsNeedTheSessionsCsrfToken() {
    HttpHeaders browser = new HttpHeaders();
    browser.add(HttpHeaders.COOKIE, logIn("wuqian"));
    ResponseEntity<String> editor = http.exchange("/models/editor", HttpMethod.GET, new HttpEntity<>(browser), String.class);
    assertThat(editor.getStatusCode().value()).isEqualTo(200);
    assertThat(editor.getBody()).contains("流程模型编辑器", "检查", "部署");
    String header = meta(editor, "csrf-header");
    String token = meta(editor, "csrf-token");
    // not the webapps' X-XSRF-TOKEN, and no XSRF-TOKEN cookie of our own next to theirs
    assertThat(header).isEqualTo("X-CSRF-TOKEN");
    assertThat(editor.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));

    ResponseEntity<String> models = http.exchange("/api/models", HttpMethod.GET, new HttpEntity<>(browser), String.class);
    assertThat(models.getStatusCode().value()).isEqualTo(200);
    assertThat(models.getBody()).contains("\"key\":\"" + AnnualWorkPlanProcess.KEY + "\"");
    byte[] model = http.exchange("/api/models/" + AnnualWorkPlanProcess.KEY + "/xml", HttpMethod.GET,
        new HttpEntity<>(browser), byte[].class).getBody();

    ResponseEntity<String> forged = postModel(browser, model);
    assertThat(forged.getStatusCode().value()).isEqualTo(403);
    assertThat(forged.getBody()).contains("CSRF 令牌");
    assertThat(postModel(with(browser, "X-XSRF-TOKEN", token), model).getStatusCode().value()).as("the webapps' header is not ours").isEqualTo(403);

    ResponseEntity<String> checked = postModel(with(browser, header, token), model);
    assertThat(checked.getStatusCode().value()).as(checked.getBody()).isEqualTo(200);
    assertThat(checked.getBody()).contains("\"deployed\":false");
  }

  @Test
  void everyPageOfTheProductNamesItselfAndCarriesTheSessionsCsrfTokenForItsScripts() {
    HttpHeaders browser = new HttpHeaders();
    browser.add(HttpHeaders.COOKIE, logIn("zhouqiang"));
    Map<String, String> titles = Map.of("/notifications", "消息通知", "/notifications/channels", "通知渠道",
        "/calendar", "校历", "/majors/rotation", "专业考核性诊断轮次", "/data", "数据平台", "/monitors", "数据监测",
        "/monitors/chart", "指标控制图");
    for (Map.Entry<String, String> page : titles.entrySet()) {
      ResponseEntity<String> answer = http.exchange(page.getKey(), HttpMethod.GET, new HttpEntity<>(browser), String.class);
      assertThat(answer.getStatusCode().value()).as(page.getKey()).isEqualTo(200);
      assertThat(answer.getBody()).as(page.getKey()).contains("<title>" + page.getValue() + " · 诊改平台</title>")
          .containsPattern("<link rel=\"stylesheet\" href=\"/[a-z-]+/[a-z-]+\\.css\">");
      assertThat(meta(answer, "csrf-header")).as(page.getKey()).isEqualTo("X-CSRF-TOKEN");
      assertThat(meta(answer, "csrf-token")).as(page.getKey()).matches("[A-Za-z0-9_=-]{20,}");
    }
  }

  @Test
  void scriptsKeepCallingTheAppsApiWithHttpBasicAndNoCsrfToken() {
    byte[] model = EngineRest.as(http, "wuqian").download("/api/models/" + AnnualWorkPlanProcess.KEY + "/xml");
    assertThat(EngineRest.as(http, "wuqian").upload("/api/models?dryRun=true", "annual-work-plan.bpmn", model).expect(200)
        .json().get("deployed").asBoolean()).isFalse();
    // neither a session nor credentials: not signed in, whatever the method
    assertThat(EngineRest.anonymous(http).upload("/api/models?dryRun=true", "annual-work-plan.bpmn", model).expect(401)
        .json().get("message").asText()).contains("未登录");
  }

  private static String csrfToken(ResponseEntity<String> loginPage) {
    return loginPage.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
  }

  /** Logs in on the login page, as a browser does; answers the session cookie. */
  private String logIn(String user) {
    ResponseEntity<String> page = http.getForEntity("/login", String.class);
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    form.add(HttpHeaders.COOKIE, cookie(page, "JSESSIONID"));
    LinkedMultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
    credentials.add("username", user);
    credentials.add("password", EngineRest.DEMO_PASSWORD);
    credentials.add("_csrf", csrfToken(page));
    ResponseEntity<String> login = http.postForEntity("/login", new HttpEntity<>(credentials, form), String.class);
    assertThat(login.getHeaders().getLocation().getPath()).as("logged in as " + user).isNotEqualTo("/login");
    return cookie(login, "JSESSIONID");
  }

  /** The editor's check: the model as the multipart "file" of a dry run. */
  private ResponseEntity<String> postModel(HttpHeaders headers, byte[] model) {
    HttpHeaders multipart = with(headers, HttpHeaders.CONTENT_TYPE, MediaType.MULTIPART_FORM_DATA_VALUE);
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(model) {
      @Override
      public String getFilename() {
        return "annual-work-plan.bpmn";
      }
    });
    return http.exchange("/api/models?dryRun=true&migrate=true", HttpMethod.POST, new HttpEntity<>(body, multipart), String.class);
  }

  private static HttpHeaders with(HttpHeaders headers, String name, String value) {
    HttpHeaders copy = new HttpHeaders();
    copy.addAll(headers);
    copy.add(name, value);
    return copy;
  }

  private static String meta(ResponseEntity<String> page, String name) {
    return page.getBody().replaceAll("(?s).*<meta name=\"" + name + "\" content=\"([^\"]+)\">.*", "$1");
  }

  private static String cookie(ResponseEntity<?> response, String name) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .filter(cookie -> cookie.startsWith(name + "=")).map(cookie -> cookie.split(";")[0])
        .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.getHeaders()));
  }

  private Task submitTaskOf(String unit) {
    return taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(Elements.TASK_SUBMIT_WORK_PLAN).list()
        .stream().filter(task -> unit.equals(unitOf(task.getId()))).findFirst().orElseThrow();
  }

  private String unitOf(String taskId) {
    return (String) taskService.getVariable(taskId, Variables.UNIT.name());
  }

  private static Map<String, Object> plan() {
    return Map.of(Variables.PLAN_NOTE.name(), "引进双师型教师 20 名");
  }

  @Test
  void authorizationChecksKeepEveryGroupOfTheCaller() {
    // Camunda would drop the group that holds no authorization, after reading the group of every authorization
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> checked = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("head-jwc", "group-without-authorizations")));
    assertThat(checked).containsExactly("head-jwc", "group-without-authorizations");
  }
}
