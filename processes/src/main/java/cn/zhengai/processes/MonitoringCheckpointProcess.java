package cn.zhengai.processes;

import java.util.List;
import java.util.Map;

/**
 * 月度监测与纠偏 (monitor → warn → correct, the small loop of the "8"): at a checkpoint a unit reports its tasks'
 * progress; the data is checked for tasks behind schedule and indicators past their warning value; a deviation
 * becomes a warning and a correction task (cause, measure, new date) that the QA office verifies. One instance per
 * unit and checkpoint, so that units never wait for each other; reusable by every level.
 */
public final class MonitoringCheckpointProcess {

  public static final String KEY = "monitoring-checkpoint";
  public static final String RESOURCE = "monitoring-checkpoint.bpmn";
  public static final ProcessModel MODEL = new ProcessModel(KEY, RESOURCE, Forms.FIELDS_READ);

  private MonitoringCheckpointProcess() {}

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START_CHECKPOINT_DUE = "Start_CheckpointDue";
    public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";
    public static final String TASK_EVALUATE_PROGRESS = "Task_EvaluateProgress";
    public static final String GATEWAY_DEVIATIONS = "Gateway_Deviations";
    public static final String END_ON_TRACK = "End_OnTrack";
    public static final String GATEWAY_TO_CORRECTION = "Gateway_ToCorrection";
    public static final String TASK_CORRECT_DEVIATION = "Task_CorrectDeviation";
    public static final String TASK_VERIFY_CORRECTION = "Task_VerifyCorrection";
    public static final String GATEWAY_CORRECTION_ACCEPTED = "Gateway_CorrectionAccepted";
    public static final String END_CORRECTED = "End_Corrected";

    private Elements() {}
  }

  /** Process variables. */
  public static final class Variables {
    /** String: the unit checked. Set by the starter. */
    public static final String UNIT = "unit";
    /** String: the unit's name, shown on task cards. Set by the starter. */
    public static final String UNIT_NAME = "unitName";
    /** String: the candidate group of the unit's heads. Set by the starter. */
    public static final String UNIT_HEAD_GROUP = "unitHeadGroup";
    /** Integer: the plan year. Set by the starter. */
    public static final String YEAR = "year";
    /** String yyyy-MM-dd: the checkpoint day the data is judged at. Set by the starter. */
    public static final String CHECKPOINT = "checkpoint";
    /** java.util.Date: when the progress report is due. Set by the starter. */
    public static final String REPORT_DUE_AT = "reportDueAt";
    /** java.util.Date: when a correction is due; set with the deviations. */
    public static final String CORRECTION_DUE_AT = "correctionDueAt";
    /** java.util.Date: when the QA office's verification is due; set with the deviations. */
    public static final String VERIFICATION_DUE_AT = "verificationDueAt";

    /** String: report form, what was done this month. */
    public static final String PROGRESS_SUMMARY = "progressSummary";
    /** Integer: how many deviations the data shows. */
    public static final String DEVIATION_COUNT = "deviationCount";
    /** String: the deviations, one per line, in Chinese. */
    public static final String DEVIATIONS = "deviations";
    /** String: correction form. */
    public static final String CAUSE = "cause";
    public static final String MEASURE = "measure";
    /** String yyyy-MM-dd: correction form, the date by which the deviation is put right. */
    public static final String NEW_DATE = "newDate";
    /** String: verification form, {@link CycleDecisions#APPROVE} or {@link CycleDecisions#RETURN}. */
    public static final String DECISION = CycleDecisions.DECISION;
    public static final String RETURN_REASON = CycleDecisions.RETURN_REASON;

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String REPORT = "monitoring-report.form";
    public static final String CORRECT = "monitoring-correct.form";
    public static final String VERIFY = CycleDecisions.FORM;

    public static final Map<String, List<String>> FIELDS_READ = Map.of(
        REPORT, List.of(Variables.PROGRESS_SUMMARY),
        CORRECT, List.of(Variables.CAUSE, Variables.MEASURE, Variables.NEW_DATE),
        VERIFY, CycleDecisions.FIELDS);

    private Forms() {}
  }

  /** Delegate and listener beans the model names. */
  public static final class Beans {
    public static final String EVALUATE = "evaluateCheckpointDelegate";
    public static final String CHECK_CORRECTION = "checkCorrectionListener";

    private Beans() {}
  }
}
