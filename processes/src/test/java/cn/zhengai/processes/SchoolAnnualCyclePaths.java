package cn.zhengai.processes;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Elements.*;
import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.processes.SchoolAnnualCycleProcess.Beans;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/**
 * The school's yearly spiral, path by path, with its delegates replaced by recording mocks: approvals and returns
 * of targets and improvement plans, the monthly loop, the figures measured before the self-assessment, no unit
 * reviewing itself, the accountability case, the hand-over to the next year on its date while a late unit goes on,
 * and a failing service step that becomes an incident.
 */
abstract class SchoolAnnualCyclePaths extends ModelPathsSupport {


  private static final String ACADEMIC_AFFAIRS = "jwc";
  private static final String PERSONNEL = "rsc";
  private static final String QA_OFFICE = "zgb";
  private static final int CHECKPOINTS = 2;

  private final List<String> checkpointsRun = new ArrayList<>();
  private final List<Integer> handedOver = new ArrayList<>();
  /** Units whose data shows missed targets or overdue tasks. */
  private Set<String> accountableUnits = Set.of();
  private List<String> reviewUnits = List.of(ACADEMIC_AFFAIRS, PERSONNEL);
  /** Units whose year was measured: their scope opens with the figures, and a returned sign-off skips measuring. */
  private final Set<String> measuredUnits = new HashSet<>();
  private boolean checkpointFails;

  @Override
  ProcessModel model() {
    return SchoolAnnualCycleProcess.MODEL;
  }

  /** The deadlines bean: a reviewing body has a week from the moment its task opens. */
  public static class Deadlines {
    public Date reviewDue() {
      return inDays(7);
    }
  }

  @Override
  List<ProcessModel> calledModels() {
    return List.of(AnnualWorkPlanProcess.MODEL);
  }

