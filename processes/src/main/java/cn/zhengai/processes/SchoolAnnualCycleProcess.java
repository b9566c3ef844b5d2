package cn.zhengai.processes;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 学校年度诊改螺旋 (seed 三(二), 五(一), 六): the school level's yearly "8"-shaped spiral, business key the year.
 * Goal (院办 drafts, the leading group approves) → standard (质管办 links every target to its standards) → plan and
 * organise (each responsible unit submits its key tasks and assigns them to people) → implement, with a monthly
 * monitoring checkpoint per unit ({@link MonitoringCheckpointProcess}) → at year end, per unit: the data measured,
 * then the self-assessment beside the figures, the assessment diagnosis and performance; the leading group signs off
 * every unit's grades (a return sends the diagnoses back); then per unit accountability where targets were missed or
 * tasks overdue (领导小组) and the improvement plan with 学习 and 创新 → hand-over on its calendar date: next
 * year's cycle starts from this one's results while a late unit's review goes on. A unit is never reviewed by
 * itself: its reviewing bodies come, per unit, from local candidate-group variables. Every human task climbs the
 * escalation ladder ({@link TaskEscalationProcess}).
 */
public final class SchoolAnnualCycleProcess {

  public static final String KEY = "school-annual-cycle";
  public static final String RESOURCE = "school-annual-cycle.bpmn";
  public static final ProcessModel MODEL = new ProcessModel(KEY, RESOURCE, Forms.FIELDS_READ);

  private SchoolAnnualCycleProcess() {}

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START_CYCLE_OPENED = "Start_CycleOpened";
    public static final String TASK_PREPARE_CYCLE = "Task_PrepareCycle";
    public static final String GATEWAY_TO_DRAFT_TARGETS = "Gateway_ToDraftTargets";
    public static final String TASK_DRAFT_TARGETS = "Task_DraftTargets";
    public static final String TASK_APPROVE_TARGETS = "Task_ApproveTargets";
    public static final String GATEWAY_TARGETS_APPROVED = "Gateway_TargetsApproved";
    public static final String TASK_LINK_STANDARDS = "Task_LinkStandards";
    public static final String TASK_DECOMPOSE_TARGETS = "Task_DecomposeTargets";
    public static final String SUB_PROCESS_DEPARTMENT_PLAN = "SubProcess_DepartmentPlan";
    public static final String START_DEPARTMENT_PLAN = "Start_DepartmentPlan";
    public static final String TASK_OPEN_DEPARTMENT_SCOPE = "Task_OpenDepartmentScope";
    /** Calls {@link AnnualWorkPlanProcess} for the unit: its plan is its key tasks in 表5, reviewed by 院办. */
    public static final String CALL_DEPARTMENT_WORK_PLAN = "Call_DepartmentWorkPlan";
    public static final String TASK_ASSIGN_KEY_TASKS = "Task_AssignKeyTasks";
    public static final String END_DEPARTMENT_ORGANISED = "End_DepartmentOrganised";
    public static final String GATEWAY_TO_CHECKPOINT = "Gateway_ToCheckpoint";
    public static final String GATEWAY_CHECKPOINTS_LEFT = "Gateway_CheckpointsLeft";
    public static final String TIMER_MONTHLY_CHECKPOINT = "Timer_MonthlyCheckpoint";
    public static final String TASK_RUN_MONTHLY_CHECKPOINT = "Task_RunMonthlyCheckpoint";
    public static final String TIMER_YEAR_END = "Timer_YearEnd";
    public static final String TASK_OPEN_YEAR_END_REVIEW = "Task_OpenYearEndReview";
    public static final String GATEWAY_YEAR_END_SPLIT = "Gateway_YearEndSplit";
    public static final String GATEWAY_TO_UNIT_REVIEWS = "Gateway_ToUnitReviews";
    public static final String SUB_PROCESS_UNIT_REVIEW = "SubProcess_UnitReview";
    public static final String START_UNIT_REVIEW = "Start_UnitReview";
    public static final String TASK_OPEN_REVIEW_SCOPE = "Task_OpenReviewScope";
    public static final String GATEWAY_MEASURED = "Gateway_Measured";
    public static final String TASK_MEASURE_ATTAINMENT = "Task_MeasureAttainment";
    public static final String TASK_SELF_ASSESS = "Task_SelfAssess";
    public static final String GATEWAY_TO_DIAGNOSIS = "Gateway_ToDiagnosis";
    public static final String TASK_DIAGNOSE_UNIT = "Task_DiagnoseUnit";
    public static final String TASK_RECORD_PERFORMANCE = "Task_RecordPerformance";
    public static final String END_UNIT_DIAGNOSED = "End_UnitDiagnosed";
    public static final String TASK_SIGN_OFF_GRADES = "Task_SignOffGrades";
    public static final String GATEWAY_GRADES_SIGNED_OFF = "Gateway_GradesSignedOff";
    public static final String SUB_PROCESS_UNIT_IMPROVEMENT = "SubProcess_UnitImprovement";
    public static final String START_UNIT_IMPROVEMENT = "Start_UnitImprovement";
    public static final String TASK_OPEN_IMPROVEMENT_SCOPE = "Task_OpenImprovementScope";
    public static final String GATEWAY_ACCOUNTABILITY_CASE = "Gateway_AccountabilityCase";
    public static final String TASK_DECIDE_ACCOUNTABILITY = "Task_DecideAccountability";
    public static final String GATEWAY_AFTER_ACCOUNTABILITY = "Gateway_AfterAccountability";
    public static final String GATEWAY_TO_IMPROVEMENT_PLAN = "Gateway_ToImprovementPlan";
    public static final String TASK_WRITE_IMPROVEMENT_PLAN = "Task_WriteImprovementPlan";
    public static final String TASK_APPROVE_IMPROVEMENT_PLAN = "Task_ApproveImprovementPlan";
    public static final String GATEWAY_IMPROVEMENT_APPROVED = "Gateway_ImprovementApproved";
    public static final String END_UNIT_REVIEWED = "End_UnitReviewed";
    public static final String END_UNIT_REVIEWS_DONE = "End_UnitReviewsDone";
    public static final String TIMER_HAND_OVER = "Timer_HandOver";
    public static final String TASK_HAND_OVER = "Task_HandOverToNextYear";
    public static final String END_CYCLE_CLOSED = "End_CycleClosed";

