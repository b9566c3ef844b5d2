package cn.zhengai.processes;

import java.util.List;

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
  /** The listener bean that refuses a return without a reason. */
  public static final String CHECK_DECISION = "checkCycleDecisionListener";
  /** The listener bean that shows the unit and year on task cards. */
  public static final String SHOW_UNIT = AnnualWorkPlanProcess.Beans.SHOW_UNIT_IN_TASKLIST;

  private CycleDecisions() {}
}
