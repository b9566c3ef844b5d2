package cn.zhengai.processes;

import java.util.List;
import java.util.Map;

/**
 * The one decision form of the cycles: approve, or return with a reason. Used wherever a body reviews another's
 * work (targets, corrections, improvement plans).
 */
public final class CycleDecisions {

  public static final String FORM = "cycle-decision.form";
  /** String: {@link #APPROVE} or {@link #RETURN}. */
  public static final String DECISION = "decision";
  public static final String APPROVE = "approve";
  public static final String RETURN = "return";
  /** String: required when returned. */
  public static final String RETURN_REASON = "returnReason";
  public static final List<String> FIELDS = List.of(DECISION, RETURN_REASON);
  /**
   * String: the reason of the latest return, kept when the review's own answers are cleared, so the returned task
   * shows it and the next review starts empty beside it.
   */
  public static final String LAST_RETURN_REASON = "lastReturnReason";
  /**
   * String, local to a review task: what the deciding body decides on, listed by the model when the task opens
   * (e.g. the year's targets with their values); shown on the decision form, never part of the returned work.
   */
  public static final String DECISION_CONTENT = "decisionContent";
  /** String yyyy-MM-dd: the date the returned work is due again. */
  public static final String LAST_RETURN_DUE_DATE = "lastReturnDueDate";
  /**
   * For each review, by element id, the variable holding the due date of the work it returns: a return moves that
   * date, so the redone work is not overdue the moment it comes back.
   */
  public static final Map<String, String> RETURNED_WORK_DUE = Map.of(
      SchoolAnnualCycleProcess.Elements.TASK_APPROVE_TARGETS, SchoolAnnualCycleProcess.Variables.TARGETS_DUE_AT.name(),
      SchoolAnnualCycleProcess.Elements.TASK_APPROVE_IMPROVEMENT_PLAN, SchoolAnnualCycleProcess.Variables.IMPROVEMENT_DUE_AT.name(),
      MonitoringCheckpointProcess.Elements.TASK_VERIFY_CORRECTION, MonitoringCheckpointProcess.Variables.CORRECTION_DUE_AT.name(),
      MajorAnnualDiagnosisProcess.Elements.TASK_REVIEW_BY_WORKING_GROUP,
      MajorAnnualDiagnosisProcess.Variables.SELF_DIAGNOSIS_DUE_AT.name(),
      MajorAnnualDiagnosisProcess.Elements.TASK_ACCEPT_BY_ACADEMIC_AFFAIRS,
      MajorAnnualDiagnosisProcess.Variables.SELF_DIAGNOSIS_DUE_AT.name(),
      MajorAssessmentProcess.Elements.TASK_CHECK_RECTIFICATION, MajorAssessmentProcess.Variables.RECTIFICATION_DUE_AT.name(),
      AnnualQualityReportProcess.Elements.TASK_APPROVE_REPORT, AnnualQualityReportProcess.Variables.REPORT_DUE_AT.name());
  /**
   * String (JSON): what a return sent back, the values the review showed and when, so the next review can list what
   * the unit changed since.
   */
  public static final String RETURNED_WORK = "returnedWork";
  /** String: what the unit changed since the latest return, shown on the next review; empty on a first review. */
  public static final String CHANGES_SINCE_RETURN = "changesSinceReturn";
  /**
   * For each review whose work lives in a planning table rather than in the form, by element id, that table's id: the
   * next review lists the table's rows changed since the return.
   */
  public static final Map<String, String> RETURNED_WORK_TABLE = Map.of(
      SchoolAnnualCycleProcess.Elements.TASK_APPROVE_TARGETS, "targets");
  /** The listener bean that refuses a return without a reason. */
  public static final String CHECK_DECISION = "checkCycleDecisionListener";
  /** The listener bean that lists, on a review after a return, what the unit changed since. */
  public static final String LIST_CHANGES_SINCE_RETURN = "changesSinceReturnListener";
  /** The listener bean that shows the unit and year on task cards. */
  public static final String SHOW_UNIT = AnnualWorkPlanProcess.Beans.SHOW_UNIT_IN_TASKLIST;

  private CycleDecisions() {}
}
