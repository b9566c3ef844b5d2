package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.processes.TaskEscalationProcess;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual work plan round through the application, the way its users drive it: the engine REST API and the
 * chains' API with the users' own accounts, and timers fired by executing their jobs. Run on H2 in the shared app
 * ({@link AnnualWorkPlanOnH2Test}) and on PostgreSQL ({@link cn.zhengai.ScenariosOnPostgresTest}).
 */
public abstract class AnnualWorkPlanScenarios {

  static final String PRESIDENTS_OFFICE_HEAD = "liming";
  static final String ACADEMIC_AFFAIRS_HEAD = "wangfang";
  static final String QA_OFFICE_HEAD = "zhouqiang";
  static final String PERSONNEL_HEAD = "chenjie"; // 人事处
  static final int SUBMITTING_UNITS = 19;

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  @Autowired JdbcTemplate jdbc;

  /** The scenarios read 教务处's 2027 plan as they write it; another class on the shared app may have left key tasks there. */
  @BeforeEach
  void startWithoutKeyTasksOfAcademicAffairs() {
    jdbc.update("DELETE FROM work_task WHERE plan_year = 2027 AND unit_id = 'jwc' AND kind = 'KEY'");
  }

  @AfterEach
  void closeRounds() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).list()
        .forEach(round -> runtimeService.deleteProcessInstance(round.getId(), "test finished"));
    jdbc.update("DELETE FROM work_task WHERE plan_year = 2027 AND title LIKE '计划测试%'");
  }

  @Test
  void modelsAndFormsAreDeployedTogetherUnderStableNames() {
    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
        .latestVersion().singleResult();
    assertThat(repositoryService.getDeploymentResources(definition.getDeploymentId()))
        .extracting(resource -> resource.getName())
        .contains(AnnualWorkPlanProcess.RESOURCE, AnnualWorkPlanProcess.Forms.START, AnnualWorkPlanProcess.Forms.SUBMIT,
            AnnualWorkPlanProcess.Forms.REVIEW);
    assertThat(definition.getName()).isEqualTo("年度工作计划");
    assertThat(definition.getHistoryTimeToLive()).isPositive();
  }

  @Test
  void theRoundGivesEveryUnitHeadATaskDueOnTheCalendarsDate() {
    JsonNode round = startRound(2027, null).expect(200).json();
    assertThat(round.get("businessKey").asText()).isEqualTo("2027");

    JsonNode mine = as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task?processInstanceId=" + round.get("id").asText()).expect(200).json();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("name").asText()).isEqualTo("提交年度工作计划");
    // 2027-02-26 from the academic calendar, end of the day in Beijing time
    assertThat(instant(mine.get(0).get("due").asText())).isEqualTo(Instant.parse("2027-02-26T15:59:59Z"));
    assertThat(as(QA_OFFICE_HEAD).get("/engine-rest/task/count?processInstanceId=" + round.get("id").asText())
        .expect(200).json().get("count").asInt()).isEqualTo(SUBMITTING_UNITS);
  }

  @Test
  void thePlanIsTheUnitsKeyTasksInTable5AndAReturnedPlanIsRevisedThere() {
    String round = startRound(2027, null).expect(200).json().get("id").asText();
    keyTask("计划测试：修订人才培养方案", "对标专业教学标准逐项修订", "2027-06-30");
    String submit = onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_SUBMIT_WORK_PLAN);
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + submit + "/submit-form", variables(Map.of(PLAN_NOTE.name(), "衔接专业建设规划")))
        .expect(204);

    String review = taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处");
    JsonNode reviewForm = as(PRESIDENTS_OFFICE_HEAD).get("/engine-rest/task/" + review + "/form-variables").expect(200).json();
    assertThat(reviewForm.get(KEY_TASKS.name()).get("value").asText())
        .isEqualTo("1. 计划测试：修订人才培养方案；措施及目标：对标专业教学标准逐项修订；完成时限：2027-06-30");
    assertThat(reviewForm.get(PLAN_NOTE.name()).get("value").asText()).isEqualTo("衔接专业建设规划");
    String revisionDue = LocalDate.now().plusDays(7).toString();
    as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + review + "/submit-form", variables(Map.of(
        DECISION.name(), DECISION_RETURN, RETURN_REASON.name(), "目标不可测，请补充师资培训任务", REVISION_DUE_DATE.name(), revisionDue))).expect(204);

    String revise = onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_REVISE_WORK_PLAN);
    JsonNode formValues = as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + revise + "/form-variables").expect(200).json();
    // the revise form shows the reason and the reviewer's date at its top
    assertThat(formValues.get(LAST_RETURN_REASON.name()).get("value").asText()).isEqualTo("目标不可测，请补充师资培训任务");
    assertThat(formValues.get(LAST_RETURN_DUE_DATE.name()).get("value").asText()).isEqualTo(revisionDue);
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + revise).json().get("due").asText())
        .startsWith(revisionDue);
    keyTask("计划测试：双师型教师培训", "全年培训 40 人次", "2027-11-30");
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + revise + "/submit-form", variables(Map.of(PLAN_NOTE.name(), "衔接专业建设规划")))
        .expect(204);

    String secondReview = taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处");
    JsonNode secondReviewForm = as(PRESIDENTS_OFFICE_HEAD).get("/engine-rest/task/" + secondReview + "/form-variables").expect(200).json();
    assertThat(secondReviewForm.path(DECISION.name()).path("value").asText(null)).as("no decision taken yet").isNull();
    assertThat(secondReviewForm.path(RETURN_REASON.name()).path("value").asText(null)).isNull();
    assertThat(secondReviewForm.get(LAST_RETURN_REASON.name()).get("value").asText()).isEqualTo("目标不可测，请补充师资培训任务");
    assertThat(secondReviewForm.get(KEY_TASKS.name()).get("value").asText()).endsWith("2. 计划测试：双师型教师培训；措施及目标：全年培训 40 人次；完成时限：2027-11-30");
    assertThat(secondReviewForm.get("changesSinceReturn").get("value").asText()).contains("计划测试：双师型教师培训");
    as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + secondReview + "/submit-form",
        variables(Map.of(DECISION.name(), DECISION_APPROVE))).expect(204);

    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/count?processInstanceId=" + round).json().get("count").asInt()).isZero();
  }

  @Test
  void theLadderRemindsTheUnitAndEscalatesTheOverduePlanToTheQaOfficeOnce() {
    String round = startRound(2027, null).expect(200).json().get("id").asText();
    String submitTask = onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_SUBMIT_WORK_PLAN);
    assertThat(managementService.createJobQuery().processInstanceId(round).count())
        .as("the plan has no reminder or overdue timers of its own").isZero();

    executeLadderTimer(submitTask, TaskEscalationProcess.Elements.TIMER_BEFORE_DUE);
    String reminder = "【催办】「提交年度工作计划」将于 2027-02-26 到期（教务处）";
    // the head sees the reminder on the task itself in Tasklist, and once among the notifications
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + submitTask + "/comment").expect(200).json()
        .findValuesAsText("message")).singleElement().asString().startsWith(reminder);
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/api/notifications").expect(200).json().findValuesAsText("subject"))
        .containsOnlyOnce(reminder);
    assertThat(as("chenjie").get("/api/notifications").json().findValuesAsText("subject"))
        .as("人事处 is not told about 教务处's plan").doesNotContain(reminder);

    executeLadderTimer(submitTask, TaskEscalationProcess.Elements.TIMER_DUE);
    JsonNode escalations = as(QA_OFFICE_HEAD).get("/api/escalations?unit=jwc").expect(200).json();
    assertThat(escalations).extracting(escalation -> escalation.get("stage").asText())
        .containsExactly(TaskEscalationProcess.Stages.REMINDER, TaskEscalationProcess.Stages.QA_OFFICE);
    assertThat(escalations.get(1).get("escalatedTo").asText()).isEqualTo("zgb");
    assertThat(escalations.get(1).get("activityId").asText()).isEqualTo(Elements.TASK_SUBMIT_WORK_PLAN);
    assertThat(escalations.get(1).get("businessKey").asText()).isEqualTo("2027");
    String overdue = "【逾期升级】「提交年度工作计划」已于 2027-02-26 到期，仍未办理（教务处）";
    assertThat(as(QA_OFFICE_HEAD).get("/api/notifications").json().findValuesAsText("subject")).containsOnlyOnce(overdue);
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + submitTask + "/comment").json().findValuesAsText("message"))
        .hasSize(2).anySatisfy(comment -> assertThat(comment).startsWith(overdue));
    as(ACADEMIC_AFFAIRS_HEAD).get("/api/escalations").expect(403);

    // the department still submits late: the task's ladder ends with it, and nothing is escalated again
    keyTask("计划测试：逾期提交的计划", "按月推进", "2027-12-31");
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + submitTask + "/submit-form", variables(Map.of())).expect(204);
    assertThat(ladderOf(submitTask)).isNull();
    String review = taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处");
    as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + review + "/submit-form", variables(Map.of(DECISION.name(), DECISION_APPROVE))).expect(204);
    assertThat(as(QA_OFFICE_HEAD).get("/api/escalations?unit=jwc").json()).hasSize(2);
    assertThat(as(QA_OFFICE_HEAD).get("/api/notifications").json().findValuesAsText("subject")).containsOnlyOnce(overdue);
  }

  @Test
  void aPlanWithoutKeyTasksInTable5OrAReturnWithoutReasonIsRefusedAndNothingIsSaved() {
    String round = startRound(2027, null).expect(200).json().get("id").asText();
    String submit = onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_SUBMIT_WORK_PLAN);

    JsonNode refusal = as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + submit + "/submit-form",
        variables(Map.of(PLAN_NOTE.name(), "先交说明"))).expect(400).json();
    assertThat(refusal.get("message").asText()).isEqualTo("表单填写有误：教务处尚未在“表5 年度重点工作任务分解”中录入 2027 年度的重点任务，"
        + "年度工作计划即这些重点任务（请在本任务的“相关数据”中录入，或在工作台打开：/workbench?table=key-tasks&year=2027&unit=jwc）");
    as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + submit).expect(200);
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + submit + "/form-variables").json()
        .get(PLAN_NOTE.name()).get("value").isNull()).isTrue();

    keyTask("计划测试：完整计划", "按月推进", "2027-12-31");
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + submit + "/submit-form", variables(Map.of())).expect(204);
    String review = taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处");
    JsonNode returnWithoutReason = as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + review + "/submit-form",
        variables(Map.of(DECISION.name(), DECISION_RETURN))).expect(400).json();
    assertThat(returnWithoutReason.get("message").asText()).isEqualTo("表单填写有误：请填写退回理由；请填写修改截止日期");
    as(PRESIDENTS_OFFICE_HEAD).get("/engine-rest/task/" + review).expect(200);
  }

  @Test
  void aRoundWithABadYearAPastDueDateOrAlreadyRunningIsRefused() {
    assertThat(startRound("二〇二七", null).expect(400).json().get("message").asText())
        .isEqualTo("表单填写有误：计划年度 \"二〇二七\" 无效，应为 2000 至 2100 之间的年份");
    assertThat(startRound(2026, "2026-01-31").expect(400).json().get("message").asText())
        .contains("提交截止日期 2026-01-31 已过");
    startRound(2027, null).expect(200);
    assertThat(startRound(2027, null).expect(400).json().get("message").asText())
        .contains("2027 年度工作计划征集已在进行中，不能重复发起");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).count()).isEqualTo(1);
    // no year runs out of calendar: 2031's due date is generated from the rule (the last Friday of February)
    String far = startRound(2031, null).expect(200).json().get("id").asText();
    JsonNode tasks = as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task?processInstanceId=" + far).expect(200).json();
    assertThat(instant(tasks.get(0).get("due").asText())).isEqualTo(Instant.parse("2031-02-28T15:59:59Z"));
  }

  @Test
  void aUnitAskedByTheYearsRoundIsNotAskedAgainWhenTheCycleReachesItsPlanStep() {
    String round = startRound(2027, null).expect(200).json().get("id").asText();
    // the school cycle's 计划 step calls the model for 教务处, as its call activity does
    String call = callForUnit(2027, "jwc");
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task?processDefinitionKey=" + AnnualWorkPlanProcess.KEY).json())
        .as("one plan task for 教务处 this year, the round's").singleElement()
        .satisfies(task -> assertThat(task.get("processInstanceId").asText()).isEqualTo(round));
    assertThat(waitingAt(call)).containsExactly(Elements.GATEWAY_WAIT_FOR_ROUND);

    keyTask("计划测试：一年一次的计划", "按月推进", "2027-12-31");
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_SUBMIT_WORK_PLAN)
        + "/submit-form", variables(Map.of())).expect(204);
    as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处")
        + "/submit-form", variables(Map.of(DECISION.name(), DECISION_APPROVE))).expect(204);
    assertThat(ended(call)).as("the cycle takes the approved plan and goes on").isTrue();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(call)
        .activityId(Elements.END_PLAN_TAKEN_FROM_ROUND).count()).isOne();

    // a call after the approval ends at once
    assertThat(ended(callForUnit(2027, "jwc"))).isTrue();
    // 人事处's plan is still open in the round when an administrator cancels the round in Cockpit (which may skip
    // every listener): the call waiting for that plan asks 人事处 itself at its next daily check
    String waiting = callForUnit(2027, "rsc");
    assertThat(waitingAt(waiting)).containsExactly(Elements.GATEWAY_WAIT_FOR_ROUND);
    runtimeService.deleteProcessInstance(round, "院办撤销征集", true);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(waiting).timers().singleResult().getId());
    assertThat(onlyTask(PERSONNEL_HEAD, waiting, Elements.TASK_SUBMIT_WORK_PLAN)).isNotNull();
    // and a call after the cancellation asks the unit at once
    String afterCancel = callForUnit(2027, "jwc");
    assertThat(onlyTask(ACADEMIC_AFFAIRS_HEAD, afterCancel, Elements.TASK_SUBMIT_WORK_PLAN)).isNotNull();
  }

  /** Starts the model as the school cycle's 计划 step calls it for one unit: its year, the unit and the due date. */
  String callForUnit(int year, String unit) {
    return runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(YEAR.name(), year, CALLING_UNIT.name(), unit,
        SUBMISSION_DUE_AT.name(), Date.from(Instant.now().plus(Duration.ofDays(30))))).getId();
  }

  List<String> waitingAt(String processInstanceId) {
    return runtimeService.getActiveActivityIds(processInstanceId);
  }

  boolean ended(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }

  @Test
  void onlyThePresidentsOfficeOpensARound() {
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/process-definition/key/" + AnnualWorkPlanProcess.KEY + "/start",
        variables(Map.of(YEAR.name(), 2027))).expect(403);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).count()).isZero();
  }

  /** Engine REST dates look like 2027-02-26T23:59:59.000+0800. */
  static Instant instant(String engineRestDate) {
    return OffsetDateTime.parse(engineRestDate, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
  }

  EngineRest.Reply startRound(Object year, String dueDate) {
    Map<String, Object> values = new HashMap<>();
    values.put(YEAR.name(), year);
    if (dueDate != null) {
      values.put(SUBMISSION_DUE_DATE.name(), dueDate);
    }
    return as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/process-definition/key/" + AnnualWorkPlanProcess.KEY + "/submit-form",
        variables(values));
  }

  /** 教务处's head enters a key task of 2027 in 表5, as in the workbench. */
  void keyTask(String title, String measures, String deadline) {
    as(ACADEMIC_AFFAIRS_HEAD).post("/api/planning/key-tasks?year=2027", Map.of("title", title, "unit", "教务处",
        "measures", measures, "deadline", deadline)).expect(201);
  }

  EngineRest as(String user) {
    return EngineRest.as(http, user);
  }

  String onlyTask(String user, String round, String taskDefinitionKey) {
    JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + round + "&taskDefinitionKey=" + taskDefinitionKey)
        .expect(200).json();
    assertThat(tasks).as(user + " sees one " + taskDefinitionKey).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  String taskOfUnit(String user, String round, String taskDefinitionKey, String unitName) {
    JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + round + "&taskDefinitionKey=" + taskDefinitionKey)
        .expect(200).json();
    List<String> ofUnit = StreamSupport.stream(tasks.spliterator(), false).map(task -> task.get("id").asText())
        .filter(id -> unitName.equals(as(user).get("/engine-rest/task/" + id + "/variables/" + UNIT_NAME.name()).json().get("value").asText()))
        .toList();
    assertThat(ofUnit).as(taskDefinitionKey + " of " + unitName).hasSize(1);
    return ofUnit.get(0);
  }

  /** The escalation ladder of a task (its business key is the task's id), or null once the task is done. */
  ProcessInstance ladderOf(String taskId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(TaskEscalationProcess.KEY)
        .processInstanceBusinessKey(taskId).singleResult();
  }

  void executeLadderTimer(String taskId, String timerId) {
    Job timer = managementService.createJobQuery().processInstanceId(ladderOf(taskId).getId()).activityId(timerId).singleResult();
    assertThat(timer).as(timerId + " of task " + taskId).isNotNull();
    managementService.executeJob(timer.getId());
  }
}