  @Override
  void bindBeans() {
    Mocks.register(Beans.PREPARE_CYCLE, (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(String.valueOf(execution.getVariable(YEAR.name())));
      for (String due : List.of(TARGETS_DUE_AT.name(), STANDARDS_DUE_AT.name(), PLANS_DUE_AT.name(), ORGANISE_DUE_AT.name(), SELF_ASSESSMENT_DUE_AT.name(),
          DIAGNOSIS_DUE_AT.name(), PERFORMANCE_DUE_AT.name(), IMPROVEMENT_DUE_AT.name())) {
        execution.setVariable(due, inDays(30));
      }
      execution.setVariable(NEXT_CHECKPOINT_AT.name(), inDays(60));
      execution.setVariable(YEAR_END_AT.name(), inDays(300));
    });
    Mocks.register(Beans.DECOMPOSE_TARGETS, (JavaDelegate) execution ->
        execution.setVariable(PLANNING_UNITS.name(), List.of(ACADEMIC_AFFAIRS, PERSONNEL)));
    Mocks.register(Beans.OPEN_UNIT_SCOPE, (JavaDelegate) execution -> {
      String unit = (String) execution.getVariable(UNIT.name());
      execution.setVariableLocal(UNIT_NAME.name(), unit.toUpperCase());
      execution.setVariableLocal(UNIT_HEAD_GROUP.name(), "head-" + unit);
      UNIT_LOCAL.forEach(name -> execution.setVariableLocal(name, null));
    });
    Mocks.register(Beans.RUN_MONTHLY_CHECKPOINT, (JavaDelegate) execution -> {
      if (checkpointFails) {
        throw new IllegalStateException("月度监测启动失败：数据库不可用");
      }
      checkpointsRun.add("checkpoint " + (checkpointsRun.size() + 1));
      execution.setVariable(NEXT_CHECKPOINT_AT.name(), checkpointsRun.size() < CHECKPOINTS ? inDays(90) : null);
    });
    Mocks.register(Beans.OPEN_YEAR_END_REVIEW, (JavaDelegate) execution -> {
      execution.setVariable(REVIEW_UNITS.name(), reviewUnits);
      execution.setVariable(HAND_OVER_AT.name(), inDays(400));
    });
    // as the app's rule: a unit's usual reviewer is the next body up when it is the unit itself
    Mocks.register(Beans.OPEN_REVIEW_SCOPE, (JavaDelegate) execution -> {
      String unit = (String) execution.getVariable(UNIT.name());
      execution.setVariableLocal(UNIT_NAME.name(), unit.toUpperCase());
      execution.setVariableLocal(UNIT_HEAD_GROUP.name(), "head-" + unit);
      UNIT_LOCAL.forEach(name -> execution.setVariableLocal(name, null));
      execution.setVariableLocal(DIAGNOSIS_GROUP.name(), reviewerOf(unit, Groups.QA_OFFICE));
      execution.setVariableLocal(PERFORMANCE_GROUP.name(), reviewerOf(unit, Groups.PERSONNEL));
      execution.setVariableLocal(IMPROVEMENT_APPROVER_GROUP.name(), reviewerOf(unit, Groups.QA_OFFICE));
      execution.setVariableLocal(MEASURED.name(), measuredUnits.contains(unit));
      if (measuredUnits.contains(unit)) {
        execution.setVariableLocal(ACCOUNTABLE.name(), accountableUnits.contains(unit));
        execution.setVariableLocal(ATTAINMENT_SUMMARY.name(), summaryOf(unit));
      }
    });
    Mocks.register(Beans.MEASURE_ATTAINMENT, (JavaDelegate) execution -> {
      String unit = (String) execution.getVariable(UNIT.name());
      measuredUnits.add(unit);
      execution.setVariable(ACCOUNTABLE.name(), accountableUnits.contains(unit));
      execution.setVariable(ATTAINMENT_SUMMARY.name(), summaryOf(unit));
    });
    Mocks.register(Beans.HAND_OVER, (JavaDelegate) execution -> handedOver.add((Integer) execution.getVariable(YEAR.name())));
    for (String listener : List.of(Beans.CHECK_TARGETS_DRAFTED, Beans.CHECK_STANDARDS_LINKED,
        Beans.CHECK_KEY_TASKS_ASSIGNED, Beans.RECORD_UNIT_REVIEW, Beans.DECISION_CONTENT, CycleDecisions.CHECK_DECISION, CycleDecisions.SHOW_UNIT,
        CycleDecisions.LIST_CHANGES_SINCE_RETURN, TaskEscalationProcess.Beans.LADDER_LISTENER)) {
      Mocks.register(listener, (TaskListener) task -> {});
    }
    Mocks.register(Beans.DEADLINES, new Deadlines());
    bindWorkPlanBeans();
  }

  /** The annual work plan the 计划 step calls, asking the one unit it is called for. */
  private void bindWorkPlanBeans() {
    Mocks.register(AnnualWorkPlanProcess.Beans.PREPARE_ROUND, (JavaDelegate) execution -> {
      String unit = AnnualWorkPlanProcess.Variables.CALLING_UNIT.get(execution);
      execution.setProcessBusinessKey(AnnualWorkPlanProcess.Variables.YEAR.get(execution) + "/" + unit);
      AnnualWorkPlanProcess.Variables.PLAN_IN_ROUND.set(execution, AnnualWorkPlanProcess.Variables.PLAN_IN_ROUND_NONE);
      AnnualWorkPlanProcess.Variables.PARTICIPATING_UNITS.set(execution, List.of(unit));
    });
    Mocks.register(AnnualWorkPlanProcess.Beans.RELEASE_WAITING_CYCLE, (JavaDelegate) execution -> {});
    Mocks.register(AnnualWorkPlanProcess.Beans.OPEN_UNIT_PLAN, (JavaDelegate) execution -> {
      UNIT_HEAD_GROUP.setLocal(execution, "head-" + UNIT.get(execution));
      AnnualWorkPlanProcess.Variables.UNIT_LOCAL.forEach(name -> execution.setVariableLocal(name, null));
    });
    for (String listener : List.of(AnnualWorkPlanProcess.Beans.VALIDATE_WORK_PLAN,
        AnnualWorkPlanProcess.Beans.CHECK_REVIEW_DECISION)) {
      Mocks.register(listener, (TaskListener) task -> {});
    }
  }

