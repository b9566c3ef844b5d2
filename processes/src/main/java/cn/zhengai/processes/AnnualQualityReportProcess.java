package cn.zhengai.processes;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * 质量年报编制与发布 (seed 四(五)3): the school's annual quality report of a year, business key the year. 质管办 edits
 * the generated draft's narrative parts and submits the edited .docx (or the draft as generated) on the 报告 page, then
 * completes its task; the QA leading group approves, which publishes the submitted version frozen, or returns it with
 * a reason. One round per year runs at a time; a correction after publication is a new round.
 */
public final class AnnualQualityReportProcess {

  public static final String KEY = "annual-quality-report";
  public static final String RESOURCE = "annual-quality-report.bpmn";
  public static final ProcessModel MODEL = new ProcessModel(KEY, RESOURCE, Forms.FIELDS_READ);

  private AnnualQualityReportProcess() {}

  /** {@code 2027}. */
  public static String businessKey(int year) {
    return String.valueOf(year);
  }

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START_REPORT_OPENED = "Start_AnnualReportOpened";
    public static final String TASK_OPEN_REPORT = "Task_OpenAnnualReport";
    public static final String GATEWAY_TO_WRITE = "Gateway_ToWriteReport";
    public static final String TASK_WRITE_REPORT = "Task_WriteAnnualReport";
    public static final String TASK_APPROVE_REPORT = "Task_ApproveAnnualReport";
    public static final String GATEWAY_APPROVED = "Gateway_ReportApproved";
    public static final String END_REPORT_PUBLISHED = "End_AnnualReportPublished";

    private Elements() {}
  }

  /** Process variables, typed. */
  public static final class Variables {
    public static final ProcessVariable<Integer> YEAR = SharedVariables.YEAR;
    /** The writing task's due date, from the calendar's milestone 质量年报提交审批截止. */
    public static final ProcessVariable<Date> REPORT_DUE_AT = ProcessVariable.moment("reportDueAt");
    /** The highest report version id when the round opened: only versions submitted after it count for this round. */
    public static final ProcessVariable<Integer> VERSIONS_BEFORE = ProcessVariable.integer("versionsBefore");
    /** The version 质管办 submitted for this round, which the leading group publishes or returns. */
    public static final ProcessVariable<Integer> SUBMITTED_VERSION = ProcessVariable.integer("submittedVersion");
    public static final String DECISION = CycleDecisions.DECISION;

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String START = "annual-report-start.form";
    /** Links to the draft and to the 报告 page, where the edited document is uploaded; the form itself asks nothing. */
    public static final String WRITE = "annual-report-write.form";
    public static final String DECISION = CycleDecisions.FORM;

    public static final Map<String, List<String>> FIELDS_READ = Map.of(
        START, List.of(Variables.YEAR.name()),
        WRITE, List.of(),
        DECISION, CycleDecisions.FIELDS);

    private Forms() {}
  }

  /** Delegate and listener beans the model names. */
  public static final class Beans {
    public static final String OPEN_REPORT = "openAnnualReportDelegate";
    /** Refuses to finish the writing without a version submitted in this round, and hands that version on. */
    public static final String TAKE_SUBMITTED_VERSION = "takeSubmittedReportListener";
    /** Shows the submitted version on the approval and publishes or returns it as decided. */
    public static final String DECIDE_REPORT = "decideAnnualReportListener";

    private Beans() {}
  }
}
