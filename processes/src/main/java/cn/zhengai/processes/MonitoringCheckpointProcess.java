package cn.zhengai.processes;

import java.util.Date;
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
    public static final ProcessVariable<String> UNIT = SharedVariables.UNIT;
    /** String: the unit's name, shown on task cards. Set by the starter. */
    public static final ProcessVariable<String> UNIT_NAME = SharedVariables.UNIT_NAME;
    /** String: the candidate group of the unit's heads. Set by the starter. */
    public static final ProcessVariable<String> UNIT_HEAD_GROUP = SharedVariables.UNIT_HEAD_GROUP;
    /** Integer: the plan year. Set by the starter. */
    public static final ProcessVariable<Integer> YEAR = SharedVariables.YEAR;
    /** String yyyy-MM-dd: the checkpoint day the data is judged at. Set by the starter. */
    public static final ProcessVariable<String> CHECKPOINT = ProcessVariable.text("checkpoint");
    /** String: who verifies the unit's corrections (the QA office, unless it is the unit). Set by the starter. */
    public static final ProcessVariable<String> VERIFIER_GROUP = ProcessVariable.text("verifierGroup");
    /** java.util.Date: when the progress report is due. Set by the starter. */
    public static final ProcessVariable<Date> REPORT_DUE_AT = ProcessVariable.moment("reportDueAt");
    /** java.util.Date: when a correction is due; set with the deviations. */
    public static final ProcessVariable<Date> CORRECTION_DUE_AT = ProcessVariable.moment("correctionDueAt");
    /** java.util.Date: when the QA office's verification is due; set with the deviations. */
    public static final ProcessVariable<Date> VERIFICATION_DUE_AT = ProcessVariable.moment("verificationDueAt");

    /** String: report form, what was done this month. */
    public static final ProcessVariable<String> PROGRESS_SUMMARY = ProcessVariable.text("progressSummary");
    /** Integer: how many deviations the data shows. */
    public static final ProcessVariable<Integer> DEVIATION_COUNT = ProcessVariable.integer("deviationCount");
    /** String: the deviations, one per line, in Chinese. */
    public static final ProcessVariable<String> DEVIATIONS = ProcessVariable.text("deviations");
    /**
     * String: for a warning of the daily data monitors, the address of the indicator's control chart; the instance then
     * starts at {@link Elements#TASK_CORRECT_DEVIATION}.
     */
    public static final ProcessVariable<String> CHART_LINK = ProcessVariable.text("chartLink");
    /** String: correction form. */
    public static final ProcessVariable<String> CAUSE = ProcessVariable.text("cause");
    public static final ProcessVariable<String> MEASURE = ProcessVariable.text("measure");
    /** String yyyy-MM-dd: correction form, the date by which the deviation is put right. */
    public static final ProcessVariable<String> NEW_DATE = ProcessVariable.text("newDate");
    /** String: verification form, {@link CycleDecisions#APPROVE} or {@link CycleDecisions#RETURN}. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.text(CycleDecisions.DECISION);
    public static final ProcessVariable<String> RETURN_REASON = ProcessVariable.text(CycleDecisions.RETURN_REASON);

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String REPORT = "monitoring-report.form";
    public static final String CORRECT = "monitoring-correct.form";
    public static final String VERIFY = CycleDecisions.FORM;

    public static final Map<String, List<String>> FIELDS_READ = Map.of(
        REPORT, List.of(Variables.PROGRESS_SUMMARY.name()),
        CORRECT, List.of(Variables.CAUSE.name(), Variables.MEASURE.name(), Variables.NEW_DATE.name()),
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