  @Test
  void aYearRunsFromTargetsThroughTheMonthlyLoopToTheHandOver() {
    ProcessInstance cycle = startCycle(2027);
    assertThat(cycle.getBusinessKey()).isEqualTo("2027");

    Task draft = task(cycle, TASK_DRAFT_TARGETS, null);
    assertThat(candidateGroupsOf(draft)).containsExactly(Groups.PRESIDENTS_OFFICE);
    assertThat(draft.getDueDate()).isNotNull();
    engine.getTaskService().complete(draft.getId(), Map.of(TARGETS_NOTE.name(), "依据十三五规划分解"));
    Task approve = task(cycle, TASK_APPROVE_TARGETS, null);
    assertThat(candidateGroupsOf(approve)).containsExactly(Groups.LEADING_GROUP);
    assertThat(approve.getDueDate()).isNotNull();
    engine.getTaskService().complete(approve.getId(), approve());
    Task link = task(cycle, TASK_LINK_STANDARDS, null);
    assertThat(candidateGroupsOf(link)).containsExactly(Groups.QA_OFFICE);
    engine.getTaskService().complete(link.getId(), Map.of(STANDARDS_NOTE.name(), "已关联"));

    planAndOrganise(cycle);
    runTheYear(cycle);
    reviewEveryUnit(cycle);
    assertThat(ended(cycle)).as("next year starts on its date, not when the last unit is done").isFalse();
    assertThat(passedThrough(cycle, END_UNIT_REVIEWS_DONE)).isTrue();
    handOver(cycle);

    assertThat(ended(cycle)).isTrue();
    assertThat(passedThrough(cycle, END_CYCLE_CLOSED)).isTrue();
    assertThat(passedThrough(cycle, TASK_DECIDE_ACCOUNTABILITY)).isFalse();
    assertThat(handedOver).containsExactly(2027);
  }

  @Test
  void targetsReturnedByTheLeadingGroupGoBackToTheDrafterWithTheReason() {
    ProcessInstance cycle = startCycle(2027);
    complete(cycle, TASK_DRAFT_TARGETS, null, Map.of(TARGETS_NOTE.name(), "初稿"));
    complete(cycle, TASK_APPROVE_TARGETS, null, Map.of(DECISION.name(), CycleDecisions.RETURN, RETURN_REASON.name(), "就业率目标过低"));

    Task redraft = task(cycle, TASK_DRAFT_TARGETS, null);
    assertThat(engine.getTaskService().getVariable(redraft.getId(), RETURN_REASON.name())).isEqualTo("就业率目标过低");
    engine.getTaskService().complete(redraft.getId(), Map.of(TARGETS_NOTE.name(), "修改稿"));
    complete(cycle, TASK_APPROVE_TARGETS, null, approve());

    assertThat(task(cycle, TASK_LINK_STANDARDS, null)).isNotNull();
  }

