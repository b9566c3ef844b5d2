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
 * of targets and improvement plans, the monthly loop, the accountability case, the hand-over to the next year, and
 * a failing service step that becomes an incident.
 */
abstract class SchoolAnnualCyclePaths extends ModelPathsSupport {


  private static final String ACADEMIC_AFFAIRS = "jwc";
  private static final String PERSONNEL = "rsc";
  private static final int CHECKPOINTS = 2;

  private final List<String> checkpointsRun = new ArrayList<>();
  private final List<Integer> handedOver = new ArrayList<>();
  /** Units whose data shows missed targets or overdue tasks. */
  private Set<String> accountableUnits = Set.of();
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
  void bindBeans() {
    Mocks.register(Beans.PREPARE_CYCLE, (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(String.valueOf(execution.getVariable(YEAR)));
      for (String due : List.of(TARGETS_DUE_AT, STANDARDS_DUE_AT, PLANS_DUE_AT, ORGANISE_DUE_AT, SELF_ASSESSMENT_DUE_AT,
          DIAGNOSIS_DUE_AT, PERFORMANCE_DUE_AT, IMPROVEMENT_DUE_AT)) {
        execution.setVariable(due, inDays(30));
      }
      execution.setVariable(NEXT_CHECKPOINT_AT, inDays(60));
      execution.setVariable(YEAR_END_AT, inDays(300));
    });
    Mocks.register(Beans.DECOMPOSE_TARGETS, (JavaDelegate) execution ->
        execution.setVariable(PLANNING_UNITS, List.of(ACADEMIC_AFFAIRS, PERSONNEL)));
    Mocks.register(Beans.OPEN_UNIT_SCOPE, (JavaDelegate) execution -> {
      String unit = (String) execution.getVariable(UNIT);
      execution.setVariableLocal(UNIT_NAME, unit.toUpperCase());
      execution.setVariableLocal(UNIT_HEAD_GROUP, "head-" + unit);
      UNIT_LOCAL.forEach(name -> execution.setVariableLocal(name, null));
    });
    Mocks.register(Beans.RUN_MONTHLY_CHECKPOINT, (JavaDelegate) execution -> {
      if (checkpointFails) {
        throw new IllegalStateException("月度监测启动失败：数据库不可用");
      }
      checkpointsRun.add("checkpoint " + (checkpointsRun.size() + 1));
      execution.setVariable(NEXT_CHECKPOINT_AT, checkpointsRun.size() < CHECKPOINTS ? inDays(90) : null);
    });
    Mocks.register(Beans.OPEN_YEAR_END_REVIEW, (JavaDelegate) execution ->
        execution.setVariable(REVIEW_UNITS, List.of(ACADEMIC_AFFAIRS, PERSONNEL)));
    Mocks.register(Beans.MEASURE_ATTAINMENT, (JavaDelegate) execution -> {
      String unit = (String) execution.getVariable(UNIT);
      execution.setVariable(ACCOUNTABLE, accountableUnits.contains(unit));
      execution.setVariable(ATTAINMENT_SUMMARY, unit + "：目标 3 项，达成 " + (accountableUnits.contains(unit) ? 2 : 3) + " 项");
    });
    Mocks.register(Beans.HAND_OVER, (JavaDelegate) execution -> handedOver.add((Integer) execution.getVariable(YEAR)));
    for (String listener : List.of(Beans.CHECK_TARGETS_DRAFTED, Beans.CHECK_STANDARDS_LINKED, Beans.CHECK_DEPARTMENT_PLAN,
        Beans.CHECK_KEY_TASKS_ASSIGNED, Beans.RECORD_UNIT_REVIEW, CycleDecisions.CHECK_DECISION, CycleDecisions.SHOW_UNIT,
        CycleDecisions.LIST_CHANGES_SINCE_RETURN, TaskEscalationProcess.Beans.LADDER_LISTENER)) {
      Mocks.register(listener, (TaskListener) task -> {});
    }
    Mocks.register(Beans.DEADLINES, new Deadlines());
  }

