package cn.zhengai.processes;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * 年度工作计划 (seed 表4/表8: "各部门年度工作计划 — 各部门 — 每年初").
 *
 * <p>A unit's plan for the year is its key tasks in 表5 (年度重点工作任务分解): the unit's heads enter them in the
 * chains' tables and submit them by the due date; 院办 approves each plan or returns it for revision with a reason.
 * The school's yearly cycle ({@link SchoolAnnualCycleProcess}) calls this model for each unit in its 计划 step; a
 * college that does not run the cycle yet has 院办 open a round for every unit that submits a plan. A unit plans once a
 * year: when the cycle calls for a unit whose plan is already in a round 院办 opened for the year, the call asks for
 * nothing more and ends once that plan is approved (at once if it was). Every task
 * climbs the escalation ladder ({@link TaskEscalationProcess}), which reminds before the due date and escalates after
 * it.
 */
public final class AnnualWorkPlanProcess {

  public static final String KEY = "annual-work-plan";
  public static final String RESOURCE = "annual-work-plan.bpmn";
  public static final ProcessModel MODEL = new ProcessModel(KEY, RESOURCE, Forms.FIELDS_READ);

  private AnnualWorkPlanProcess() {}

  /** The message a cycle's call for one unit waits for, correlated by the call's business key ({@link #unitPlanKey}). */
  public static final String MESSAGE_PLAN_APPROVED_IN_ROUND = "zhengai.planApprovedInRound";

  /** {@code 2027/jwc}: a cycle's call for one unit's plan. A round 院办 opens has the year alone. */
  public static String unitPlanKey(int year, String unit) {
    return year + "/" + unit;
  }

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START_ROUND_OPENED = "Start_PlanRoundOpened";
    public static final String GATEWAY_TO_PREPARE_ROUND = "Gateway_ToPrepareRound";
    public static final String TASK_PREPARE_ROUND = "Task_PrepareRound";
    public static final String GATEWAY_PLAN_IN_YEARS_ROUND = "Gateway_PlanInYearsRound";
    public static final String GATEWAY_WAIT_FOR_ROUND = "Gateway_WaitForRound";
    public static final String EVENT_ROUND_CHECKED_DAILY = "Event_RoundCheckedDaily";
    public static final String EVENT_PLAN_APPROVED_IN_ROUND = "Event_PlanApprovedInRound";
    public static final String END_PLAN_TAKEN_FROM_ROUND = "End_PlanTakenFromRound";
    public static final String END_PLAN_APPROVED_IN_ROUND = "End_PlanApprovedInRound";
    public static final String SUB_PROCESS_UNIT_PLAN = "SubProcess_UnitPlan";
    public static final String START_UNIT_PLAN = "Start_UnitPlanOpened";
    public static final String TASK_OPEN_UNIT_PLAN = "Task_OpenUnitPlan";
    public static final String TASK_SUBMIT_WORK_PLAN = "Task_SubmitWorkPlan";
    public static final String GATEWAY_TO_REVIEW = "Gateway_ToReview";
    public static final String TASK_REVIEW_WORK_PLAN = "Task_ReviewWorkPlan";
    public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
    public static final String TASK_REVISE_WORK_PLAN = "Task_ReviseWorkPlan";
    public static final String TASK_RELEASE_WAITING_CYCLE = "Task_ReleaseWaitingCycle";
    public static final String END_PLAN_APPROVED = "End_PlanApproved";
    public static final String END_ROUND_CLOSED = "End_RoundClosed";

