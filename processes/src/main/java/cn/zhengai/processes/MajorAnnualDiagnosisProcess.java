package cn.zhengai.processes;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * 专业年度自我诊断 (seed 五(二)): a major's yearly self-diagnosis against the 专业教学标准, business key
 * {@code 2027/500211} (year and 专业代码). The major's targets are measured first, so the 专业（课程）负责人 diagnoses
 * with the figures in view; the 二级学院's QA working group reviews, 教务处 accepts, and the result is kept with the
 * major's reviews, where next year's targets and the three-yearly {@link MajorAssessmentProcess} read it.
 */
public final class MajorAnnualDiagnosisProcess {

  public static final String KEY = "major-annual-diagnosis";
  public static final String RESOURCE = "major-annual-diagnosis.bpmn";
  public static final ProcessModel MODEL = new ProcessModel(KEY, RESOURCE, Forms.FIELDS_READ);

  private MajorAnnualDiagnosisProcess() {}

  /** {@code 2027/500211}. */
  public static String businessKey(int year, String majorCode) {
    return year + "/" + majorCode;
  }

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START_MAJOR_YEAR_OPENED = "Start_MajorYearOpened";
    public static final String TASK_OPEN_MAJOR_SCOPE = "Task_OpenMajorScope";
    public static final String TASK_MEASURE_MAJOR = "Task_MeasureMajor";
    public static final String GATEWAY_TO_SELF_DIAGNOSE = "Gateway_ToSelfDiagnose";
    public static final String TASK_SELF_DIAGNOSE_MAJOR = "Task_SelfDiagnoseMajor";
    public static final String TASK_REVIEW_BY_WORKING_GROUP = "Task_ReviewByWorkingGroup";
    public static final String GATEWAY_WORKING_GROUP_APPROVED = "Gateway_WorkingGroupApproved";
    public static final String TASK_ACCEPT_BY_ACADEMIC_AFFAIRS = "Task_AcceptByAcademicAffairs";
    public static final String GATEWAY_ACCEPTED = "Gateway_Accepted";
    public static final String TASK_RECORD_MAJOR_YEAR = "Task_RecordMajorYear";
    public static final String END_MAJOR_YEAR_DIAGNOSED = "End_MajorYearDiagnosed";

    private Elements() {}
  }

  /** Process variables, typed. */
  public static final class Variables {
    public static final ProcessVariable<Integer> YEAR = SharedVariables.YEAR;
    /** The major's 专业代码; start form. */
    public static final ProcessVariable<String> MAJOR = MajorVariables.MAJOR;
    public static final ProcessVariable<String> MAJOR_NAME = MajorVariables.MAJOR_NAME;
    public static final ProcessVariable<String> OWNER_GROUP = MajorVariables.OWNER_GROUP;
    public static final ProcessVariable<String> WORKING_GROUP = MajorVariables.WORKING_GROUP;
    public static final ProcessVariable<String> UNIT = SharedVariables.UNIT;
    public static final ProcessVariable<String> UNIT_NAME = SharedVariables.UNIT_NAME;
    public static final ProcessVariable<String> UNIT_HEAD_GROUP = SharedVariables.UNIT_HEAD_GROUP;
    /** The self-diagnosis due date, from the calendar's major-level milestone. */
    public static final ProcessVariable<Date> SELF_DIAGNOSIS_DUE_AT = ProcessVariable.moment("selfDiagnosisDueAt");
    /** What the data says about the major's targets and indicators, shown on the self-diagnosis form. */
    public static final ProcessVariable<String> ATTAINMENT_SUMMARY = ProcessVariable.text("attainmentSummary");
    /** Last year's accepted improvements of the major, shown on the self-diagnosis form. */
    public static final ProcessVariable<String> PREVIOUS_IMPROVEMENTS = ProcessVariable.text("previousImprovements");
    /** Self-diagnosis form. */
    public static final ProcessVariable<String> PROBLEMS = ProcessVariable.text("problems");
    public static final ProcessVariable<String> CAUSES = ProcessVariable.text("causes");
    public static final ProcessVariable<String> IMPROVEMENT_MEASURES = ProcessVariable.text("improvementMeasures");
    /** 修正培养目标 and 完善课程体系: what the major changes in its training objectives and curriculum. */
    public static final ProcessVariable<String> OBJECTIVE_REVISION = ProcessVariable.text("objectiveRevision");
    public static final ProcessVariable<String> CURRICULUM_IMPROVEMENT = ProcessVariable.text("curriculumImprovement");
    public static final ProcessVariable<String> SELF_GRADE = ProcessVariable.text("selfGrade");
    public static final String DECISION = CycleDecisions.DECISION;

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String START = "major-year-start.form";
    public static final String SELF_DIAGNOSIS = "major-self-diagnosis.form";
    public static final String DECISION = CycleDecisions.FORM;

    public static final Map<String, List<String>> FIELDS_READ = Map.of(
        START, List.of(Variables.YEAR.name(), Variables.MAJOR.name()),
        SELF_DIAGNOSIS, List.of(Variables.PROBLEMS.name(), Variables.CAUSES.name(), Variables.IMPROVEMENT_MEASURES.name(),
            Variables.OBJECTIVE_REVISION.name(), Variables.CURRICULUM_IMPROVEMENT.name(), Variables.SELF_GRADE.name()),
        DECISION, CycleDecisions.FIELDS);

    private Forms() {}
  }

  /** Delegate and listener beans the model names. */
  public static final class Beans {
    public static final String OPEN_MAJOR_YEAR = "openMajorYearDelegate";
    public static final String MEASURE_MAJOR = "measureMajorDelegate";
    /** Checks the self-diagnosis and keeps it with the major's review of the year. */
    public static final String RECORD_MAJOR_REVIEW = "recordMajorReviewListener";
    public static final String RECORD_MAJOR_YEAR = "recordMajorYearDelegate";

    private Beans() {}
  }
}
