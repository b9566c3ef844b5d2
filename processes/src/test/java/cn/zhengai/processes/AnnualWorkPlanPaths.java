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
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

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

  /** Each concrete test class's flow-node coverage of the model, checked after all its tests. */
  private static final Map<Class<?>, FlowNodeCoverage> COVERAGE = new ConcurrentHashMap<>();

  @AfterEach
  void undeployModel() {
    COVERAGE.computeIfAbsent(getClass(), type -> new FlowNodeCoverage(AnnualWorkPlanProcess.MODEL))
        .record(engineExtension().getProcessEngine());
    engineExtension().getProcessEngine().getRepositoryService().deleteDeployment(deploymentId, true);
  }

  @AfterAll
  static void coverageIsComplete(TestInfo testClass) {
    COVERAGE.get(testClass.getTestClass().orElseThrow()).assertComplete();
  }

  private static final String ACADEMIC_AFFAIRS = "jwc";
  private static final String HUMAN_RESOURCES = "rsc";

  private ProcessEngine engine;
  /** What the escalation ladder's listener was told: activity and event. */
  private final List<String> ladder = new ArrayList<>();
  private final Date dueAt = Date.from(Instant.now().plus(Duration.ofDays(30)));
  /** Where a cycle's call finds its unit in the year's round, as the prepare delegate tells the model. */
  private String planInRound = PLAN_IN_ROUND_NONE;
  /** The units whose approved plan was handed to a cycle's call that might wait for it. */
  private final List<String> released = new ArrayList<>();

  @BeforeEach
  void bindDelegates() {
    engine = engineExtension().getProcessEngine();
    Mocks.register(Beans.PREPARE_ROUND, (JavaDelegate) execution -> {
      String callingUnit = CALLING_UNIT.find(execution).orElse(null);
      if (callingUnit != null) {
        execution.setProcessBusinessKey(AnnualWorkPlanProcess.unitPlanKey(YEAR.get(execution), callingUnit));
        PLAN_IN_ROUND.set(execution, planInRound);
        PARTICIPATING_UNITS.set(execution, planInRound.equals(PLAN_IN_ROUND_NONE) ? List.of(callingUnit) : List.of());
        return;
      }
      execution.setProcessBusinessKey(String.valueOf(YEAR.get(execution)));
      PLAN_IN_ROUND.set(execution, PLAN_IN_ROUND_NONE);
      PARTICIPATING_UNITS.set(execution, List.of(ACADEMIC_AFFAIRS, HUMAN_RESOURCES));
      SUBMISSION_DUE_AT.set(execution, dueAt);
    });
    Mocks.register(Beans.RELEASE_WAITING_CYCLE, (JavaDelegate) execution -> released.add(UNIT.get(execution)));
    Mocks.register(Beans.OPEN_UNIT_PLAN, (JavaDelegate) execution -> {
      String unit = UNIT.get(execution);
      UNIT_NAME.setLocal(execution, unit.toUpperCase());
      UNIT_HEAD_GROUP.setLocal(execution, "head-" + unit);
      UNIT_LOCAL.forEach(name -> execution.setVariableLocal(name, null));
    });
    Mocks.register(TaskEscalationProcess.Beans.LADDER_LISTENER, (TaskListener) task ->
        ladder.add(task.getTaskDefinitionKey() + " " + task.getEventName()));
    // the unit's key tasks in 表5, as the submission keeps them for the review
    Mocks.register(Beans.VALIDATE_WORK_PLAN, (TaskListener) task ->
        KEY_TASKS.set(task, UNIT.get(task) + "：" + PLAN_NOTE.get(task)));
    Mocks.register(Beans.SHOW_UNIT_IN_TASKLIST, (TaskListener) task -> {});
    Mocks.register(CycleDecisions.LIST_CHANGES_SINCE_RETURN, (TaskListener) task -> {});
    Mocks.register(Beans.DEADLINES, new SchoolAnnualCyclePaths.Deadlines());
    Mocks.register(Beans.CHECK_REVIEW_DECISION, (TaskListener) task -> {
      if (DECISION_RETURN.equals(DECISION.get(task))) {
        REVISION_DUE_AT.set(task, Date.from(Instant.now().plus(Duration.ofDays(7))));
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
    assertThat(engine.getTaskService().getVariable(review.getId(), KEY_TASKS.name())).isEqualTo("jwc：落实专业建设规划");

    review(round, ACADEMIC_AFFAIRS, DECISION_APPROVE, null);
    assertThat(isEnded(round)).isFalse();
    review(round, HUMAN_RESOURCES, DECISION_APPROVE, null);

    assertThat(isEnded(round)).isTrue();
    assertThat(passedThrough(round, END_ROUND_CLOSED)).isTrue();
    // each approved plan is handed on to a cycle's call that may be waiting for it
    assertThat(released).containsExactly(ACADEMIC_AFFAIRS, HUMAN_RESOURCES);
    // every task climbs the one escalation ladder; the model has no reminder or overdue path of its own
    assertThat(ladder).containsExactly(
        TASK_SUBMIT_WORK_PLAN + " create", TASK_SUBMIT_WORK_PLAN + " create",
        TASK_SUBMIT_WORK_PLAN + " complete", TASK_REVIEW_WORK_PLAN + " create",
        TASK_SUBMIT_WORK_PLAN + " complete", TASK_REVIEW_WORK_PLAN + " create",
        TASK_REVIEW_WORK_PLAN + " complete", TASK_REVIEW_WORK_PLAN + " complete");
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
    assertThat(engine.getTaskService().getVariable(revise.getId(), RETURN_REASON.name())).isEqualTo("目标不可测，请补充指标值");
    assertThat(engine.getTaskService().getVariable(revise.getId(), KEY_TASKS.name())).isEqualTo("jwc：初稿");
    assertThat(ladder).contains(TASK_REVISE_WORK_PLAN + " create");

    engine.getTaskService().complete(revise.getId(), plan("修改稿：专业建设达标率 95%"));
    Task secondReview = taskOf(round, TASK_REVIEW_WORK_PLAN, ACADEMIC_AFFAIRS);
    assertThat(engine.getTaskService().getVariable(secondReview.getId(), KEY_TASKS.name())).isEqualTo("jwc：修改稿：专业建设达标率 95%");
    review(round, ACADEMIC_AFFAIRS, DECISION_APPROVE, null);

    assertThat(passedThrough(round, TASK_REVISE_WORK_PLAN)).isTrue();
    assertThat(openTasksOf(round, ACADEMIC_AFFAIRS)).isEmpty();
    assertThat(isEnded(round)).isFalse();
  }

  @Test
  void theCyclesCallForAUnitAsksItsHeadsForThePlan() {
    ProcessInstance call = startCall(2027, ACADEMIC_AFFAIRS);

    assertThat(call.getBusinessKey()).isEqualTo("2027/jwc");
    submitPlan(call, ACADEMIC_AFFAIRS, "落实专业建设规划");
    review(call, ACADEMIC_AFFAIRS, DECISION_APPROVE, null);
    assertThat(isEnded(call)).isTrue();
    assertThat(passedThrough(call, END_ROUND_CLOSED)).isTrue();
  }

  @Test
  void theCyclesCallForAUnitWhosePlanIsOpenInTheYearsRoundAsksNothingAndEndsWhenThatPlanIsApproved() {
    planInRound = PLAN_IN_ROUND_OPEN;
    ProcessInstance call = startCall(2027, ACADEMIC_AFFAIRS);

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(call.getId()).count()).as("no second plan task").isZero();
    assertThat(isEnded(call)).isFalse();
    engine.getRuntimeService().createMessageCorrelation(AnnualWorkPlanProcess.MESSAGE_PLAN_APPROVED_IN_ROUND)
        .processInstanceBusinessKey("2027/jwc").correlate();

    assertThat(isEnded(call)).isTrue();
    assertThat(passedThrough(call, EVENT_PLAN_APPROVED_IN_ROUND)).isTrue();
    assertThat(passedThrough(call, END_PLAN_TAKEN_FROM_ROUND)).isTrue();
    assertThat(passedThrough(call, SUB_PROCESS_UNIT_PLAN)).isFalse();
  }

  @Test
  void theCyclesCallWaitingForARoundThatNoLongerHoldsThePlanAsksTheUnitTheNextDay() {
    planInRound = PLAN_IN_ROUND_OPEN;
    ProcessInstance call = startCall(2027, ACADEMIC_AFFAIRS);
    // the next day the round still holds the plan: the call waits on
    runDailyCheck(call);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(call.getId()).count()).isZero();
    // 院办's round was cancelled: the day after, the call asks the unit itself
    planInRound = PLAN_IN_ROUND_NONE;
    runDailyCheck(call);

    submitPlan(call, ACADEMIC_AFFAIRS, "落实专业建设规划");
    review(call, ACADEMIC_AFFAIRS, DECISION_APPROVE, null);
    assertThat(isEnded(call)).isTrue();
    assertThat(passedThrough(call, EVENT_ROUND_CHECKED_DAILY)).isTrue();
    assertThat(passedThrough(call, END_ROUND_CLOSED)).isTrue();
    assertThat(passedThrough(call, END_PLAN_TAKEN_FROM_ROUND)).isFalse();
  }

  /** The waiting call's daily timer, fired. */
  private void runDailyCheck(ProcessInstance call) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(call.getId()).timers().singleResult();
    assertThat(timer).as("the call's daily check").isNotNull();
    engine.getManagementService().executeJob(timer.getId());
  }

  @Test
  void theCyclesCallForAUnitWhosePlanTheYearsRoundApprovedEndsAtOnce() {
    planInRound = PLAN_IN_ROUND_APPROVED;
    ProcessInstance call = startCall(2027, HUMAN_RESOURCES);

    assertThat(isEnded(call)).isTrue();
    assertThat(passedThrough(call, END_PLAN_APPROVED_IN_ROUND)).isTrue();
    assertThat(passedThrough(call, SUB_PROCESS_UNIT_PLAN)).isFalse();
    assertThat(ladder).isEmpty();
  }

  /** As the school cycle's 计划 step calls the model for one unit, with its year and due date. */
  private ProcessInstance startCall(int year, String unit) {
    return engine.getRuntimeService().startProcessInstanceByKey(AnnualWorkPlanProcess.KEY,
        Map.of(YEAR.name(), year, CALLING_UNIT.name(), unit, SUBMISSION_DUE_AT.name(), dueAt));
  }

  private ProcessInstance startRound(int year) {
    return engine.getRuntimeService().startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(YEAR.name(), year));
  }

  private void submitPlan(ProcessInstance round, String unit, String keyTasks) {
    engine.getTaskService().complete(taskOf(round, TASK_SUBMIT_WORK_PLAN, unit).getId(), plan(keyTasks));
  }

  private static Map<String, Object> plan(String note) {
    Map<String, Object> plan = new HashMap<>();
    plan.put(PLAN_NOTE.name(), note);
    return plan;
  }

  private void review(ProcessInstance round, String unit, String decision, String reason) {
    Map<String, Object> values = new HashMap<>();
    values.put(DECISION.name(), decision);
    values.put(RETURN_REASON.name(), reason);
    engine.getTaskService().complete(taskOf(round, TASK_REVIEW_WORK_PLAN, unit).getId(), values);
  }

  private List<Task> openTasksOf(ProcessInstance round, String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceId(round.getId()).list().stream()
        .filter(task -> unit.equals(engine.getTaskService().getVariable(task.getId(), UNIT.name())))
        .toList();
  }

  private Task taskOf(ProcessInstance round, String taskDefinitionKey, String unit) {
    return openTasksOf(round, unit).stream()
        .filter(task -> taskDefinitionKey.equals(task.getTaskDefinitionKey()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + taskDefinitionKey + " for " + unit));
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
