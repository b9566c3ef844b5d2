package cn.zhengai.processes;

import java.util.List;
import java.util.Map;

/**
 * 年度工作计划 (seed 表4/表8: "各部门年度工作计划 — 各部门 — 每年初").
 *
 * <p>院办 opens the round for a year; every functional department and teaching unit head submits the
 * unit's plan by the due date; a reminder goes out before it, an overdue plan escalates to the quality
 * management office; 院办 approves each plan or returns it for revision with a reason.
 */
public final class AnnualWorkPlanProcess {

  public static final String KEY = "annual-work-plan";
  public static final String RESOURCE = "annual-work-plan.bpmn";
  public static final ProcessModel MODEL = new ProcessModel(KEY, RESOURCE, Forms.FIELDS_READ);

  private AnnualWorkPlanProcess() {}

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START_ROUND_OPENED = "Start_PlanRoundOpened";
    public static final String TASK_PREPARE_ROUND = "Task_PrepareRound";
    public static final String SUB_PROCESS_UNIT_PLAN = "SubProcess_UnitPlan";
    public static final String START_UNIT_PLAN = "Start_UnitPlanOpened";
    public static final String TASK_OPEN_UNIT_PLAN = "Task_OpenUnitPlan";
    public static final String TASK_SUBMIT_WORK_PLAN = "Task_SubmitWorkPlan";
    public static final String TIMER_PLAN_REMINDER = "Timer_PlanReminder";
    public static final String TASK_REMIND_UNIT_HEAD = "Task_RemindUnitHead";
    public static final String END_REMINDED = "End_Reminded";
    public static final String TIMER_PLAN_OVERDUE = "Timer_PlanOverdue";
    public static final String TASK_RECORD_ESCALATION = "Task_RecordEscalation";
    public static final String TASK_FOLLOW_UP_OVERDUE_PLAN = "Task_FollowUpOverduePlan";
    public static final String END_FOLLOWED_UP = "End_FollowedUp";
    public static final String GATEWAY_TO_REVIEW = "Gateway_ToReview";
    public static final String TASK_REVIEW_WORK_PLAN = "Task_ReviewWorkPlan";
    public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
    public static final String TASK_REVISE_WORK_PLAN = "Task_ReviseWorkPlan";
    public static final String END_PLAN_APPROVED = "End_PlanApproved";
    public static final String END_ROUND_CLOSED = "End_RoundClosed";

    private Elements() {}
  }

  /** Process variables, with the type each one holds. */
  public static final class Variables {
    /** Integer: the plan year; also the business key. Start form. */
    public static final String YEAR = "year";
    /** String yyyy-MM-dd, optional: overrides the academic calendar's due date. Start form. */
    public static final String SUBMISSION_DUE_DATE = "submissionDueDate";
    /** List&lt;String&gt;: ids of the units that must submit a plan. */
    public static final String PARTICIPATING_UNITS = "participatingUnits";
    /** java.util.Date: when plans are due. */
    public static final String SUBMISSION_DUE_AT = "submissionDueAt";
    /** java.util.Date: when unit heads are reminded. */
    public static final String SUBMISSION_REMINDER_AT = "submissionReminderAt";

    /** String, local to one unit's sub-process: the unit id (multi-instance element). */
    public static final String UNIT = "unit";
    /** String, local: the unit's Chinese name, shown in task names. */
    public static final String UNIT_NAME = "unitName";
    /** String, local: the candidate group of the unit's heads. */
    public static final String UNIT_HEAD_GROUP = "unitHeadGroup";

    /** String, local: submit/revise form. */
    public static final String KEY_TASKS = "keyTasks";
    public static final String MEASURES = "measures";
    public static final String TARGETS = "targets";
    /** String yyyy-MM-dd, local: the date by which the plan's tasks are done. */
    public static final String PLAN_DEADLINE = "planDeadline";

    /** String, local: review form, {@link #DECISION_APPROVE} or {@link #DECISION_RETURN}. */
    public static final String DECISION = "decision";
    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_RETURN = "return";
    /** String, local: review form, required when the plan is returned. */
    public static final String RETURN_REASON = "returnReason";
    /** String yyyy-MM-dd, local: review form, required when the plan is returned. */
    public static final String REVISION_DUE_DATE = "revisionDueDate";
    /** java.util.Date, local: the revision task's due date, derived from {@link #REVISION_DUE_DATE}. */
    public static final String REVISION_DUE_AT = "revisionDueAt";

    /** String, local: the reason of the latest return, shown on the revise form and the next review. */
    public static final String LAST_RETURN_REASON = CycleDecisions.LAST_RETURN_REASON;
    /** String yyyy-MM-dd, local: the revision due date of the latest return, shown on the revise form. */
    public static final String LAST_RETURN_DUE_DATE = CycleDecisions.LAST_RETURN_DUE_DATE;

    /** String, local: the QA office's note on an overdue plan. */
    public static final String FOLLOW_UP_NOTE = "followUpNote";

    /** Variables each unit's sub-process declares locally, so parallel units never overwrite each other. */
    public static final List<String> UNIT_LOCAL =
        List.of(KEY_TASKS, MEASURES, TARGETS, PLAN_DEADLINE, DECISION, RETURN_REASON, REVISION_DUE_DATE, REVISION_DUE_AT,
            LAST_RETURN_REASON, LAST_RETURN_DUE_DATE, CycleDecisions.RETURNED_WORK, FOLLOW_UP_NOTE);

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String START = "annual-work-plan-start.form";
    public static final String SUBMIT = "annual-work-plan-submit.form";
    public static final String REVIEW = "annual-work-plan-review.form";
    public static final String FOLLOW_UP = "annual-work-plan-follow-up.form";

    /** The field keys the process reads from each form; a form must offer every one of them. */
    public static final Map<String, List<String>> FIELDS_READ = Map.of(
        START, List.of(Variables.YEAR, Variables.SUBMISSION_DUE_DATE),
        SUBMIT, List.of(Variables.KEY_TASKS, Variables.MEASURES, Variables.TARGETS, Variables.PLAN_DEADLINE),
        REVIEW, List.of(Variables.DECISION, Variables.RETURN_REASON, Variables.REVISION_DUE_DATE),
        FOLLOW_UP, List.of(Variables.FOLLOW_UP_NOTE));

    private Forms() {}
  }

  /** Delegate and listener beans the model names, bound by {@code ${beanName}}. */
  public static final class Beans {
    public static final String PREPARE_ROUND = "prepareAnnualPlanRoundDelegate";
    public static final String OPEN_UNIT_PLAN = "openUnitPlanDelegate";
    public static final String REMIND_UNIT_HEAD = "remindUnitHeadDelegate";
    public static final String RECORD_ESCALATION = "recordPlanEscalationDelegate";
    public static final String VALIDATE_WORK_PLAN = "validateWorkPlanListener";
    public static final String CHECK_REVIEW_DECISION = "checkReviewDecisionListener";
    public static final String SHOW_UNIT_IN_TASKLIST = "showUnitInTasklistListener";
    /** The review's due date: {@code reviewDue()}, the same review period as the school's cycle. */
    public static final String DEADLINES = SchoolAnnualCycleProcess.Beans.DEADLINES;

    private Beans() {}
  }
}
