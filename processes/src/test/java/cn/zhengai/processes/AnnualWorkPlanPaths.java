package cn.zhengai.processes;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Elements.*;
import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess.Beans;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The annual work plan model, path by path, with its delegates replaced by recording mocks. Subclasses say which
 * file is under test: the model as shipped, or the model after a trip through Flowable Modeler.
 */
abstract class AnnualWorkPlanPaths {

  private String deploymentId;

  /** The BPMN file to deploy and run. */
  abstract byte[] model() throws Exception;

  /** The subclass's own engine (a static extension per class, so classes never share one). */
  abstract ProcessEngineExtension engineExtension();

  @BeforeEach
  void deployModel() throws Exception {
    deploymentId = engineExtension().getProcessEngine().getRepositoryService().createDeployment()
        .addInputStream(AnnualWorkPlanProcess.RESOURCE, new java.io.ByteArrayInputStream(model()))
        .deploy().getId();
  }

  @AfterEach
  void undeployModel() {
    engineExtension().getProcessEngine().getRepositoryService().deleteDeployment(deploymentId, true);
  }

  private static final String ACADEMIC_AFFAIRS = "jwc";
  private static final String HUMAN_RESOURCES = "rsc";

  private ProcessEngine engine;
  private final List<String> reminded = new ArrayList<>();
  private final List<String> escalated = new ArrayList<>();
  private final Date dueAt = Date.from(Instant.now().plus(Duration.ofDays(30)));
  private final Date reminderAt = Date.from(Instant.now().plus(Duration.ofDays(27)));

  @BeforeEach
  void bindDelegates() {
    engine = engineExtension().getProcessEngine();
    Mocks.register(Beans.PREPARE_ROUND, (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(String.valueOf(execution.getVariable(YEAR)));
      execution.setVariable(PARTICIPATING_UNITS, List.of(ACADEMIC_AFFAIRS, HUMAN_RESOURCES));
      execution.setVariable(SUBMISSION_DUE_AT, dueAt);
      execution.setVariable(SUBMISSION_REMINDER_AT, reminderAt);
    });
    Mocks.register(Beans.OPEN_UNIT_PLAN, (JavaDelegate) execution -> {
      String unit = (String) execution.getVariable(UNIT);
      execution.setVariableLocal(UNIT_NAME, unit.toUpperCase());
      execution.setVariableLocal(UNIT_HEAD_GROUP, "head-" + unit);
      UNIT_LOCAL.forEach(name -> execution.setVariableLocal(name, null));
    });
    Mocks.register(Beans.REMIND_UNIT_HEAD, (JavaDelegate) execution -> reminded.add((String) execution.getVariable(UNIT)));
    Mocks.register(Beans.RECORD_ESCALATION, (JavaDelegate) execution -> escalated.add((String) execution.getVariable(UNIT)));
    Mocks.register(Beans.VALIDATE_WORK_PLAN, (TaskListener) task -> {});
    Mocks.register(Beans.SHOW_UNIT_IN_TASKLIST, (TaskListener) task -> {});
    Mocks.register(CycleDecisions.LIST_CHANGES_SINCE_RETURN, (TaskListener) task -> {});
    Mocks.register(Beans.DEADLINES, new SchoolAnnualCyclePaths.Deadlines());
    Mocks.register(Beans.CHECK_REVIEW_DECISION, (TaskListener) task -> {
      if (DECISION_RETURN.equals(task.getVariable(DECISION))) {
        task.setVariable(REVISION_DUE_AT, Date.from(Instant.now().plus(Duration.ofDays(7))));
      }
    });
  }

  @AfterEach
  void unbindDelegates() {
    Mocks.reset();
  }

