package cn.zhengai.deployment;

import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.processes.AnnualWorkPlanProcess.Variables;
import cn.zhengai.processes.FlowableModeler;
import cn.zhengai.processes.ModelResources;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.processes.TaskEscalationProcess;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A process owner deploys an edited model through the app's API: checks, dialects, versions, migration, audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelUploadTest {

  private static final String PROCESS_OWNER = "wuqian";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @MockitoSpyBean ModelDeployer deployer;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void closeRoundsAndRemoveTheirPlans() {
    // a task's escalation ladder ends with its task: gone before its turn comes
    runtimeService.createProcessInstanceQuery().list().forEach(round -> runtimeService.deleteProcessInstanceIfExists(round.getId(), "test",
        false, true, false, false));
    jdbc.update("DELETE FROM work_task WHERE title = '上传测试：修订人才培养方案'");
  }

  @Test
  void aDryRunChecksTheShippedModelAndDeploysNothing() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    JsonNode report = upload(PROCESS_OWNER, shipped(), "dryRun=true").expect(200).json();
    assertThat(report.get("problems")).isEmpty();
    assertThat(report.get("deployed").asBoolean()).isFalse();
    assertThat(report.get("dialect").asText()).isEqualTo("camunda");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void onlyProcessOwnersMayDeploy() throws Exception {
    assertThat(upload("wangfang", shipped(), "dryRun=true").expect(403).json().get("message").asText()).contains("无权部署流程模型");
  }

  @Test
  void eachProblemIsNamedByElementAndNothingIsDeployed() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    assertRefused(shipped().replace("camunda:candidateGroups=\"yb\"", "camunda:candidateGroups=\"dean-office\""),
        "元素 Task_ReviewWorkPlan（审核年度工作计划）：候选组 \"dean-office\" 在组织机构中不存在");
    assertRefused(shipped().replace("annual-work-plan-review.form", "annual-work-plan-approval.form"),
        "元素 Task_ReviewWorkPlan（审核年度工作计划）：表单 \"annual-work-plan-approval.form\" 不存在");
    assertRefused(shipped().replace("${openUnitPlanDelegate}", "${smsReminderDelegate}"),
        "元素 Task_OpenUnitPlan（确定单位负责人）：表达式 ${smsReminderDelegate} 引用的组件 \"smsReminderDelegate\" 不存在");
    assertRefused(shipped().replace("${checkReviewDecisionListener}", "${reviewListener}"),
        "元素 Task_ReviewWorkPlan（审核年度工作计划）：表达式 ${reviewListener} 引用的组件 \"reviewListener\" 不存在");
    assertRefused(withStartTimer("月底").replace("timeCycle", "timeDate"),
        "元素 Start_PlanRoundOpened（发起年度工作计划征集）：定时器日期 \"月底\" 不是 ISO 8601 日期时间（例如 2027-02-26T09:00:00）");
    assertRefused(shipped().replace(" camunda:collection=\"${participatingUnits}\"", ""),
        "元素 SubProcess_UnitPlan（单位年度工作计划）：流程引擎拒绝");
    assertRefused(shipped().replace("id=\"annual-work-plan\"", "id=\"annual-work-plan-copy\"").replace("bpmnElement=\"annual-work-plan\"", "bpmnElement=\"annual-work-plan-copy\""),
        "流程 key \"annual-work-plan-copy\" 不是已有流程；如确为新流程，请勾选“新流程”后再上传");
    assertRefused(shipped().replace("isExecutable=\"true\"", "isExecutable=\"sometimes\""), "不符合 BPMN 2.0 规范（第 ");
    assertRefused(shipped().replaceFirst("<\\?xml[^>]*\\?>", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"),
        "文件含有 DOCTYPE 声明（可能引用外部实体），出于安全原因拒绝");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aCronTheEngineCannotReadIsRefusedBeforeItIsDeployed() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    for (String cron : List.of("0 0 7 * * * *", "a b c d e f")) {
      assertRefused(withStartTimer(cron), "元素 Start_PlanRoundOpened（发起年度工作计划征集）：定时器周期 \"" + cron
          + "\" 不是流程引擎能识别的 cron 表达式");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void whatTheEngineRefusesOnlyWhenDeployingIsAChineseRefusalAndNothingIsDeployed() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    int audited = EngineRest.as(http, PROCESS_OWNER).get("/api/models/deployments").expect(200).json().size();
    // a timer start event is computed at deployment, when there are no process variables yet
    JsonNode report = upload(PROCESS_OWNER, withStartTimer("${undefinedCycle}"), "").expect(400).json();
    assertThat(report.get("problems")).extracting(ModelUploadTest::describe)
        .containsExactly("元素 Start_PlanRoundOpened（发起年度工作计划征集）：" + DeployFailures.START_EVENT_REFUSED);
    assertThat(report.get("deployed").asBoolean()).isFalse();
    assertChineseOnly(report.toString());
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(EngineRest.as(http, PROCESS_OWNER).get("/api/models/deployments").json()).hasSize(audited);
  }

  @Test
  void aDatabaseFailureWhileDeployingIsAChineseServerErrorAndNothingIsDeployed() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    Mockito.doThrow(new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
            new SQLException("Connection is closed")))
        .when(deployer).deployUploaded(Mockito.any(), Mockito.any(), Mockito.any());

    JsonNode error = upload(PROCESS_OWNER, shipped().replace("name=\"审核年度工作计划\"", "name=\"审核计划\""), "").expect(500).json();
    assertThat(error.get("message").asText()).isEqualTo(DeployFailures.SERVER_FAILED);
    assertChineseOnly(error.toString());
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aJobThatFailsEveryRetryIsAnIncidentWithItsChineseCause() {
    // the step's bean fails without the year it expects; the product's causes are Chinese and kept as they are
    repositoryService.createDeployment().addModelInstance("failing-step.bpmn", Bpmn.createExecutableProcess("failing-step")
        .camundaHistoryTimeToLive(30).startEvent().serviceTask("Step").camundaAsyncBefore()
        .camundaDelegateExpression("${" + SchoolAnnualCycleProcess.Beans.HAND_OVER + "}").endEvent().done()).deploy();
    String instance = runtimeService.startProcessInstanceByKey("failing-step").getId();
    String job = managementService.createJobQuery().processInstanceId(instance).singleResult().getId();
    for (int retry = 0; retry < 3; retry++) {
      assertThatThrownBy(() -> managementService.executeJob(job)).isInstanceOf(IllegalStateException.class);
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).singleResult().getIncidentMessage())
        .isEqualTo("流程变量 year 缺失");
  }

  @Test
  void aNewProcessIsAcceptedWhenDeclaredNew() throws Exception {
    String copy = shipped().replace("id=\"annual-work-plan\"", "id=\"annual-work-plan-copy\"")
        .replace("bpmnElement=\"annual-work-plan\"", "bpmnElement=\"annual-work-plan-copy\"");
    JsonNode report = upload(PROCESS_OWNER, copy, "newProcess=true").expect(200).json();
    assertThat(report.get("deployed").asBoolean()).isTrue();
    assertThat(report.get("changes").get(0).get("text").asText()).isEqualTo("新流程 annual-work-plan-copy（年度工作计划）");
    assertThat(report.get("changes").get(0).get("kind").asText()).isEqualTo("ADDED");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("annual-work-plan-copy").count()).isEqualTo(1);
  }

  @Test
  void aFileSavedByFlowableModelerIsDeployedAsANewVersionAndRuns() throws Exception {
    deployShipped();
    int latest = latestVersion();
    byte[] flowable = FlowableModeler.openAndSave(ModelResources.bytes(AnnualWorkPlanProcess.MODEL));
    assertThat(new String(flowable, StandardCharsets.UTF_8)).contains("flowable:candidateGroups").doesNotContain("camunda:");

    JsonNode report = upload(PROCESS_OWNER, new String(flowable, StandardCharsets.UTF_8), "").expect(200).json();
    assertThat(report.get("dialect").asText()).isEqualTo("flowable");
    assertThat(report.get("version").asInt()).isEqualTo(latest + 1);
    // the diagram's dockers are dropped without a word: only what matters is noted
    assertThat(report.get("notes")).extracting(JsonNode::asText).containsExactly("流程 annual-work-plan 未设置历史保留时间，沿用 3650 天");
    // the same flow saved by another modeler: nothing that decides the flow changed
    assertThat(report.get("changes")).isEmpty();

    ProcessInstance round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(Variables.YEAR.name(), 2027));
    assertThat(repositoryService.getProcessDefinition(round.getProcessDefinitionId()).getVersion()).isEqualTo(latest + 1);
    Task submit = taskService.createTaskQuery().processInstanceId(round.getId()).taskDefinitionKey(Elements.TASK_SUBMIT_WORK_PLAN)
        .taskCandidateGroup("head-jwc").singleResult();
    assertThat(submit.getDueDate()).isNotNull();
    // the listeners run on the uploaded version: no plan without key tasks in 表5
    EngineRest.as(http, "wangfang").post("/engine-rest/task/" + submit.getId() + "/submit-form",
        variables(Map.of(Variables.PLAN_NOTE.name(), "说明"))).expect(400);
    keyTask(2027);
    EngineRest.as(http, "wangfang").post("/engine-rest/task/" + submit.getId() + "/submit-form",
        variables(Map.of(Variables.PLAN_NOTE.name(), "说明"))).expect(204);
    assertThat(taskService.createTaskQuery().processInstanceId(round.getId()).taskDefinitionKey(Elements.TASK_REVIEW_WORK_PLAN)
        .taskCandidateGroup("yb").count()).isEqualTo(1);

    JsonNode history = EngineRest.as(http, PROCESS_OWNER).get("/api/models/deployments").expect(200).json();
    assertThat(history.get(0).get("deployedBy").asText()).isEqualTo(PROCESS_OWNER);
    assertThat(history.get(0).get("dialect").asText()).isEqualTo("flowable");
    assertThat(history.get(0).get("version").asInt()).isEqualTo(latest + 1);
  }

  @Test
  void runningInstancesMoveToTheNewVersionAndThoseThatCannotAreReported() throws Exception {
    deployShipped();
    int before = latestVersion();
    ProcessInstance waitingForPlans = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(Variables.YEAR.name(), 2027));
    ProcessInstance inRevision = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY,
        Map.of(Variables.YEAR.name(), 2028, Variables.SUBMISSION_DUE_DATE.name(), "2028-02-25"));
    Task submit = taskService.createTaskQuery().processInstanceId(inRevision.getId()).taskCandidateGroup("head-jwc").singleResult();
    keyTask(2028);
    taskService.complete(submit.getId(), Map.of());
    Task review = taskService.createTaskQuery().processInstanceId(inRevision.getId()).taskDefinitionKey(Elements.TASK_REVIEW_WORK_PLAN).singleResult();
    taskService.complete(review.getId(), Map.of(Variables.DECISION.name(), Variables.DECISION_RETURN, Variables.RETURN_REASON.name(), "补充指标",
        Variables.REVISION_DUE_DATE.name(), LocalDate.now().plusDays(5).toString()));

    // version 2 renames the revise task: an instance waiting in it has nowhere to go
    String edited = shipped().replace("Task_ReviseWorkPlan", "Task_RevisePlan").replace("name=\"修改年度工作计划\"", "name=\"修改计划\"");
    JsonNode preview = upload(PROCESS_OWNER, edited, "dryRun=true&migrate=true").expect(200).json().get("migrationPreview");
    JsonNode source = preview.get("sourceVersions").get(0);
    assertThat(source.get("instances").asInt()).isEqualTo(2);
    assertThat(source.get("moving").findValuesAsText("businessKey")).containsExactly("2027");
    assertThat(source.get("staying").findValuesAsText("businessKey")).containsExactly("2028");
    assertThat(source.get("staying").get(0).get("reasons").toString()).contains("Task_ReviseWorkPlan");
    assertThat(definitionVersionOf(waitingForPlans)).isEqualTo(before);

    JsonNode report = upload(PROCESS_OWNER, edited, "migrate=true").expect(200).json();

    assertThat(report.get("changes").findValuesAsText("text")).contains("新增 用户任务 Task_RevisePlan（修改计划）：候选组 ${unitHeadGroup}；"
        + "到期时间 ${revisionDueAt}；表单 camunda-forms:deployment:annual-work-plan-submit.form；"
        + "监听器 创建时 ${showUnitInTasklistListener}；完成时 ${validateWorkPlanListener}；创建时 ${escalationLadder}；"
        + "完成时 ${escalationLadder}；删除时 ${escalationLadder}",
        "删除 用户任务 Task_ReviseWorkPlan（修改年度工作计划）");
    assertThat(report.get("migration").get("migrated").asInt()).isEqualTo(1);
    JsonNode notMigrated = report.get("migration").get("notMigrated");
    assertThat(notMigrated).hasSize(1);
    assertThat(notMigrated.get(0).get("businessKey").asText()).isEqualTo("2028");
    assertThat(notMigrated.get(0).get("reasons").toString()).contains("Task_ReviseWorkPlan");
    assertThat(definitionVersionOf(waitingForPlans)).isEqualTo(before + 1);
    assertThat(definitionVersionOf(inRevision)).isEqualTo(before);
    assertThat(EngineRest.as(http, PROCESS_OWNER).get("/api/models/deployments").json().get(0).get("unmigratedInstances").asInt()).isEqualTo(1);
  }

  @Test
  void aDryRunPreviewsWhatMigrationDoesToTimersAndLeavesNothingBehind() throws Exception {
    upload(PROCESS_OWNER, ladder(), "", TaskEscalationProcess.RESOURCE).expect(200);
    int shippedVersion = latestVersion(TaskEscalationProcess.KEY);
    ProcessInstance round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY,
        Map.of(Variables.YEAR.name(), 2033, Variables.SUBMISSION_DUE_DATE.name(), "2033-03-31"));
    // every unit's task climbs its own ladder, whose business key is the task's id; 教务处's has reminded already
    Map<String, String> ladders = taskService.createTaskQuery().processInstanceId(round.getId()).list().stream().collect(Collectors.toMap(
        task -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(task.getId()).singleResult().getId(),
        task -> String.valueOf(taskService.getVariable(task.getId(), Variables.UNIT.name()))));
    long units = ladders.size();
    String academicAffairs = ladders.entrySet().stream().filter(ladder -> ladder.getValue().equals("jwc")).findFirst().orElseThrow().getKey();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(academicAffairs)
        .activityId(TaskEscalationProcess.Elements.TIMER_BEFORE_DUE).singleResult().getId());
    Map<String, Date> reminders = timers(ladders.keySet(), TaskEscalationProcess.Elements.TIMER_BEFORE_DUE);
    assertThat(reminders).hasSize((int) units - 1).allSatisfy((execution, due) ->
        assertThat(due).isEqualTo(Date.from(CollegeTime.endOfDay(LocalDate.of(2033, 3, 31)).toInstant().minus(Duration.ofDays(3)))));
    Map<String, Date> dueDates = timers(ladders.keySet(), TaskEscalationProcess.Elements.TIMER_DUE);
    assertThat(dueDates).hasSize(1);
    // the data the due timer was set from has changed since: re-evaluating the unchanged timer would move it
    runtimeService.setVariable(academicAffairs, TaskEscalationProcess.Variables.DUE_AT.name(), CollegeTime.endOfDay(LocalDate.now().plusDays(3)));
    long deployments = repositoryService.createDeploymentQuery().count();
    long definitions = repositoryService.createProcessDefinitionQuery().count();
    long jobs = managementService.createJobQuery().count();
    int audited = jdbc.queryForObject("SELECT COUNT(*) FROM model_deployment", Integer.class);
    String edited = ladder().replace("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${remindAt}</bpmn:timeDate>",
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P7D</bpmn:timeDuration>");

    Instant asked = Instant.now();
    JsonNode dryRun = upload(PROCESS_OWNER, edited, "dryRun=true&migrate=true", TaskEscalationProcess.RESOURCE).expect(200).json();

    String timerChange = "定时器 Timer_BeforeDue（到期前）：日期 ${remindAt} → 时长 P7D";
    assertThat(dryRun.get("changes").findValuesAsText("text")).containsExactly(timerChange);
    JsonNode preview = dryRun.get("migrationPreview");
    assertThat(preview.get("sourceVersions")).hasSize(1);
    JsonNode source = preview.get("sourceVersions").get(0);
    assertThat(source.get("version").asInt()).isEqualTo(shippedVersion);
    assertThat(source.get("instances").asInt()).isEqualTo((int) units);
    assertThat(source.get("staying")).isEmpty();
    // exactly the changed timers, one per ladder still before its reminder, from the reminder to seven days after the migration
    assertThat(preview.get("timers")).hasSize((int) units - 1).allSatisfy(timer -> {
      assertThat(timer.get("activityId").asText()).isEqualTo(TaskEscalationProcess.Elements.TIMER_BEFORE_DUE);
      assertThat(OffsetDateTime.parse(timer.get("dueBefore").asText()).toInstant())
          .isEqualTo(CollegeTime.endOfDay(LocalDate.of(2033, 3, 31)).toInstant().minus(Duration.ofDays(3)));
      assertThat(OffsetDateTime.parse(timer.get("dueAfter").asText()).toInstant())
          .isBetween(asked.plus(Duration.ofDays(7)).minusSeconds(1), Instant.now().plus(Duration.ofDays(7)));
      assertThat(timer.get("shift").asText()).startsWith("提前 ").contains(" 天");
      assertThat(timer.get("text").asText()).startsWith("实例 " + timer.get("businessKey").asText() + "：定时器 Timer_BeforeDue（到期前） 2033-03-28 23:59 → ");
    });

    // nothing left behind: no deployment, definition, job or audit row, the ladders' timers as they were
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    assertThat(managementService.createJobQuery().count()).isEqualTo(jobs);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_deployment", Integer.class)).isEqualTo(audited);
    assertThat(definitionVersionOf(academicAffairs)).isEqualTo(shippedVersion);
    assertThat(timers(ladders.keySet(), TaskEscalationProcess.Elements.TIMER_BEFORE_DUE)).isEqualTo(reminders);
    assertThat(timers(ladders.keySet(), TaskEscalationProcess.Elements.TIMER_DUE)).isEqualTo(dueDates);
    // and no phantom version in the engine's cache: what it has cached exists
    List<String> stored = repositoryService.createProcessDefinitionQuery().list().stream().map(ProcessDefinition::getId).toList();
    assertThat(engineConfiguration.getDeploymentCache().getProcessDefinitionCache().keySet()).isSubsetOf(stored);
    assertThat(engineConfiguration.getDeploymentCache().getBpmnModelInstanceCache().keySet()).isSubsetOf(stored);

    JsonNode deployed = upload(PROCESS_OWNER, edited, "migrate=true", TaskEscalationProcess.RESOURCE).expect(200).json();

    assertThat(deployed.get("migration").get("migrated").asInt()).isEqualTo((int) units);
    JsonNode observed = deployed.get("migrationPreview");
    assertThat(observed.get("timers").findValuesAsText("processInstanceId")).hasSize((int) units - 1)
        .doesNotContain(academicAffairs).allMatch(ladders::containsKey);
    assertThat(observed.get("timers").findValuesAsText("activityId")).containsOnly(TaskEscalationProcess.Elements.TIMER_BEFORE_DUE);
    assertThat(definitionVersionOf(academicAffairs)).isEqualTo(shippedVersion + 1);
    // the timer nobody changed keeps its due date; the changed one runs from the migration
    assertThat(timers(ladders.keySet(), TaskEscalationProcess.Elements.TIMER_DUE)).isEqualTo(dueDates);
    assertThat(timers(ladders.keySet(), TaskEscalationProcess.Elements.TIMER_BEFORE_DUE)).hasSize((int) units - 1)
        .allSatisfy((execution, due) -> assertThat(due.toInstant())
            .isBetween(asked.plus(Duration.ofDays(7)).minusSeconds(1), Instant.now().plus(Duration.ofDays(7))));

    JsonNode audit = EngineRest.as(http, PROCESS_OWNER).get("/api/models/deployments").expect(200).json().get(0);
    assertThat(audit.get("version").asInt()).isEqualTo(shippedVersion + 1);
    assertThat(audit.get("changes")).hasSize(1);
    assertThat(audit.get("changes").get(0).get("aspect").asText()).isEqualTo("定时器");
    assertThat(audit.get("changes").get(0).get("before").asText()).isEqualTo("日期 ${remindAt}");
    assertThat(audit.get("changes").get(0).get("after").asText()).isEqualTo("时长 P7D");
    assertThat(audit.get("changes").get(0).get("text").asText()).isEqualTo(timerChange);
  }

  /** The due dates of one timer event's jobs in some process instances, by execution. */
  private Map<String, Date> timers(Collection<String> instances, String activityId) {
    List<String> definitions = managementService.createJobDefinitionQuery().activityIdIn(activityId).list().stream()
        .map(JobDefinition::getId).toList();
    return managementService.createJobQuery().timers().list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId()) && definitions.contains(job.getJobDefinitionId()))
        .collect(Collectors.toMap(Job::getExecutionId, Job::getDuedate));
  }

  /** Makes the shipped model the latest version, whatever an earlier test deployed. */
  private void deployShipped() throws Exception {
    upload(PROCESS_OWNER, shipped(), "").expect(200);
  }

  private int latestVersion() {
    return latestVersion(AnnualWorkPlanProcess.KEY);
  }

  private int latestVersion(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion();
  }

  private int definitionVersionOf(ProcessInstance instance) {
    return definitionVersionOf(instance.getId());
  }

  private int definitionVersionOf(String instanceId) {
    String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getProcessDefinitionId();
    return repositoryService.getProcessDefinition(definitionId).getVersion();
  }

  /** 教务处's head enters a key task in 表5 for the year: the unit's plan. */
  private void keyTask(int year) {
    EngineRest.as(http, "wangfang").post("/api/planning/key-tasks?year=" + year, Map.of("title", "上传测试：修订人才培养方案",
        "unit", "教务处", "measures", "按月推进", "deadline", year + "-12-31")).expect(201);
  }

  private void assertRefused(String bpmn, String expectedProblem) {
    JsonNode report = upload(PROCESS_OWNER, bpmn, "").expect(400).json();
    assertThat(report.get("deployed").asBoolean()).isFalse();
    List<String> described = new java.util.ArrayList<>();
    report.get("problems").forEach(problem -> described.add(describe(problem)));
    assertThat(described).anySatisfy(problem -> assertThat(problem).startsWith(expectedProblem));
  }

  private static String describe(JsonNode problem) {
    if (problem.get("elementId").isNull()) {
      return problem.get("message").asText();
    }
    String name = problem.get("elementName").isNull() ? "" : "（" + problem.get("elementName").asText() + "）";
    return "元素 " + problem.get("elementId").asText() + name + "：" + problem.get("message").asText();
  }

  /** No engine message, exception or stack trace reaches the process owner. */
  private static void assertChineseOnly(String body) {
    assertThat(body).doesNotContain("Exception", "ENGINE-", "at org.", "Cannot resolve", "Internal Server Error");
  }

  /** The shipped model, its round started by a timer with this cycle. */
  private static String withStartTimer(String cycle) throws Exception {
    String start = "<bpmn:outgoing>Flow_ToPrepareRound</bpmn:outgoing>\n    </bpmn:startEvent>";
    assertThat(shipped()).contains(start);
    return shipped().replace(start, "<bpmn:outgoing>Flow_ToPrepareRound</bpmn:outgoing>\n"
        + "      <bpmn:timerEventDefinition id=\"TimerDefinition_RoundOpened\"><bpmn:timeCycle>" + cycle + "</bpmn:timeCycle></bpmn:timerEventDefinition>\n"
        + "    </bpmn:startEvent>");
  }

  private static String shipped() throws Exception {
    return new String(ModelResources.bytes(AnnualWorkPlanProcess.MODEL), StandardCharsets.UTF_8);
  }

  /** The escalation ladder as shipped: the model whose timers wait while its task is open. */
  private static String ladder() throws Exception {
    return new String(ModelResources.bytes(TaskEscalationProcess.MODEL), StandardCharsets.UTF_8);
  }

  private EngineRest.Reply upload(String user, String bpmn, String query) {
    return upload(user, bpmn, query, AnnualWorkPlanProcess.RESOURCE);
  }

  private EngineRest.Reply upload(String user, String bpmn, String query, String fileName) {
    return EngineRest.as(http, user).upload("/api/models" + (query.isEmpty() ? "" : "?" + query), fileName,
        bpmn.getBytes(StandardCharsets.UTF_8));
  }
}