  @Test
  void aUnitThatMissedTargetsBecomesAnAccountabilityCaseForTheLeadingGroup() {
    accountableUnits = Set.of(PERSONNEL);
    ProcessInstance cycle = toYearEnd(2027);

    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      assessAndDiagnose(cycle, unit);
    }
    signOffGrades(cycle);
    Task decide = task(cycle, TASK_DECIDE_ACCOUNTABILITY, PERSONNEL);
    assertThat(candidateGroupsOf(decide)).containsExactly(Groups.LEADING_GROUP);
    assertThat(engine.getTaskService().getVariable(decide.getId(), ATTAINMENT_SUMMARY.name())).isEqualTo("rsc：目标 3 项，达成 2 项");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(TASK_DECIDE_ACCOUNTABILITY).count())
        .as("the unit that met its targets is not a case").isEqualTo(1);
    engine.getTaskService().complete(decide.getId(), Map.of(ACCOUNTABILITY_DECISION.name(), HOLD_ACCOUNTABLE, ACCOUNTABILITY_MEASURES.name(), "通报批评"));

    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      improve(cycle, unit);
    }
    handOver(cycle);
    assertThat(ended(cycle)).isTrue();
    assertThat(handedOver).containsExactly(2027);
  }

  @Test
  void nextYearStartsOnItsDateWhileALateUnitsImprovementPlanStaysOpen() {
    ProcessInstance cycle = toYearEnd(2027);
    assessAndDiagnose(cycle, ACADEMIC_AFFAIRS);
    assessAndDiagnose(cycle, PERSONNEL);
    signOffGrades(cycle);
    improve(cycle, ACADEMIC_AFFAIRS);

    handOver(cycle);
    assertThat(handedOver).containsExactly(2027);
    assertThat(ended(cycle)).isFalse();
    assertThat(waitingAt(cycle)).contains(TASK_WRITE_IMPROVEMENT_PLAN).doesNotContain(TIMER_HAND_OVER);
    assertThat(passedThrough(cycle, END_CYCLE_CLOSED)).isTrue();

    improve(cycle, PERSONNEL);
    assertThat(ended(cycle)).isTrue();
    assertThat(passedThrough(cycle, END_UNIT_REVIEWS_DONE)).isTrue();
  }

  @Test
  void theQaOfficeIsDiagnosedAndItsPlanApprovedByTheLeadingGroupAndPersonnelGetsItsResultFromTheLeadingGroup() {
    reviewUnits = List.of(QA_OFFICE, PERSONNEL);
    ProcessInstance cycle = toYearEnd(2027);

    complete(cycle, TASK_SELF_ASSESS, QA_OFFICE, selfAssessment("质管办自评"));
    assertThat(candidateGroupsOf(task(cycle, TASK_DIAGNOSE_UNIT, QA_OFFICE))).containsExactly(Groups.LEADING_GROUP);
    complete(cycle, TASK_DIAGNOSE_UNIT, QA_OFFICE, Map.of(GRADE.name(), "良好", FINDINGS.name(), "督办及时"));
    assertThat(candidateGroupsOf(task(cycle, TASK_RECORD_PERFORMANCE, QA_OFFICE))).containsExactly(Groups.PERSONNEL);
    complete(cycle, TASK_RECORD_PERFORMANCE, QA_OFFICE, Map.of(PERFORMANCE_RESULT.name(), "良好"));

    complete(cycle, TASK_SELF_ASSESS, PERSONNEL, selfAssessment("人事处自评"));
    assertThat(candidateGroupsOf(task(cycle, TASK_DIAGNOSE_UNIT, PERSONNEL))).containsExactly(Groups.QA_OFFICE);
    complete(cycle, TASK_DIAGNOSE_UNIT, PERSONNEL, Map.of(GRADE.name(), "合格", FINDINGS.name(), "引进滞后"));
    assertThat(candidateGroupsOf(task(cycle, TASK_RECORD_PERFORMANCE, PERSONNEL))).containsExactly(Groups.LEADING_GROUP);
    complete(cycle, TASK_RECORD_PERFORMANCE, PERSONNEL, Map.of(PERFORMANCE_RESULT.name(), "合格"));

    signOffGrades(cycle);
    complete(cycle, TASK_WRITE_IMPROVEMENT_PLAN, QA_OFFICE, improvementPlan("改进督办方式"));
    assertThat(candidateGroupsOf(task(cycle, TASK_APPROVE_IMPROVEMENT_PLAN, QA_OFFICE))).containsExactly(Groups.LEADING_GROUP);
  }

  @Test
  void gradesTheLeadingGroupReturnsAreDiagnosedAgainWithoutMeasuringOrSelfAssessingAgain() {
    ProcessInstance cycle = toYearEnd(2027);
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      assessAndDiagnose(cycle, unit);
    }
    Task signOff = task(cycle, TASK_SIGN_OFF_GRADES, null);
    assertThat(candidateGroupsOf(signOff)).containsExactly(Groups.LEADING_GROUP);
    engine.getTaskService().complete(signOff.getId(), Map.of(DECISION.name(), CycleDecisions.RETURN, RETURN_REASON.name(), "教务处等级偏高"));

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).activityId(TASK_MEASURE_ATTAINMENT).count())
        .isZero();
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      assertThat(engine.getTaskService().getVariable(task(cycle, TASK_DIAGNOSE_UNIT, unit).getId(), ATTAINMENT_SUMMARY.name()))
          .isEqualTo(summaryOf(unit));
      complete(cycle, TASK_DIAGNOSE_UNIT, unit, Map.of(GRADE.name(), "合格", FINDINGS.name(), "复核后下调"));
      complete(cycle, TASK_RECORD_PERFORMANCE, unit, Map.of(PERFORMANCE_RESULT.name(), "合格"));
    }
    signOffGrades(cycle);
    assertThat(waitingAt(cycle)).contains(TASK_WRITE_IMPROVEMENT_PLAN, TIMER_HAND_OVER);
  }

  @Test
  void aReturnedImprovementPlanIsRewrittenWithTheReasonBeforeTheCycleCloses() {
    ProcessInstance cycle = toYearEnd(2027);
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      assessAndDiagnose(cycle, unit);
    }
    signOffGrades(cycle);
    complete(cycle, TASK_WRITE_IMPROVEMENT_PLAN, ACADEMIC_AFFAIRS, improvementPlan("初稿"));
    complete(cycle, TASK_APPROVE_IMPROVEMENT_PLAN, ACADEMIC_AFFAIRS, Map.of(DECISION.name(), CycleDecisions.RETURN, RETURN_REASON.name(), "措施不可测"));

    Task rewrite = task(cycle, TASK_WRITE_IMPROVEMENT_PLAN, ACADEMIC_AFFAIRS);
    assertThat(engine.getTaskService().getVariable(rewrite.getId(), RETURN_REASON.name())).isEqualTo("措施不可测");
    // the other unit's scope is untouched by the return
    assertThat(engine.getTaskService().getVariable(task(cycle, TASK_WRITE_IMPROVEMENT_PLAN, PERSONNEL).getId(), RETURN_REASON.name())).isNull();
    engine.getTaskService().complete(rewrite.getId(), improvementPlan("修改稿"));
    complete(cycle, TASK_APPROVE_IMPROVEMENT_PLAN, ACADEMIC_AFFAIRS, approve());
    assertThat(ended(cycle)).isFalse();
    improve(cycle, PERSONNEL);
    assertThat(waitingAt(cycle)).containsExactly(TIMER_HAND_OVER);
    handOver(cycle);

    assertThat(ended(cycle)).isTrue();
  }

  @Test
  void parallelUnitsKeepTheirOwnAnswers() {
    accountableUnits = Set.of(PERSONNEL);
    ProcessInstance cycle = toYearEnd(2027);
    // each unit assesses itself beside its own figures, measured first
    assertThat(engine.getTaskService().getVariable(task(cycle, TASK_SELF_ASSESS, ACADEMIC_AFFAIRS).getId(), ATTAINMENT_SUMMARY.name()))
        .isEqualTo("jwc：目标 3 项，达成 3 项");
    assertThat(engine.getTaskService().getVariable(task(cycle, TASK_SELF_ASSESS, PERSONNEL).getId(), ATTAINMENT_SUMMARY.name()))
        .isEqualTo("rsc：目标 3 项，达成 2 项");
    complete(cycle, TASK_SELF_ASSESS, ACADEMIC_AFFAIRS, selfAssessment("教务处自评"));
    complete(cycle, TASK_SELF_ASSESS, PERSONNEL, selfAssessment("人事处自评"));

    Task diagnoseAcademic = task(cycle, TASK_DIAGNOSE_UNIT, ACADEMIC_AFFAIRS);
    assertThat(candidateGroupsOf(diagnoseAcademic)).containsExactly(Groups.QA_OFFICE);
    assertThat(engine.getTaskService().getVariable(diagnoseAcademic.getId(), SELF_ASSESSMENT.name())).isEqualTo("教务处自评");
    assertThat(engine.getTaskService().getVariable(task(cycle, TASK_DIAGNOSE_UNIT, PERSONNEL).getId(), SELF_ASSESSMENT.name())).isEqualTo("人事处自评");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(TASK_SELF_ASSESS).count())
        .isZero();
  }

  @Test
  void aFailingMonthlyCheckpointBecomesAnIncidentAndTheCycleWaitsForIt() {
    ProcessInstance cycle = startCycle(2027);
    throughTargets(cycle);
    planAndOrganise(cycle);
    checkpointFails = true;

    fire(cycle, TIMER_MONTHLY_CHECKPOINT);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).activityId(TASK_RUN_MONTHLY_CHECKPOINT).singleResult();
    engine.getManagementService().setJobRetries(job.getId(), 1);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("月度监测启动失败");

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(cycle.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(TASK_RUN_MONTHLY_CHECKPOINT);
    assertThat(incident.getIncidentMessage()).contains("月度监测启动失败");
    assertThat(ended(cycle)).isFalse();

    checkpointFails = false;
    engine.getManagementService().setJobRetries(job.getId(), 1);
    engine.getManagementService().executeJob(job.getId());
    assertThat(checkpointsRun).containsExactly("checkpoint 1");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(cycle.getId()).count()).isZero();
  }

  // ---- steps

  private ProcessInstance startCycle(int year) {
    return engine.getRuntimeService().startProcessInstanceByKey(SchoolAnnualCycleProcess.KEY, Map.of(YEAR.name(), year));
  }

  private void throughTargets(ProcessInstance cycle) {
    complete(cycle, TASK_DRAFT_TARGETS, null, Map.of(TARGETS_NOTE.name(), "草案"));
    complete(cycle, TASK_APPROVE_TARGETS, null, approve());
    complete(cycle, TASK_LINK_STANDARDS, null, Map.of(STANDARDS_NOTE.name(), "已关联"));
  }

  private void planAndOrganise(ProcessInstance cycle) {
    Object plansDueAt = engine.getRuntimeService().getVariable(cycle.getId(), PLANS_DUE_AT.name());
    assertThat(waitingAt(cycle)).containsOnly(CALL_DEPARTMENT_WORK_PLAN);
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      // the unit's plan is the annual work plan, called with the cycle's year and due date: one task, reviewed once
      ProcessInstance plan = workPlanOf(cycle, unit);
      assertThat(plan.getBusinessKey()).isEqualTo(cycle.getBusinessKey() + "/" + unit);
      Task submit = task(plan, AnnualWorkPlanProcess.Elements.TASK_SUBMIT_WORK_PLAN, unit);
      assertThat(candidateGroupsOf(submit)).containsExactly("head-" + unit);
      assertThat(submit.getDueDate()).isEqualTo(plansDueAt);
      engine.getTaskService().complete(submit.getId(), Map.of());
      complete(plan, AnnualWorkPlanProcess.Elements.TASK_REVIEW_WORK_PLAN, unit, approve());
      assertThat(ended(plan)).isTrue();
    }
    assertThat(passedThrough(cycle, CALL_DEPARTMENT_WORK_PLAN)).isTrue();
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      complete(cycle, TASK_ASSIGN_KEY_TASKS, unit, Map.of(ASSIGNMENT_NOTE.name(), "已落实到人"));
    }
    assertThat(waitingAt(cycle)).contains(TIMER_MONTHLY_CHECKPOINT);
  }

  private ProcessInstance workPlanOf(ProcessInstance cycle, String unit) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(cycle.getId())
        .processDefinitionKey(AnnualWorkPlanProcess.KEY).list().stream()
        .filter(plan -> unit.equals(engine.getRuntimeService().getVariable(plan.getId(),
            AnnualWorkPlanProcess.Variables.CALLING_UNIT.name())))
        .findFirst().orElseThrow(() -> new AssertionError("no annual work plan for " + unit));
  }

  /** Every monthly checkpoint, then the year end. */
  private void runTheYear(ProcessInstance cycle) {
    for (int checkpoint = 1; checkpoint <= CHECKPOINTS; checkpoint++) {
      fire(cycle, TIMER_MONTHLY_CHECKPOINT);
      fire(cycle, TASK_RUN_MONTHLY_CHECKPOINT);
    }
    assertThat(checkpointsRun).hasSize(CHECKPOINTS);
    assertThat(waitingAt(cycle)).contains(TIMER_YEAR_END);
    fire(cycle, TIMER_YEAR_END);
    // each unit's measurement runs on its own, so a failure there is that unit's incident only
    List<Job> measurements = engine.getManagementService().createJobQuery().processInstanceId(cycle.getId())
        .activityId(TASK_MEASURE_ATTAINMENT).list();
    assertThat(measurements).hasSize(reviewUnits.size());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(TASK_SELF_ASSESS).count())
        .as("no unit assesses itself before its figures are measured").isZero();
    measurements.forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private void handOver(ProcessInstance cycle) {
    // the hand-over runs on its own, so that a failure there is an incident, not a lost year
    fire(cycle, TIMER_HAND_OVER);
    fire(cycle, TASK_HAND_OVER);
  }

  private ProcessInstance toYearEnd(int year) {
    ProcessInstance cycle = startCycle(year);
    throughTargets(cycle);
    planAndOrganise(cycle);
    runTheYear(cycle);
    return cycle;
  }

  private void reviewEveryUnit(ProcessInstance cycle) {
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      assessAndDiagnose(cycle, unit);
    }
    signOffGrades(cycle);
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      improve(cycle, unit);
    }
  }

  /** The leading group signs off every unit's grades once the last unit's performance result is in. */
  private void signOffGrades(ProcessInstance cycle) {
    Task signOff = task(cycle, TASK_SIGN_OFF_GRADES, null);
    assertThat(candidateGroupsOf(signOff)).containsExactly(Groups.LEADING_GROUP);
    engine.getTaskService().complete(signOff.getId(), approve());
  }

  private String summaryOf(String unit) {
    return unit + "：目标 3 项，达成 " + (accountableUnits.contains(unit) ? 2 : 3) + " 项";
  }

  private void assessAndDiagnose(ProcessInstance cycle, String unit) {
    complete(cycle, TASK_SELF_ASSESS, unit, selfAssessment("完成主要目标"));
    complete(cycle, TASK_DIAGNOSE_UNIT, unit, Map.of(GRADE.name(), "良好", FINDINGS.name(), "实训条件不足"));
    Task performance = task(cycle, TASK_RECORD_PERFORMANCE, unit);
    assertThat(candidateGroupsOf(performance)).containsExactly(reviewerOf(unit, Groups.PERSONNEL));
    engine.getTaskService().complete(performance.getId(), Map.of(PERFORMANCE_RESULT.name(), "良好"));
  }

  private void improve(ProcessInstance cycle, String unit) {
    Task write = task(cycle, TASK_WRITE_IMPROVEMENT_PLAN, unit);
    assertThat(candidateGroupsOf(write)).containsExactly("head-" + unit);
    engine.getTaskService().complete(write.getId(), improvementPlan("改进计划"));
    Task approve = task(cycle, TASK_APPROVE_IMPROVEMENT_PLAN, unit);
    assertThat(candidateGroupsOf(approve)).containsExactly(reviewerOf(unit, Groups.QA_OFFICE));
    engine.getTaskService().complete(approve.getId(), approve());
  }

  private static String reviewerOf(String unit, String usualBody) {
    return usualBody.equals(unit) ? Groups.LEADING_GROUP : usualBody;
  }

  private static Map<String, Object> selfAssessment(String text) {
    return Map.of(SELF_ASSESSMENT.name(), text, WORK_RESULTS.name(), "重点任务按期完成", SELF_GRADE.name(), "良好");
  }

  private static Map<String, Object> approve() {
    return Map.of(DECISION.name(), CycleDecisions.APPROVE);
  }

  private static Map<String, Object> improvementPlan(String measures) {
    Map<String, Object> plan = new HashMap<>();
    plan.put(LEARNING_BENCHMARKS.name(), "对标深职院实训开出率");
    plan.put(LEARNING_PEERS.name(), "赴兄弟院校交流");
    plan.put(LEARNING_TRAINING.name(), "参加诊改培训");
    plan.put(INNOVATION.name(), "实训预约改为线上");
    plan.put(PROBLEMS.name(), "实训条件不足");
    plan.put(CAUSES.name(), "设备老化");
    plan.put(IMPROVEMENT_MEASURES.name(), measures);
    plan.put(NEXT_YEAR_TARGETS.name(), "实训开出率 ≥ 98%");
    return plan;
  }

  private static Date inDays(int days) {
    return Date.from(Instant.now().plus(Duration.ofDays(days)));
  }
}
