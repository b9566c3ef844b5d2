package cn.zhengai.processes;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * 专业考核性诊断 (seed 五(二), 表7 专业考核性诊断标准): every major's 专业建设方案 assessed once in three years by a
 * panel of external experts, business key {@code 2025-2027/500211} (period and 专业代码). 质管办 forms the panel while
 * the 二级学院's 质量保证工作组 submits the materials; after the site visit each expert scores the standard's items in their own
 * task; 质管办 draws the panel's conclusion (合格 / 基本合格 / 不合格); a 不合格 goes to the leading group (预警, 限招,
 * 停招); anything short of 合格 is rectified by the major by a deadline and checked by 质管办.
 */
public final class MajorAssessmentProcess {

  public static final String KEY = "major-assessment";
  public static final String RESOURCE = "major-assessment.bpmn";
  public static final ProcessModel MODEL = new ProcessModel(KEY, RESOURCE, Forms.FIELDS_READ);

  /** The panel's conclusions, in the order of the form. */
  public static final List<String> CONCLUSIONS = List.of("合格", "基本合格", "不合格");
  /** What the leading group may decide for a major assessed 不合格. */
  public static final List<String> SANCTIONS = List.of("预警", "限招", "停招");

  private MajorAssessmentProcess() {}

  /** {@code 2025-2027/500211}. */
  public static String businessKey(String periodCode, String majorCode) {
    return periodCode + "/" + majorCode;
  }

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START_ASSESSMENT_OPENED = "Start_AssessmentOpened";
    public static final String TASK_OPEN_ASSESSMENT = "Task_OpenAssessment";
    public static final String GATEWAY_PREPARE_SPLIT = "Gateway_PrepareSplit";
    public static final String TASK_FORM_PANEL = "Task_FormPanel";
    public static final String TASK_SUBMIT_MATERIALS = "Task_SubmitMaterials";
    public static final String GATEWAY_PREPARE_JOIN = "Gateway_PrepareJoin";
    public static final String TASK_SCHEDULE_SITE_VISIT = "Task_ScheduleSiteVisit";
    public static final String TASK_EXPERT_REVIEW = "Task_ExpertReview";
    public static final String TASK_SUMMARISE_REVIEWS = "Task_SummariseReviews";
    public static final String TASK_CONCLUDE_ASSESSMENT = "Task_ConcludeAssessment";
    public static final String GATEWAY_CONCLUSION = "Gateway_Conclusion";
    public static final String TASK_DECIDE_SANCTION = "Task_DecideSanction";
    public static final String GATEWAY_TO_RECTIFY = "Gateway_ToRectify";
    public static final String TASK_RECTIFY = "Task_Rectify";
    public static final String TASK_CHECK_RECTIFICATION = "Task_CheckRectification";
    public static final String GATEWAY_RECTIFICATION_ACCEPTED = "Gateway_RectificationAccepted";
    public static final String GATEWAY_TO_RECORD = "Gateway_ToRecord";
    public static final String TASK_RECORD_ASSESSMENT = "Task_RecordAssessment";
    public static final String END_ASSESSMENT_CLOSED = "End_AssessmentClosed";