    private Elements() {}
  }

  /** Process variables, with the type each one holds. */
  public static final class Variables {
    /** Integer: the year; also the business key. Start form. */
    public static final ProcessVariable<Integer> YEAR = SharedVariables.YEAR;
    /** Integer, optional: the year whose cycle handed over to this one. */
    public static final ProcessVariable<Integer> PREVIOUS_YEAR = ProcessVariable.integer("previousYear");
    /** String, optional: the previous cycle's approved improvements, shown when drafting targets. */
    public static final ProcessVariable<String> PREVIOUS_IMPROVEMENTS = ProcessVariable.text("previousImprovements");

    /** java.util.Date due dates, from the academic calendar. */
    public static final ProcessVariable<Date> TARGETS_DUE_AT = ProcessVariable.moment("targetsDueAt");
    public static final ProcessVariable<Date> STANDARDS_DUE_AT = ProcessVariable.moment("standardsDueAt");
    public static final ProcessVariable<Date> PLANS_DUE_AT = ProcessVariable.moment("plansDueAt");
    public static final ProcessVariable<Date> ORGANISE_DUE_AT = ProcessVariable.moment("organiseDueAt");
    public static final ProcessVariable<Date> YEAR_END_AT = ProcessVariable.moment("yearEndAt");
    public static final ProcessVariable<Date> SELF_ASSESSMENT_DUE_AT = ProcessVariable.moment("selfAssessmentDueAt");
    public static final ProcessVariable<Date> DIAGNOSIS_DUE_AT = ProcessVariable.moment("diagnosisDueAt");
    public static final ProcessVariable<Date> PERFORMANCE_DUE_AT = ProcessVariable.moment("performanceDueAt");
    public static final ProcessVariable<Date> IMPROVEMENT_DUE_AT = ProcessVariable.moment("improvementDueAt");
    /** java.util.Date: when next year's cycle starts, whether or not every unit's review has ended. */
    public static final ProcessVariable<Date> HAND_OVER_AT = ProcessVariable.moment("handOverAt");
    /** java.util.Date or null: the next monthly checkpoint; null once the last one has run. */
    public static final ProcessVariable<Date> NEXT_CHECKPOINT_AT = ProcessVariable.moment("nextCheckpointAt");

    /** String: drafting form. */
    public static final ProcessVariable<String> TARGETS_NOTE = ProcessVariable.text("targetsNote");
    /** String: linking form. */
    public static final ProcessVariable<String> STANDARDS_NOTE = ProcessVariable.text("standardsNote");
    /** List&lt;String&gt;: the units the year's targets are decomposed to. */
    public static final ProcessVariable<List<String>> PLANNING_UNITS = ProcessVariable.texts("planningUnits");
    /** List&lt;String&gt;: the units reviewed at year end. */
    public static final ProcessVariable<List<String>> REVIEW_UNITS = ProcessVariable.texts("reviewUnits");

    /** String, local to a unit's scope: the unit id (multi-instance element). */
    public static final ProcessVariable<String> UNIT = SharedVariables.UNIT;
    public static final ProcessVariable<String> UNIT_NAME = SharedVariables.UNIT_NAME;
    public static final ProcessVariable<String> UNIT_HEAD_GROUP = SharedVariables.UNIT_HEAD_GROUP;
    /** String, local: assignment form. */
    public static final ProcessVariable<String> ASSIGNMENT_NOTE = ProcessVariable.text("assignmentNote");
    /** Boolean, local: the unit's year is measured already, so a returned sign-off goes straight to the diagnosis. */
    public static final ProcessVariable<Boolean> MEASURED = ProcessVariable.flag("measured");
    /** String, local to a decision task: what the deciding body approves, e.g. the year's targets with their values. */
    public static final ProcessVariable<String> DECISION_CONTENT = ProcessVariable.text(CycleDecisions.DECISION_CONTENT);
    /** String, local: the groups that review this unit, never the unit itself (see the reviewer rule in the app). */
    public static final ProcessVariable<String> DIAGNOSIS_GROUP = ProcessVariable.text("diagnosisGroup");
    public static final ProcessVariable<String> PERFORMANCE_GROUP = ProcessVariable.text("performanceGroup");
    public static final ProcessVariable<String> IMPROVEMENT_APPROVER_GROUP = ProcessVariable.text("improvementApproverGroup");
    /** String, local: self-assessment form, with 表5's 工作成效. */
    public static final ProcessVariable<String> SELF_ASSESSMENT = ProcessVariable.text("selfAssessment");
    public static final ProcessVariable<String> WORK_RESULTS = ProcessVariable.text("workResults");
    public static final ProcessVariable<String> SELF_GRADE = ProcessVariable.text("selfGrade");
    /** String, local: what the data says, set by the attainment measurement. */
    public static final ProcessVariable<String> ATTAINMENT_SUMMARY = ProcessVariable.text("attainmentSummary");
    /** Boolean, local: targets missed or tasks overdue, so an accountability case. */
    public static final ProcessVariable<Boolean> ACCOUNTABLE = ProcessVariable.flag("accountable");
    /** String, local: diagnosis form. */
    public static final ProcessVariable<String> GRADE = ProcessVariable.text("grade");
    public static final ProcessVariable<String> FINDINGS = ProcessVariable.text("findings");
    /** String, local: performance form. */
    public static final ProcessVariable<String> PERFORMANCE_RESULT = ProcessVariable.text("performanceResult");
    /** String, local: accountability form, {@link #HOLD_ACCOUNTABLE} or {@link #WAIVE}. */
    public static final ProcessVariable<String> ACCOUNTABILITY_DECISION = ProcessVariable.text("accountabilityDecision");
    public static final String HOLD_ACCOUNTABLE = "hold";
    public static final String WAIVE = "waive";
    public static final ProcessVariable<String> ACCOUNTABILITY_MEASURES = ProcessVariable.text("accountabilityMeasures");
    /** String, local: improvement plan form, with 学习 (benchmarks, peers, training) and 创新 (method changes). */
    public static final ProcessVariable<String> LEARNING_BENCHMARKS = ProcessVariable.text("learningBenchmarks");
    public static final ProcessVariable<String> LEARNING_PEERS = ProcessVariable.text("learningPeers");
    public static final ProcessVariable<String> LEARNING_TRAINING = ProcessVariable.text("learningTraining");
    public static final ProcessVariable<String> INNOVATION = ProcessVariable.text("innovation");
    public static final ProcessVariable<String> PROBLEMS = ProcessVariable.text("problems");
    public static final ProcessVariable<String> CAUSES = ProcessVariable.text("causes");
    public static final ProcessVariable<String> IMPROVEMENT_MEASURES = ProcessVariable.text("improvementMeasures");
    public static final ProcessVariable<String> NEXT_YEAR_TARGETS = ProcessVariable.text("nextYearTargets");
    public static final ProcessVariable<String> DECISION = ProcessVariable.text(CycleDecisions.DECISION);
    public static final ProcessVariable<String> RETURN_REASON = ProcessVariable.text(CycleDecisions.RETURN_REASON);

    /** Variables each unit's scope declares locally, so parallel units never overwrite each other. */
    public static final List<String> UNIT_LOCAL = Stream.concat(Stream.<ProcessVariable<?>>of(ASSIGNMENT_NOTE,
        SELF_ASSESSMENT, WORK_RESULTS, SELF_GRADE, ATTAINMENT_SUMMARY, ACCOUNTABLE, GRADE, FINDINGS, PERFORMANCE_RESULT,
        ACCOUNTABILITY_DECISION, ACCOUNTABILITY_MEASURES, LEARNING_BENCHMARKS, LEARNING_PEERS, LEARNING_TRAINING, INNOVATION,
        PROBLEMS, CAUSES, IMPROVEMENT_MEASURES, NEXT_YEAR_TARGETS, DECISION, RETURN_REASON).map(ProcessVariable::name),
        Stream.of(CycleDecisions.LAST_RETURN_REASON, CycleDecisions.LAST_RETURN_DUE_DATE, CycleDecisions.RETURNED_WORK)).toList();

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String START = "cycle-start.form";
    public static final String DRAFT_TARGETS = "cycle-draft-targets.form";
    public static final String DECISION = CycleDecisions.FORM;
    public static final String LINK_STANDARDS = "cycle-link-standards.form";
    public static final String ASSIGN_TASKS = "cycle-assign-tasks.form";
    public static final String SELF_ASSESSMENT = "cycle-self-assessment.form";
    public static final String DIAGNOSIS = "cycle-diagnosis.form";
    public static final String PERFORMANCE = "cycle-performance.form";
    public static final String ACCOUNTABILITY = "cycle-accountability.form";
    public static final String IMPROVEMENT_PLAN = "cycle-improvement-plan.form";

    public static final Map<String, List<String>> FIELDS_READ = Map.ofEntries(
        Map.entry(START, List.of(Variables.YEAR.name())),
        Map.entry(DRAFT_TARGETS, List.of(Variables.TARGETS_NOTE.name())),
        Map.entry(DECISION, CycleDecisions.FIELDS),
        Map.entry(LINK_STANDARDS, List.of(Variables.STANDARDS_NOTE.name())),
        Map.entry(ASSIGN_TASKS, List.of(Variables.ASSIGNMENT_NOTE.name())),
        Map.entry(SELF_ASSESSMENT, List.of(Variables.SELF_ASSESSMENT.name(), Variables.WORK_RESULTS.name(),
            Variables.SELF_GRADE.name())),
        Map.entry(DIAGNOSIS, List.of(Variables.GRADE.name(), Variables.FINDINGS.name())),
        Map.entry(PERFORMANCE, List.of(Variables.PERFORMANCE_RESULT.name())),
        Map.entry(ACCOUNTABILITY, List.of(Variables.ACCOUNTABILITY_DECISION.name(),
            Variables.ACCOUNTABILITY_MEASURES.name())),
        Map.entry(IMPROVEMENT_PLAN, List.of(Variables.LEARNING_BENCHMARKS.name(), Variables.LEARNING_PEERS.name(),
            Variables.LEARNING_TRAINING.name(), Variables.INNOVATION.name(), Variables.PROBLEMS.name(), Variables.CAUSES.name(),
            Variables.IMPROVEMENT_MEASURES.name(), Variables.NEXT_YEAR_TARGETS.name())));

    private Forms() {}
  }

  /** Delegate, listener and helper beans the model names. */
  public static final class Beans {
    public static final String PREPARE_CYCLE = "prepareCycleDelegate";
    public static final String DECOMPOSE_TARGETS = "decomposeTargetsDelegate";
    public static final String OPEN_UNIT_SCOPE = "openUnitScopeDelegate";
    public static final String RUN_MONTHLY_CHECKPOINT = "runMonthlyCheckpointDelegate";
    public static final String OPEN_YEAR_END_REVIEW = "openYearEndReviewDelegate";
    /** Opens a unit's year-end scope: its heads and the bodies that review it (never itself). */
    public static final String OPEN_REVIEW_SCOPE = "openReviewScopeDelegate";
    public static final String MEASURE_ATTAINMENT = "measureAttainmentDelegate";
    public static final String HAND_OVER = "handOverToNextYearDelegate";
    /** Complete listeners that refuse a step whose data is not there yet. */
    public static final String CHECK_TARGETS_DRAFTED = "checkTargetsDraftedListener";
    public static final String CHECK_STANDARDS_LINKED = "checkStandardsLinkedListener";
    public static final String CHECK_KEY_TASKS_ASSIGNED = "checkKeyTasksAssignedListener";
    /** Create listener that shows a decision task what it decides on (the targets, the year's grades). */
    public static final String DECISION_CONTENT = "decisionContentListener";
    /** Complete listener that checks and keeps the year-end review's results in the review store. */
    public static final String RECORD_UNIT_REVIEW = "recordUnitReviewListener";
    /** Due dates a reviewing body gets from the moment its task opens: {@code ${cycleDeadlines.reviewDue()}}. */
    public static final String DEADLINES = "cycleDeadlines";

    private Beans() {}
  }
}