  @Test
  void aYearRunsFromTargetsThroughTheMonthlyLoopToTheHandOver() {
    ProcessInstance cycle = startCycle(2027);
    assertThat(cycle.getBusinessKey()).isEqualTo("2027");

    Task draft = task(cycle, TASK_DRAFT_TARGETS, null);
    assertThat(candidateGroupsOf(draft)).containsExactly(Groups.PRESIDENTS_OFFICE);
    assertThat(draft.getDueDate()).isNotNull();
    engine.getTaskService().complete(draft.getId(), Map.of(TARGETS_NOTE, "依据十三五规划分解"));
    Task approve = task(cycle, TASK_APPROVE_TARGETS, null);
    assertThat(candidateGroupsOf(approve)).containsExactly(Groups.LEADING_GROUP);
    assertThat(approve.getDueDate()).isNotNull();
    engine.getTaskService().complete(approve.getId(), approve());
    Task link = task(cycle, TASK_LINK_STANDARDS, null);
    assertThat(candidateGroupsOf(link)).containsExactly(Groups.QA_OFFICE);
    engine.getTaskService().complete(link.getId(), Map.of(STANDARDS_NOTE, "已关联"));

    planAndOrganise(cycle);
    runTheYear(cycle);
    reviewEveryUnit(cycle);
    fire(cycle, TASK_HAND_OVER);

    assertThat(ended(cycle)).isTrue();
    assertThat(passedThrough(cycle, END_CYCLE_CLOSED)).isTrue();
    assertThat(passedThrough(cycle, TASK_DECIDE_ACCOUNTABILITY)).isFalse();
    assertThat(handedOver).containsExactly(2027);
  }