    private Elements() {}
  }

  /** Process variables, with the type each one holds. */
  public static final class Variables {
    /** The plan year. Start form, or given by the cycle that calls the model. */
    public static final ProcessVariable<Integer> YEAR = SharedVariables.YEAR;
    /**
     * Given only by a calling cycle: the one unit whose plan this instance asks for. Without it the instance is a round
     * over every unit that submits a plan, with the year as its business key.
     */
    public static final ProcessVariable<String> CALLING_UNIT = ProcessVariable.text("callingUnit");
    /** yyyy-MM-dd (or a date), optional: overrides the academic calendar's due date. Start form. */
    public static final ProcessVariable<String> SUBMISSION_DUE_DATE = ProcessVariable.text("submissionDueDate");
    /** The ids of the units that must submit a plan. */
    public static final ProcessVariable<List<String>> PARTICIPATING_UNITS = ProcessVariable.texts("participatingUnits");
    /**
     * Where a calling cycle's unit stands in a round 院办 opened for the year: {@link #PLAN_IN_ROUND_NONE} (not in one:
     * the call asks for the plan itself; also every round's own value), {@link #PLAN_IN_ROUND_OPEN} (the call waits for
     * that plan's approval) or {@link #PLAN_IN_ROUND_APPROVED} (the call ends at once).
     */
    public static final ProcessVariable<String> PLAN_IN_ROUND = ProcessVariable.text("planInRound");
    public static final String PLAN_IN_ROUND_NONE = "none";
    public static final String PLAN_IN_ROUND_OPEN = "open";
    public static final String PLAN_IN_ROUND_APPROVED = "approved";
    /** When plans are due; a calling cycle gives its own. */
    public static final ProcessVariable<Date> SUBMISSION_DUE_AT = ProcessVariable.moment("submissionDueAt");

    /** Local to one unit's sub-process: the unit id (multi-instance element). */
    public static final ProcessVariable<String> UNIT = SharedVariables.UNIT;
    /** Local: the unit's Chinese name, shown in task names. */
    public static final ProcessVariable<String> UNIT_NAME = SharedVariables.UNIT_NAME;
    /** Local: the candidate group of the unit's heads. */
    public static final ProcessVariable<String> UNIT_HEAD_GROUP = SharedVariables.UNIT_HEAD_GROUP;

    /** Local: the unit's key tasks in 表5 as submitted, one per line; set when the plan is submitted. */
    public static final ProcessVariable<String> KEY_TASKS = ProcessVariable.text("keyTasks");
    /** Local, optional: submit/revise form, what the unit adds to its 表5 rows. */
    public static final ProcessVariable<String> PLAN_NOTE = ProcessVariable.text("planNote");

    /** Local: review form, {@link #DECISION_APPROVE} or {@link #DECISION_RETURN}. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.text(CycleDecisions.DECISION);
    public static final String DECISION_APPROVE = CycleDecisions.APPROVE;
    public static final String DECISION_RETURN = CycleDecisions.RETURN;
    /** Local: review form, required when the plan is returned. */
    public static final ProcessVariable<String> RETURN_REASON = ProcessVariable.text(CycleDecisions.RETURN_REASON);
    /** yyyy-MM-dd (or a date), local: review form, required when the plan is returned. */
    public static final ProcessVariable<String> REVISION_DUE_DATE = ProcessVariable.text("revisionDueDate");
    /** Local: the revision task's due date, derived from {@link #REVISION_DUE_DATE}. */
    public static final ProcessVariable<Date> REVISION_DUE_AT = ProcessVariable.moment("revisionDueAt");

    /** Local: the reason of the latest return, shown on the revise form and the next review. */
    public static final ProcessVariable<String> LAST_RETURN_REASON = ProcessVariable.text(CycleDecisions.LAST_RETURN_REASON);
    /** yyyy-MM-dd, local: the revision due date of the latest return, shown on the revise form. */
    public static final ProcessVariable<String> LAST_RETURN_DUE_DATE = ProcessVariable.text(CycleDecisions.LAST_RETURN_DUE_DATE);

    /** Variables each unit's sub-process declares locally, so parallel units never overwrite each other. */
    public static final List<String> UNIT_LOCAL = List.of(KEY_TASKS.name(), PLAN_NOTE.name(), DECISION.name(),
        RETURN_REASON.name(), REVISION_DUE_DATE.name(), REVISION_DUE_AT.name(), LAST_RETURN_REASON.name(),
        LAST_RETURN_DUE_DATE.name(), CycleDecisions.RETURNED_WORK);

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String START = "annual-work-plan-start.form";
    public static final String SUBMIT = "annual-work-plan-submit.form";
    public static final String REVIEW = "annual-work-plan-review.form";

    /** The field keys the process reads from each form; a form must offer every one of them. */
    public static final Map<String, List<String>> FIELDS_READ = Map.of(
        START, List.of(Variables.YEAR.name(), Variables.SUBMISSION_DUE_DATE.name()),
        SUBMIT, List.of(Variables.PLAN_NOTE.name()),
        REVIEW, List.of(Variables.DECISION.name(), Variables.RETURN_REASON.name(), Variables.REVISION_DUE_DATE.name()));

    private Forms() {}
  }

  /** Delegate and listener beans the model names, bound by {@code ${beanName}}. */
  public static final class Beans {
    public static final String PREPARE_ROUND = "prepareAnnualPlanRoundDelegate";
    public static final String OPEN_UNIT_PLAN = "openUnitPlanDelegate";
    /** Tells a cycle's call waiting for this unit's plan ({@link #MESSAGE_PLAN_APPROVED_IN_ROUND}) that it was approved. */
    public static final String RELEASE_WAITING_CYCLE = "releaseWaitingCycleDelegate";
    public static final String VALIDATE_WORK_PLAN = "validateWorkPlanListener";
    public static final String CHECK_REVIEW_DECISION = "checkReviewDecisionListener";
    public static final String SHOW_UNIT_IN_TASKLIST = "showUnitInTasklistListener";
    /** The review's due date: {@code reviewDue()}, the same review period as the school's cycle. */
    public static final String DEADLINES = SchoolAnnualCycleProcess.Beans.DEADLINES;

    private Beans() {}
  }
}
