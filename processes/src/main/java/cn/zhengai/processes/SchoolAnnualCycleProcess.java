package cn.zhengai.processes;

import java.util.List;
import java.util.Map;

/**
 * 学校年度诊改螺旋 (seed 三(二), 五(一), 六): the school level's yearly "8"-shaped spiral, business key the year.
 * Goal (院办 drafts, the leading group approves) → standard (质管办 links every target to its standards) → plan and
 * organise (each responsible unit submits its key tasks and assigns them to people) → implement, with a monthly
 * monitoring checkpoint per unit ({@link MonitoringCheckpointProcess}) → at year end, per unit: self-assessment,
 * the QA office's assessment diagnosis from the data, performance (人事处), accountability where targets were missed or
 * tasks overdue (领导小组), improvement plan approved by the QA office → hand-over: next year's cycle starts from
 * this one's results. Every human task climbs the escalation ladder ({@link TaskEscalationProcess}).
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
    public static final String TASK_SUBMIT_DEPARTMENT_PLAN = "Task_SubmitDepartmentPlan";
    public static final String TASK_ASSIGN_KEY_TASKS = "Task_AssignKeyTasks";
    public static final String END_DEPARTMENT_ORGANISED = "End_DepartmentOrganised";
    public static final String GATEWAY_TO_CHECKPOINT = "Gateway_ToCheckpoint";
    public static final String GATEWAY_CHECKPOINTS_LEFT = "Gateway_CheckpointsLeft";
    public static final String TIMER_MONTHLY_CHECKPOINT = "Timer_MonthlyCheckpoint";
    public static final String TASK_RUN_MONTHLY_CHECKPOINT = "Task_RunMonthlyCheckpoint";
    public static final String TIMER_YEAR_END = "Timer_YearEnd";
    public static final String TASK_OPEN_YEAR_END_REVIEW = "Task_OpenYearEndReview";
    public static final String SUB_PROCESS_UNIT_REVIEW = "SubProcess_UnitReview";
    public static final String START_UNIT_REVIEW = "Start_UnitReview";
    public static final String TASK_OPEN_REVIEW_SCOPE = "Task_OpenReviewScope";
    public static final String TASK_SELF_ASSESS = "Task_SelfAssess";
    public static final String TASK_MEASURE_ATTAINMENT = "Task_MeasureAttainment";
    public static final String TASK_DIAGNOSE_UNIT = "Task_DiagnoseUnit";
    public static final String TASK_RECORD_PERFORMANCE = "Task_RecordPerformance";
    public static final String GATEWAY_ACCOUNTABILITY_CASE = "Gateway_AccountabilityCase";
    public static final String TASK_DECIDE_ACCOUNTABILITY = "Task_DecideAccountability";
    public static final String GATEWAY_AFTER_ACCOUNTABILITY = "Gateway_AfterAccountability";
    public static final String GATEWAY_TO_IMPROVEMENT_PLAN = "Gateway_ToImprovementPlan";
    public static final String TASK_WRITE_IMPROVEMENT_PLAN = "Task_WriteImprovementPlan";
    public static final String TASK_APPROVE_IMPROVEMENT_PLAN = "Task_ApproveImprovementPlan";
    public static final String GATEWAY_IMPROVEMENT_APPROVED = "Gateway_ImprovementApproved";
    public static final String END_UNIT_REVIEWED = "End_UnitReviewed";
    public static final String TASK_HAND_OVER = "Task_HandOverToNextYear";
    public static final String END_CYCLE_CLOSED = "End_CycleClosed";

    private Elements() {}
  }

  /** Process variables, with the type each one holds. */
  public static final class Variables {
    /** Integer: the year; also the business key. Start form. */
    public static final String YEAR = "year";
    /** Integer, optional: the year whose cycle handed over to this one. */
    public static final String PREVIOUS_YEAR = "previousYear";
    /** String, optional: the previous cycle's approved improvements, shown when drafting targets. */
    public static final String PREVIOUS_IMPROVEMENTS = "previousImprovements";

    /** java.util.Date due dates, from the academic calendar. */
    public static final String TARGETS_DUE_AT = "targetsDueAt";
    public static final String STANDARDS_DUE_AT = "standardsDueAt";
    public static final String PLANS_DUE_AT = "plansDueAt";
    public static final String ORGANISE_DUE_AT = "organiseDueAt";
    public static final String YEAR_END_AT = "yearEndAt";
    public static final String SELF_ASSESSMENT_DUE_AT = "selfAssessmentDueAt";
    public static final String DIAGNOSIS_DUE_AT = "diagnosisDueAt";
    public static final String PERFORMANCE_DUE_AT = "performanceDueAt";
    public static final String IMPROVEMENT_DUE_AT = "improvementDueAt";
    /** java.util.Date or null: the next monthly checkpoint; null once the last one has run. */
    public static final String NEXT_CHECKPOINT_AT = "nextCheckpointAt";

    /** String: drafting form. */
    public static final String TARGETS_NOTE = "targetsNote";
    /** String: linking form. */
    public static final String STANDARDS_NOTE = "standardsNote";
    /** List&lt;String&gt;: the units the year's targets are decomposed to. */
    public static final String PLANNING_UNITS = "planningUnits";
    /** List&lt;String&gt;: the units reviewed at year end. */
    public static final String REVIEW_UNITS = "reviewUnits";

    /** String, local to a unit's scope: the unit id (multi-instance element). */
    public static final String UNIT = "unit";
    public static final String UNIT_NAME = "unitName";
    public static final String UNIT_HEAD_GROUP = "unitHeadGroup";
    /** String, local: department plan and assignment forms. */
    public static final String PLAN_NOTE = "planNote";
    public static final String ASSIGNMENT_NOTE = "assignmentNote";
    /** String, local: self-assessment form. */
    public static final String SELF_ASSESSMENT = "selfAssessment";
    public static final String SELF_GRADE = "selfGrade";
    /** String, local: what the data says, set by the attainment measurement. */
    public static final String ATTAINMENT_SUMMARY = "attainmentSummary";
    /** Boolean, local: targets missed or tasks overdue, so an accountability case. */
    public static final String ACCOUNTABLE = "accountable";
    /** String, local: diagnosis form. */
    public static final String GRADE = "grade";
    public static final String FINDINGS = "findings";
    /** String, local: performance form. */
    public static final String PERFORMANCE_RESULT = "performanceResult";
    /** String, local: accountability form, {@link #HOLD_ACCOUNTABLE} or {@link #WAIVE}. */
    public static final String ACCOUNTABILITY_DECISION = "accountabilityDecision";
    public static final String HOLD_ACCOUNTABLE = "hold";
    public static final String WAIVE = "waive";
    public static final String ACCOUNTABILITY_MEASURES = "accountabilityMeasures";
    /** String, local: improvement plan form. */
    public static final String PROBLEMS = "problems";
    public static final String CAUSES = "causes";
    public static final String IMPROVEMENT_MEASURES = "improvementMeasures";
    public static final String NEXT_YEAR_TARGETS = "nextYearTargets";
    public static final String DECISION = CycleDecisions.DECISION;
    public static final String RETURN_REASON = CycleDecisions.RETURN_REASON;

    /** Variables each unit's scope declares locally, so parallel units never overwrite each other. */
    public static final List<String> UNIT_LOCAL = List.of(PLAN_NOTE, ASSIGNMENT_NOTE, SELF_ASSESSMENT, SELF_GRADE,
        ATTAINMENT_SUMMARY, ACCOUNTABLE, GRADE, FINDINGS, PERFORMANCE_RESULT, ACCOUNTABILITY_DECISION,
        ACCOUNTABILITY_MEASURES, PROBLEMS, CAUSES, IMPROVEMENT_MEASURES, NEXT_YEAR_TARGETS, DECISION, RETURN_REASON,
        CycleDecisions.LAST_RETURN_REASON, CycleDecisions.LAST_RETURN_DUE_DATE, CycleDecisions.RETURNED_WORK);

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String START = "cycle-start.form";
    public static final String DRAFT_TARGETS = "cycle-draft-targets.form";
    public static final String DECISION = CycleDecisions.FORM;
    public static final String LINK_STANDARDS = "cycle-link-standards.form";
    public static final String DEPARTMENT_PLAN = "cycle-department-plan.form";
    public static final String ASSIGN_TASKS = "cycle-assign-tasks.form";
    public static final String SELF_ASSESSMENT = "cycle-self-assessment.form";
    public static final String DIAGNOSIS = "cycle-diagnosis.form";
    public static final String PERFORMANCE = "cycle-performance.form";
    public static final String ACCOUNTABILITY = "cycle-accountability.form";
    public static final String IMPROVEMENT_PLAN = "cycle-improvement-plan.form";

    public static final Map<String, List<String>> FIELDS_READ = Map.ofEntries(
        Map.entry(START, List.of(Variables.YEAR)),
        Map.entry(DRAFT_TARGETS, List.of(Variables.TARGETS_NOTE)),
        Map.entry(DECISION, CycleDecisions.FIELDS),
        Map.entry(LINK_STANDARDS, List.of(Variables.STANDARDS_NOTE)),
        Map.entry(DEPARTMENT_PLAN, List.of(Variables.PLAN_NOTE)),
        Map.entry(ASSIGN_TASKS, List.of(Variables.ASSIGNMENT_NOTE)),
        Map.entry(SELF_ASSESSMENT, List.of(Variables.SELF_ASSESSMENT, Variables.SELF_GRADE)),
        Map.entry(DIAGNOSIS, List.of(Variables.GRADE, Variables.FINDINGS)),
        Map.entry(PERFORMANCE, List.of(Variables.PERFORMANCE_RESULT)),
        Map.entry(ACCOUNTABILITY, List.of(Variables.ACCOUNTABILITY_DECISION, Variables.ACCOUNTABILITY_MEASURES)),
        Map.entry(IMPROVEMENT_PLAN, List.of(Variables.PROBLEMS, Variables.CAUSES, Variables.IMPROVEMENT_MEASURES,
            Variables.NEXT_YEAR_TARGETS)));

    private Forms() {}
  }

  /** Delegate, listener and helper beans the model names. */
  public static final class Beans {
    public static final String PREPARE_CYCLE = "prepareCycleDelegate";
    public static final String DECOMPOSE_TARGETS = "decomposeTargetsDelegate";
    public static final String OPEN_UNIT_SCOPE = "openUnitScopeDelegate";
    public static final String RUN_MONTHLY_CHECKPOINT = "runMonthlyCheckpointDelegate";
    public static final String OPEN_YEAR_END_REVIEW = "openYearEndReviewDelegate";
    public static final String MEASURE_ATTAINMENT = "measureAttainmentDelegate";
    public static final String HAND_OVER = "handOverToNextYearDelegate";
    /** Complete listeners that refuse a step whose data is not there yet. */
    public static final String CHECK_TARGETS_DRAFTED = "checkTargetsDraftedListener";
    public static final String CHECK_STANDARDS_LINKED = "checkStandardsLinkedListener";
    public static final String CHECK_DEPARTMENT_PLAN = "checkDepartmentPlanListener";
    public static final String CHECK_KEY_TASKS_ASSIGNED = "checkKeyTasksAssignedListener";
    /** Complete listener that checks and keeps the year-end review's results (unit_review). */
    public static final String RECORD_UNIT_REVIEW = "recordUnitReviewListener";
    /** Due dates a reviewing body gets from the moment its task opens: {@code ${cycleDeadlines.reviewDue()}}. */
    public static final String DEADLINES = "cycleDeadlines";

    private Beans() {}
  }
}