    private Elements() {}
  }

  /** Process variables, typed. */
  public static final class Variables {
    /** The three years assessed, e.g. {@code 2025-2027} ({@code cn.zhengai.spiral.Period}'s code); start form. */
    public static final ProcessVariable<String> PERIOD = ProcessVariable.text("period");
    public static final ProcessVariable<String> MAJOR = MajorVariables.MAJOR;
    public static final ProcessVariable<String> MAJOR_NAME = MajorVariables.MAJOR_NAME;
    public static final ProcessVariable<String> OWNER_GROUP = MajorVariables.OWNER_GROUP;
    public static final ProcessVariable<String> WORKING_GROUP = MajorVariables.WORKING_GROUP;
    public static final ProcessVariable<String> UNIT = SharedVariables.UNIT;
    public static final ProcessVariable<String> UNIT_NAME = SharedVariables.UNIT_NAME;
    public static final ProcessVariable<String> UNIT_HEAD_GROUP = SharedVariables.UNIT_HEAD_GROUP;
    /** Due dates, from the calendar's major-assessment milestones, and the ones the steps set. */
    public static final ProcessVariable<Date> PANEL_DUE_AT = ProcessVariable.moment("panelDueAt");
    public static final ProcessVariable<Date> MATERIALS_DUE_AT = ProcessVariable.moment("materialsDueAt");
    /** Set when the site visit is scheduled: the experts' reviews are due a few days after it. */
    public static final ProcessVariable<Date> EXPERT_REVIEW_DUE_AT = ProcessVariable.moment("expertReviewDueAt");
    /** Set by the conclusion: the rectification's deadline. */
    public static final ProcessVariable<Date> RECTIFICATION_DUE_AT = ProcessVariable.moment("rectificationDueAt");
    /** The experts the panel form offers, one per line: account, name, sector, organisation. */
    public static final ProcessVariable<String> EXPERT_OPTIONS = ProcessVariable.text("expertOptions");
    /** Panel form: the chosen experts' accounts, one per line. */
    public static final ProcessVariable<String> EXPERT_IDS = ProcessVariable.text("expertIds");
    /** The panel as checked: the experts' user ids, one review task each. */
    public static final ProcessVariable<List<String>> EXPERTS = ProcessVariable.texts("experts");
    /** The expert of one multi-instance review task. */
    public static final ProcessVariable<String> EXPERT = ProcessVariable.text("expert");
    /** The three yearly self-diagnoses of the period, shown with the materials and to the experts. */
    public static final ProcessVariable<String> YEARLY_DIAGNOSES = ProcessVariable.text("yearlyDiagnoses");
    /** The standard's items with their weights, one per line, shown to each expert. */
    public static final ProcessVariable<String> STANDARD_ITEMS = ProcessVariable.text("standardItems");
    /** Panel form. */
    public static final ProcessVariable<String> PANEL_NOTE = ProcessVariable.text("panelNote");
    /** Materials form. */
    public static final ProcessVariable<String> STATE_DATA = ProcessVariable.text("stateData");
    public static final ProcessVariable<String> MARKET_SURVEY = ProcessVariable.text("marketSurvey");
    public static final ProcessVariable<String> GRADUATE_TRACKING = ProcessVariable.text("graduateTracking");
    public static final ProcessVariable<String> EMPLOYER_SATISFACTION = ProcessVariable.text("employerSatisfaction");
    public static final ProcessVariable<String> CERTIFICATION_COMPARISON = ProcessVariable.text("certificationComparison");
    /** Site-visit form: the day (yyyy-MM-dd) and the plan. */
    public static final ProcessVariable<String> SITE_VISIT_DATE = ProcessVariable.text("siteVisitDate");
    public static final ProcessVariable<String> SITE_VISIT_PLAN = ProcessVariable.text("siteVisitPlan");
    /** Expert review form, local to each expert's task: one line per item, "item：score". */
    public static final ProcessVariable<String> ITEM_SCORES = ProcessVariable.text("itemScores");
    public static final ProcessVariable<String> EXPERT_GRADE = ProcessVariable.text("expertGrade");
    public static final ProcessVariable<String> EXPERT_OPINION = ProcessVariable.text("expertOpinion");
    /** Every expert's scores and opinion, summarised for the conclusion. */
    public static final ProcessVariable<String> PANEL_SUMMARY = ProcessVariable.text("panelSummary");
    /** Conclusion form: one of {@link MajorAssessmentProcess#CONCLUSIONS}, the findings, the rectification deadline. */
    public static final ProcessVariable<String> CONCLUSION = ProcessVariable.text("conclusion");
    public static final ProcessVariable<String> FINDINGS = ProcessVariable.text("findings");
    public static final ProcessVariable<String> RECTIFICATION_DUE_DATE = ProcessVariable.text("rectificationDueDate");
    /** Sanction form: one of {@link MajorAssessmentProcess#SANCTIONS}. */
    public static final ProcessVariable<String> SANCTION = ProcessVariable.text("sanction");
    public static final ProcessVariable<String> SANCTION_NOTE = ProcessVariable.text("sanctionNote");
    /** Rectification form. */
    public static final ProcessVariable<String> RECTIFICATION_MEASURES = ProcessVariable.text("rectificationMeasures");
    public static final ProcessVariable<String> RECTIFICATION_RESULT = ProcessVariable.text("rectificationResult");
    public static final String DECISION = CycleDecisions.DECISION;

    private Variables() {}
  }

  /** Camunda Forms, by deployment resource name. */
  public static final class Forms {
    public static final String START = "major-assessment-start.form";
    public static final String PANEL = "major-panel.form";
    public static final String MATERIALS = "major-materials.form";
    public static final String SITE_VISIT = "major-site-visit.form";
    public static final String EXPERT_REVIEW = "major-expert-review.form";
    public static final String CONCLUSION = "major-conclusion.form";
    public static final String SANCTION = "major-sanction.form";
    public static final String RECTIFICATION = "major-rectification.form";
    public static final String DECISION = CycleDecisions.FORM;

    public static final Map<String, List<String>> FIELDS_READ = Map.ofEntries(
        Map.entry(START, names(Variables.PERIOD, Variables.MAJOR)),
        Map.entry(PANEL, names(Variables.EXPERT_IDS, Variables.PANEL_NOTE)),
        Map.entry(MATERIALS, names(Variables.STATE_DATA, Variables.MARKET_SURVEY, Variables.GRADUATE_TRACKING,
            Variables.EMPLOYER_SATISFACTION, Variables.CERTIFICATION_COMPARISON)),
        Map.entry(SITE_VISIT, names(Variables.SITE_VISIT_DATE, Variables.SITE_VISIT_PLAN)),
        Map.entry(EXPERT_REVIEW, names(Variables.ITEM_SCORES, Variables.EXPERT_GRADE, Variables.EXPERT_OPINION)),
        Map.entry(CONCLUSION, names(Variables.CONCLUSION, Variables.FINDINGS, Variables.RECTIFICATION_DUE_DATE)),
        Map.entry(SANCTION, names(Variables.SANCTION, Variables.SANCTION_NOTE)),
        Map.entry(RECTIFICATION, names(Variables.RECTIFICATION_MEASURES, Variables.RECTIFICATION_RESULT)),
        Map.entry(DECISION, CycleDecisions.FIELDS));

    private static List<String> names(ProcessVariable<?>... variables) {
      return Arrays.stream(variables).map(ProcessVariable::name).toList();
    }

    private Forms() {}
  }

  /** Delegate and listener beans the model names. */
  public static final class Beans {
    public static final String OPEN_ASSESSMENT = "openMajorAssessmentDelegate";
    /** Refuses a panel with an expert of the major's own unit or too few from outside the college. */
    public static final String CHECK_EXPERT_PANEL = "checkExpertPanelListener";
    /** Checks each step's answers and keeps them with the major's assessment. */
    public static final String RECORD_ASSESSMENT_STEP = "recordMajorAssessmentListener";
    public static final String SUMMARISE_EXPERT_REVIEWS = "summariseExpertReviewsDelegate";
    public static final String RECORD_ASSESSMENT = "recordMajorAssessmentDelegate";

    private Beans() {}
  }
}