  @Test
  void plansSubmittedOnTimeAndApprovedCloseTheRound() {
    ProcessInstance round = startRound(2027);

    assertThat(round.getBusinessKey()).isEqualTo("2027");
    Task submitAcademic = taskOf(round, TASK_SUBMIT_WORK_PLAN, ACADEMIC_AFFAIRS);
    assertThat(candidateGroupsOf(submitAcademic)).containsExactly("head-jwc");
    assertThat(submitAcademic.getDueDate()).isEqualTo(dueAt);
    assertThat(candidateGroupsOf(taskOf(round, TASK_SUBMIT_WORK_PLAN, HUMAN_RESOURCES))).containsExactly("head-rsc");

    submitPlan(round, ACADEMIC_AFFAIRS, "落实专业建设规划");
    submitPlan(round, HUMAN_RESOURCES, "引进双师型教师");
    Task review = taskOf(round, TASK_REVIEW_WORK_PLAN, ACADEMIC_AFFAIRS);
    assertThat(candidateGroupsOf(review)).containsExactly(Groups.PRESIDENTS_OFFICE);
    assertThat(review.getDueDate()).isNotNull();
    // parallel units keep their own plans: HR's plan did not overwrite academic affairs'
    assertThat(engine.getTaskService().getVariable(review.getId(), KEY_TASKS)).isEqualTo("落实专业建设规划");

    review(round, ACADEMIC_AFFAIRS, DECISION_APPROVE, null);
    assertThat(isEnded(round)).isFalse();
    review(round, HUMAN_RESOURCES, DECISION_APPROVE, null);

    assertThat(isEnded(round)).isTrue();
    assertThat(passedThrough(round, END_ROUND_CLOSED)).isTrue();
    assertThat(reminded).isEmpty();
    assertThat(escalated).isEmpty();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(round.getId()).count()).isZero();
  }

  @Test
  void returnedPlanIsRevisedAndResubmitted() {
    ProcessInstance round = startRound(2027);
    submitPlan(round, ACADEMIC_AFFAIRS, "初稿");

    review(round, ACADEMIC_AFFAIRS, DECISION_RETURN, "目标不可测，请补充指标值");

    Task revise = taskOf(round, TASK_REVISE_WORK_PLAN, ACADEMIC_AFFAIRS);
    assertThat(candidateGroupsOf(revise)).containsExactly("head-jwc");
    assertThat(revise.getDueDate()).isNotNull();
    assertThat(engine.getTaskService().getVariable(revise.getId(), RETURN_REASON)).isEqualTo("目标不可测，请补充指标值");
    assertThat(engine.getTaskService().getVariable(revise.getId(), KEY_TASKS)).isEqualTo("初稿");

    engine.getTaskService().complete(revise.getId(), plan("修改稿：专业建设达标率 95%"));
    Task secondReview = taskOf(round, TASK_REVIEW_WORK_PLAN, ACADEMIC_AFFAIRS);
    assertThat(engine.getTaskService().getVariable(secondReview.getId(), KEY_TASKS)).isEqualTo("修改稿：专业建设达标率 95%");
    review(round, ACADEMIC_AFFAIRS, DECISION_APPROVE, null);

    assertThat(passedThrough(round, TASK_REVISE_WORK_PLAN)).isTrue();
    assertThat(openTasksOf(round, ACADEMIC_AFFAIRS)).isEmpty();
    assertThat(isEnded(round)).isFalse();
  }

  @Test
  void unitHeadIsRemindedBeforeTheDueDateAndTheTaskStays() {
    ProcessInstance round = startRound(2027);

    engine.getManagementService().executeJob(timerOf(round, TIMER_PLAN_REMINDER, ACADEMIC_AFFAIRS).getId());

    assertThat(reminded).containsExactly(ACADEMIC_AFFAIRS);
    assertThat(passedThrough(round, END_REMINDED)).isTrue();
    assertThat(taskOf(round, TASK_SUBMIT_WORK_PLAN, ACADEMIC_AFFAIRS)).isNotNull();
    assertThat(escalated).isEmpty();

    submitPlan(round, ACADEMIC_AFFAIRS, "按期提交");
    assertThat(taskOf(round, TASK_REVIEW_WORK_PLAN, ACADEMIC_AFFAIRS)).isNotNull();
  }

  @Test
  void overduePlanEscalatesToTheQaOfficeAndApprovalEndsTheFollowUp() {
    ProcessInstance round = startRound(2027);

    engine.getManagementService().executeJob(timerOf(round, TIMER_PLAN_OVERDUE, ACADEMIC_AFFAIRS).getId());

    assertThat(escalated).containsExactly(ACADEMIC_AFFAIRS);
    Task followUp = taskOf(round, TASK_FOLLOW_UP_OVERDUE_PLAN, ACADEMIC_AFFAIRS);
    assertThat(candidateGroupsOf(followUp)).containsExactly(Groups.QA_OFFICE);
    assertThat(taskOf(round, TASK_SUBMIT_WORK_PLAN, ACADEMIC_AFFAIRS)).isNotNull();

    submitPlan(round, ACADEMIC_AFFAIRS, "逾期后提交");
    review(round, ACADEMIC_AFFAIRS, DECISION_APPROVE, null);

    // the approval terminates the unit's scope, open follow-up included
    assertThat(openTasksOf(round, ACADEMIC_AFFAIRS)).isEmpty();
    assertThat(passedThrough(round, END_PLAN_APPROVED)).isTrue();
    assertThat(taskOf(round, TASK_SUBMIT_WORK_PLAN, HUMAN_RESOURCES)).isNotNull();
  }

  @Test
  void qaOfficeRecordsItsFollowUpOfAnOverduePlan() {
    ProcessInstance round = startRound(2027);
    engine.getManagementService().executeJob(timerOf(round, TIMER_PLAN_OVERDUE, HUMAN_RESOURCES).getId());

    Task followUp = taskOf(round, TASK_FOLLOW_UP_OVERDUE_PLAN, HUMAN_RESOURCES);
    engine.getTaskService().complete(followUp.getId(), Map.of(FOLLOW_UP_NOTE, "已电话督促人事处负责人，承诺三日内提交"));

    assertThat(passedThrough(round, END_FOLLOWED_UP)).isTrue();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(round.getId()).variableName(FOLLOW_UP_NOTE).list())
        .extracting(variable -> variable.getValue())
        .contains("已电话督促人事处负责人，承诺三日内提交");
    assertThat(taskOf(round, TASK_SUBMIT_WORK_PLAN, HUMAN_RESOURCES)).isNotNull();
  }

  private ProcessInstance startRound(int year) {
    return engine.getRuntimeService().startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(YEAR, year));
  }

  private void submitPlan(ProcessInstance round, String unit, String keyTasks) {
    engine.getTaskService().complete(taskOf(round, TASK_SUBMIT_WORK_PLAN, unit).getId(), plan(keyTasks));
  }

  private static Map<String, Object> plan(String keyTasks) {
    Map<String, Object> plan = new HashMap<>();
    plan.put(KEY_TASKS, keyTasks);
    plan.put(MEASURES, "措施");
    plan.put(TARGETS, "目标");
    plan.put(PLAN_DEADLINE, "2027-12-31");
    return plan;
  }

  private void review(ProcessInstance round, String unit, String decision, String reason) {
    Map<String, Object> values = new HashMap<>();
    values.put(DECISION, decision);
    values.put(RETURN_REASON, reason);
    engine.getTaskService().complete(taskOf(round, TASK_REVIEW_WORK_PLAN, unit).getId(), values);
  }

  private List<Task> openTasksOf(ProcessInstance round, String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceId(round.getId()).list().stream()
        .filter(task -> unit.equals(engine.getTaskService().getVariable(task.getId(), UNIT)))
        .toList();
  }

  private Task taskOf(ProcessInstance round, String taskDefinitionKey, String unit) {
    return openTasksOf(round, unit).stream()
        .filter(task -> taskDefinitionKey.equals(task.getTaskDefinitionKey()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + taskDefinitionKey + " for " + unit));
  }

  private Job timerOf(ProcessInstance round, String activityId, String unit) {
    return engine.getManagementService().createJobQuery().processInstanceId(round.getId()).activityId(activityId).list().stream()
        .filter(job -> unit.equals(engine.getRuntimeService().getVariable(job.getExecutionId(), UNIT)))
        .findFirst().orElseThrow(() -> new AssertionError("no timer " + activityId + " for " + unit));
  }

  private List<String> candidateGroupsOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId()).toList();
  }

  private boolean isEnded(ProcessInstance round) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(round.getId()).count() == 0;
  }

  private boolean passedThrough(ProcessInstance round, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(round.getId()).activityId(activityId).count() > 0;
  }
}
