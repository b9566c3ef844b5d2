package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The annual work plan round through the application, the way its users drive it: the engine REST API with the
 * users' own accounts, and timers fired by executing their jobs. Run on H2 in the shared app
 * ({@link AnnualWorkPlanOnH2Test}) and on PostgreSQL ({@link cn.zhengai.ScenariosOnPostgresTest}).
 */
public abstract class AnnualWorkPlanScenarios {

  static final String PRESIDENTS_OFFICE_HEAD = "liming";
  static final String ACADEMIC_AFFAIRS_HEAD = "wangfang";
  static final String QA_OFFICE_HEAD = "zhouqiang";
  static final int SUBMITTING_UNITS = 19;

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void closeRounds() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).list()
        .forEach(round -> runtimeService.deleteProcessInstance(round.getId(), "test finished"));
  }

  @Test
  void modelsAndFormsAreDeployedTogetherUnderStableNames() {
    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
        .latestVersion().singleResult();
    assertThat(repositoryService.getDeploymentResources(definition.getDeploymentId()))
        .extracting(resource -> resource.getName())
        .contains(AnnualWorkPlanProcess.RESOURCE, AnnualWorkPlanProcess.Forms.START, AnnualWorkPlanProcess.Forms.SUBMIT,
            AnnualWorkPlanProcess.Forms.REVIEW, AnnualWorkPlanProcess.Forms.FOLLOW_UP);
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
  void aReturnedPlanIsRevisedResubmittedAndApproved() {
    String round = startRound(2027, null).expect(200).json().get("id").asText();
    String submit = onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_SUBMIT_WORK_PLAN);
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + submit + "/submit-form", variables(plan("初稿"))).expect(204);

    String review = taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处");
    String revisionDue = LocalDate.now().plusDays(7).toString();
    as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + review + "/submit-form", variables(Map.of(
        DECISION, DECISION_RETURN, RETURN_REASON, "预期目标不可测，请写明指标值", REVISION_DUE_DATE, revisionDue))).expect(204);

    String revise = onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_REVISE_WORK_PLAN);
    JsonNode formValues = as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + revise + "/form-variables").expect(200).json();
    // the revise form shows the reason and the reviewer's date at its top
    assertThat(formValues.get(LAST_RETURN_REASON).get("value").asText()).isEqualTo("预期目标不可测，请写明指标值");
    assertThat(formValues.get(LAST_RETURN_DUE_DATE).get("value").asText()).isEqualTo(revisionDue);
    assertThat(formValues.get(KEY_TASKS).get("value").asText()).isEqualTo("初稿");
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + revise).json().get("due").asText())
        .startsWith(revisionDue);
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + revise + "/submit-form", variables(plan("修改稿：专业教学标准覆盖率 100%"))).expect(204);

    String secondReview = taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处");
    JsonNode secondReviewForm = as(PRESIDENTS_OFFICE_HEAD).get("/engine-rest/task/" + secondReview + "/form-variables").expect(200).json();
    assertThat(secondReviewForm.path(DECISION).path("value").asText(null)).as("no decision taken yet").isNull();
    assertThat(secondReviewForm.path(RETURN_REASON).path("value").asText(null)).isNull();
    assertThat(secondReviewForm.path(REVISION_DUE_DATE).path("value").asText(null)).isNull();
    assertThat(secondReviewForm.get(LAST_RETURN_REASON).get("value").asText()).isEqualTo("预期目标不可测，请写明指标值");
    assertThat(secondReviewForm.get(KEY_TASKS).get("value").asText()).isEqualTo("修改稿：专业教学标准覆盖率 100%");
    as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + secondReview + "/submit-form",
        variables(Map.of(DECISION, DECISION_APPROVE))).expect(204);

    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/count?processInstanceId=" + round).json().get("count").asInt()).isZero();
    assertThat(as(QA_OFFICE_HEAD).get("/engine-rest/history/variable-instance?processInstanceId=" + round + "&variableName=" + KEY_TASKS)
        .expect(200).json().findValuesAsText("value")).contains("修改稿：专业教学标准覆盖率 100%");
  }

  @Test
  void theReminderReachesTheUnitAndTheOverduePlanEscalatesToTheQaOfficeOnce() {
    String round = startRound(2027, null).expect(200).json().get("id").asText();

    executeTimer(round, Elements.TIMER_PLAN_REMINDER, "jwc");
    String submitTask = onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_SUBMIT_WORK_PLAN);
    // the head sees the reminder on the task itself in Tasklist
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + submitTask + "/comment").expect(200).json()
        .findValuesAsText("message")).singleElement().asString().startsWith("【系统提醒】请于 2027-02-26 前");
    JsonNode notifications = as(ACADEMIC_AFFAIRS_HEAD).get("/api/notifications").expect(200).json();
    assertThat(notifications.findValuesAsText("subject")).contains("2027 年度工作计划即将截止：教务处");
    assertThat(as("chenjie").get("/api/notifications").json().findValuesAsText("subject"))
        .as("人事处 is not told about 教务处's plan").doesNotContain("2027 年度工作计划即将截止：教务处");

    executeTimer(round, Elements.TIMER_PLAN_OVERDUE, "jwc");
    JsonNode escalations = as(QA_OFFICE_HEAD).get("/api/escalations?unit=jwc").expect(200).json();
    assertThat(escalations).hasSize(1);
    assertThat(escalations.get(0).get("escalatedTo").asText()).isEqualTo("zgb");
    assertThat(escalations.get(0).get("businessKey").asText()).isEqualTo("2027");
    assertThat(as(QA_OFFICE_HEAD).get("/api/notifications").json().findValuesAsText("subject"))
        .contains("2027 年度工作计划逾期：教务处");
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + submitTask + "/comment").json().findValuesAsText("message"))
        .hasSize(2).anySatisfy(comment -> assertThat(comment).startsWith("【逾期升级】教务处 未在 2027-02-26 前提交"));
    String followUp = onlyTask(QA_OFFICE_HEAD, round, Elements.TASK_FOLLOW_UP_OVERDUE_PLAN);
    assertThat(followUp).isNotBlank();
    as(ACADEMIC_AFFAIRS_HEAD).get("/api/escalations").expect(403);

    // the department still submits late; approval ends the QA office's follow-up with it
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + submitTask + "/submit-form", variables(plan("逾期提交"))).expect(204);
    String review = taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处");
    as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + review + "/submit-form", variables(Map.of(DECISION, DECISION_APPROVE))).expect(204);
    as(QA_OFFICE_HEAD).get("/engine-rest/task/" + followUp).expect(404);
    assertThat(as(QA_OFFICE_HEAD).get("/api/escalations?unit=jwc").json()).hasSize(1);
  }

  @Test
  void aPlanWithMissingOrWrongValuesIsRefusedAndNothingIsSaved() {
    String round = startRound(2027, null).expect(200).json().get("id").asText();
    String submit = onlyTask(ACADEMIC_AFFAIRS_HEAD, round, Elements.TASK_SUBMIT_WORK_PLAN);
    Map<String, Object> incomplete = new HashMap<>(plan("只有重点任务"));
    incomplete.remove(MEASURES);
    incomplete.put(PLAN_DEADLINE, "2027-13-45");

    JsonNode refusal = as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + submit + "/submit-form", variables(incomplete))
        .expect(400).json();
    assertThat(refusal.get("message").asText()).isEqualTo("表单填写有误：请填写主要措施；完成期限 \"2027-13-45\" 不是有效日期（应为 yyyy-MM-dd）");
    as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + submit).expect(200);
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + submit + "/form-variables").json()
        .get(KEY_TASKS).get("value").isNull()).isTrue();

    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + submit + "/submit-form", variables(plan("完整计划"))).expect(204);
    String review = taskOfUnit(PRESIDENTS_OFFICE_HEAD, round, Elements.TASK_REVIEW_WORK_PLAN, "教务处");
    JsonNode returnWithoutReason = as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + review + "/submit-form",
        variables(Map.of(DECISION, DECISION_RETURN))).expect(400).json();
    assertThat(returnWithoutReason.get("message").asText()).isEqualTo("表单填写有误：请填写退回理由；请填写修改截止日期");
    as(PRESIDENTS_OFFICE_HEAD).get("/engine-rest/task/" + review).expect(200);
  }

  @Test
  void aRoundWithABadYearAPastDueDateOrAlreadyRunningIsRefused() {
    assertThat(startRound("二〇二七", null).expect(400).json().get("message").asText())
        .isEqualTo("表单填写有误：计划年度 \"二〇二七\" 无效，应为 2000 至 2100 之间的年份");
    assertThat(startRound(2026, "2026-01-31").expect(400).json().get("message").asText())
        .contains("提交截止日期 2026-01-31 已过");
    assertThat(startRound(2031, null).expect(400).json().get("message").asText())
        .contains("校历中没有 2031 年的“各部门年度工作计划提交截止”");
    startRound(2027, null).expect(200);
    assertThat(startRound(2027, null).expect(400).json().get("message").asText())
        .contains("2027 年度工作计划征集已在进行中，不能重复发起");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).count()).isEqualTo(1);
  }

  @Test
  void onlyThePresidentsOfficeOpensARound() {
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/process-definition/key/" + AnnualWorkPlanProcess.KEY + "/start",
        variables(Map.of(YEAR, 2027))).expect(403);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).count()).isZero();
  }

  /** Engine REST dates look like 2027-02-26T23:59:59.000+0800. */
  static Instant instant(String engineRestDate) {
    return OffsetDateTime.parse(engineRestDate, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
  }

  EngineRest.Reply startRound(Object year, String dueDate) {
    Map<String, Object> values = new HashMap<>();
    values.put(YEAR, year);
    if (dueDate != null) {
      values.put(SUBMISSION_DUE_DATE, dueDate);
    }
    return as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/process-definition/key/" + AnnualWorkPlanProcess.KEY + "/submit-form",
        variables(values));
  }

  static Map<String, Object> plan(String keyTasks) {
    return Map.of(KEY_TASKS, keyTasks, MEASURES, "对标专业教学标准逐项整改", TARGETS, "专业教学标准覆盖率 100%", PLAN_DEADLINE, "2027-12-31");
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
        .filter(id -> unitName.equals(as(user).get("/engine-rest/task/" + id + "/variables/" + UNIT_NAME).json().get("value").asText()))
        .toList();
    assertThat(ofUnit).as(taskDefinitionKey + " of " + unitName).hasSize(1);
    return ofUnit.get(0);
  }

  void executeTimer(String round, String timerId, String unit) {
    Job timer = managementService.createJobQuery().processInstanceId(round).activityId(timerId).list().stream()
        .filter(job -> unit.equals(runtimeService.getVariable(job.getExecutionId(), UNIT)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + timerId + " for " + unit));
    managementService.executeJob(timer.getId());
  }
}