  @Test
  void targetsReturnedByTheLeadingGroupGoBackToTheDrafterWithTheReason() {
    ProcessInstance cycle = startCycle(2027);
    complete(cycle, TASK_DRAFT_TARGETS, null, Map.of(TARGETS_NOTE, "初稿"));
    complete(cycle, TASK_APPROVE_TARGETS, null, Map.of(DECISION, CycleDecisions.RETURN, RETURN_REASON, "就业率目标过低"));

    Task redraft = task(cycle, TASK_DRAFT_TARGETS, null);
    assertThat(engine.getTaskService().getVariable(redraft.getId(), RETURN_REASON)).isEqualTo("就业率目标过低");
    engine.getTaskService().complete(redraft.getId(), Map.of(TARGETS_NOTE, "修改稿"));
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
    Task decide = task(cycle, TASK_DECIDE_ACCOUNTABILITY, PERSONNEL);
    assertThat(candidateGroupsOf(decide)).containsExactly(Groups.LEADING_GROUP);
    assertThat(engine.getTaskService().getVariable(decide.getId(), ATTAINMENT_SUMMARY)).isEqualTo("rsc：目标 3 项，达成 2 项");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(TASK_DECIDE_ACCOUNTABILITY).count())
        .as("the unit that met its targets is not a case").isEqualTo(1);
    engine.getTaskService().complete(decide.getId(), Map.of(ACCOUNTABILITY_DECISION, HOLD_ACCOUNTABLE, ACCOUNTABILITY_MEASURES, "通报批评"));

    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      improve(cycle, unit);
    }
    fire(cycle, TASK_HAND_OVER);
    assertThat(ended(cycle)).isTrue();
    assertThat(handedOver).containsExactly(2027);
  }

  @Test
  void aReturnedImprovementPlanIsRewrittenWithTheReasonBeforeTheCycleCloses() {
    ProcessInstance cycle = toYearEnd(2027);
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      assessAndDiagnose(cycle, unit);
    }
    complete(cycle, TASK_WRITE_IMPROVEMENT_PLAN, ACADEMIC_AFFAIRS, improvementPlan("初稿"));
    complete(cycle, TASK_APPROVE_IMPROVEMENT_PLAN, ACADEMIC_AFFAIRS, Map.of(DECISION, CycleDecisions.RETURN, RETURN_REASON, "措施不可测"));

    Task rewrite = task(cycle, TASK_WRITE_IMPROVEMENT_PLAN, ACADEMIC_AFFAIRS);
    assertThat(engine.getTaskService().getVariable(rewrite.getId(), RETURN_REASON)).isEqualTo("措施不可测");
    // the other unit's scope is untouched by the return
    assertThat(engine.getTaskService().getVariable(task(cycle, TASK_WRITE_IMPROVEMENT_PLAN, PERSONNEL).getId(), RETURN_REASON)).isNull();
    engine.getTaskService().complete(rewrite.getId(), improvementPlan("修改稿"));
    complete(cycle, TASK_APPROVE_IMPROVEMENT_PLAN, ACADEMIC_AFFAIRS, approve());
    assertThat(ended(cycle)).isFalse();
    improve(cycle, PERSONNEL);
    // the hand-over runs on its own, so that a failure there is an incident, not a lost year
    assertThat(waitingAt(cycle)).containsExactly(TASK_HAND_OVER);
    fire(cycle, TASK_HAND_OVER);

    assertThat(ended(cycle)).isTrue();
  }

  @Test
  void parallelUnitsKeepTheirOwnAnswers() {
    ProcessInstance cycle = toYearEnd(2027);
    complete(cycle, TASK_SELF_ASSESS, ACADEMIC_AFFAIRS, Map.of(SELF_ASSESSMENT, "教务处自评", SELF_GRADE, "良好"));
    complete(cycle, TASK_SELF_ASSESS, PERSONNEL, Map.of(SELF_ASSESSMENT, "人事处自评", SELF_GRADE, "合格"));
    // each unit's measurement runs on its own, so a failure there is that unit's incident only
    engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).activityId(TASK_MEASURE_ATTAINMENT).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));

    Task diagnoseAcademic = task(cycle, TASK_DIAGNOSE_UNIT, ACADEMIC_AFFAIRS);
    assertThat(candidateGroupsOf(diagnoseAcademic)).containsExactly(Groups.QA_OFFICE);
    assertThat(engine.getTaskService().getVariable(diagnoseAcademic.getId(), SELF_ASSESSMENT)).isEqualTo("教务处自评");
    assertThat(engine.getTaskService().getVariable(task(cycle, TASK_DIAGNOSE_UNIT, PERSONNEL).getId(), SELF_ASSESSMENT)).isEqualTo("人事处自评");
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
    return engine.getRuntimeService().startProcessInstanceByKey(SchoolAnnualCycleProcess.KEY, Map.of(YEAR, year));
  }

  private void throughTargets(ProcessInstance cycle) {
    complete(cycle, TASK_DRAFT_TARGETS, null, Map.of(TARGETS_NOTE, "草案"));
    complete(cycle, TASK_APPROVE_TARGETS, null, approve());
    complete(cycle, TASK_LINK_STANDARDS, null, Map.of(STANDARDS_NOTE, "已关联"));
  }

  private void planAndOrganise(ProcessInstance cycle) {
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      Task submit = task(cycle, TASK_SUBMIT_DEPARTMENT_PLAN, unit);
      assertThat(candidateGroupsOf(submit)).containsExactly("head-" + unit);
      engine.getTaskService().complete(submit.getId(), Map.of(PLAN_NOTE, unit + " 计划"));
    }
    for (String unit : List.of(ACADEMIC_AFFAIRS, PERSONNEL)) {
      complete(cycle, TASK_ASSIGN_KEY_TASKS, unit, Map.of(ASSIGNMENT_NOTE, "已落实到人"));
    }
    assertThat(waitingAt(cycle)).contains(TIMER_MONTHLY_CHECKPOINT);
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
      improve(cycle, unit);
    }
  }

  private void assessAndDiagnose(ProcessInstance cycle, String unit) {
    complete(cycle, TASK_SELF_ASSESS, unit, Map.of(SELF_ASSESSMENT, "完成主要目标", SELF_GRADE, "良好"));
    fire(cycle, TASK_MEASURE_ATTAINMENT);
    complete(cycle, TASK_DIAGNOSE_UNIT, unit, Map.of(GRADE, "良好", FINDINGS, "实训条件不足"));
    Task performance = task(cycle, TASK_RECORD_PERFORMANCE, unit);
    assertThat(candidateGroupsOf(performance)).containsExactly(Groups.PERSONNEL);
    engine.getTaskService().complete(performance.getId(), Map.of(PERFORMANCE_RESULT, "良好"));
  }

  private void improve(ProcessInstance cycle, String unit) {
    Task write = task(cycle, TASK_WRITE_IMPROVEMENT_PLAN, unit);
    assertThat(candidateGroupsOf(write)).containsExactly("head-" + unit);
    engine.getTaskService().complete(write.getId(), improvementPlan("改进计划"));
    Task approve = task(cycle, TASK_APPROVE_IMPROVEMENT_PLAN, unit);
    assertThat(candidateGroupsOf(approve)).containsExactly(Groups.QA_OFFICE);
    engine.getTaskService().complete(approve.getId(), approve());
  }

  private static Map<String, Object> approve() {
    return Map.of(DECISION, CycleDecisions.APPROVE);
  }

  private static Map<String, Object> improvementPlan(String measures) {
    Map<String, Object> plan = new HashMap<>();
    plan.put(PROBLEMS, "实训条件不足");
    plan.put(CAUSES, "设备老化");
    plan.put(IMPROVEMENT_MEASURES, measures);
    plan.put(NEXT_YEAR_TARGETS, "实训开出率 ≥ 98%");
    return plan;
  }

  private static Date inDays(int days) {
    return Date.from(Instant.now().plus(Duration.ofDays(days)));
  }
}
