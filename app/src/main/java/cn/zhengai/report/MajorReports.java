package cn.zhengai.report;

import static cn.zhengai.report.SchoolUnitReports.MINUTE;
import static cn.zhengai.report.SchoolUnitReports.add;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.major.ExpertReviews;
import cn.zhengai.major.ExpertReviews.ExpertReview;
import cn.zhengai.major.ItemScores;
import cn.zhengai.major.MajorRotation;
import cn.zhengai.org.EngineUserNames;
import cn.zhengai.org.Majors;
import cn.zhengai.org.Majors.StoredMajor;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.processes.ProcessVariable;
import cn.zhengai.report.SelfDiagnosisReport.Decision;
import cn.zhengai.report.SelfDiagnosisReport.ExpertLine;
import cn.zhengai.report.SelfDiagnosisReport.Labelled;
import cn.zhengai.report.SelfDiagnosisReport.MajorParts;
import cn.zhengai.report.SelfDiagnosisReport.Panel;
import cn.zhengai.report.SelfDiagnosisReport.Source;
import cn.zhengai.report.SelfDiagnosisReport.TargetLine;
import cn.zhengai.report.SelfDiagnosisReport.YearLine;
import cn.zhengai.security.AppAuthority;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.PeriodKind;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The major level's reports: a major's yearly 专业自我诊断报告 (its targets, i.e. 目标指标 rows with its 专业代码, its
 * own words from the self-diagnosis form, the 二级学院's review and 教务处's acceptance, where its 考核性诊断 stands),
 * and for its three-year period the 专业考核性诊断报告 (the yearly self-diagnoses of the period, the materials, each
 * expert's score of each item and the means, the conclusion, the leading group's decision, the 整改 and its 复核).
 * A major's tasks are its 二级学院's (表5/表6 name units, not majors), so its reports point to the unit's report.
 */
@Component
class MajorReports implements ReportSource {

  private static final Map<String, String> REVIEWS_OF_THE_YEAR = reviewSteps(
      MajorAnnualDiagnosisProcess.Elements.TASK_REVIEW_BY_WORKING_GROUP, "二级学院审核",
      MajorAnnualDiagnosisProcess.Elements.TASK_ACCEPT_BY_ACADEMIC_AFFAIRS, "教务处验收");
  private static final Map<String, String> REVIEWS_OF_THE_ASSESSMENT = reviewSteps(
      MajorAssessmentProcess.Elements.TASK_CHECK_RECTIFICATION, "质管办复核整改");
  private static final Map<ProcessVariable<String>, String> MATERIALS = materials();
  /** The steps whose work a review returns to, and the steps a review's approval leads to. */
  private static final Set<String> RETURNED_TO = Set.of(MajorAnnualDiagnosisProcess.Elements.TASK_SELF_DIAGNOSE_MAJOR,
      MajorAssessmentProcess.Elements.TASK_RECTIFY);
  private static final Set<String> FORWARD = Set.of(MajorAnnualDiagnosisProcess.Elements.TASK_ACCEPT_BY_ACADEMIC_AFFAIRS,
      MajorAnnualDiagnosisProcess.Elements.TASK_RECORD_MAJOR_YEAR, MajorAssessmentProcess.Elements.TASK_RECORD_ASSESSMENT);

  private final Majors majors;
  private final OrgUnitRepository units;
  private final ReviewStore reviews;
  private final MajorRotation rotation;
  private final ExpertReviews expertReviews;
  private final SchoolUnitReports school;
  private final HistoryService history;
  private final IdentityService identity;
  private final AppAuthority appAuthority;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  MajorReports(Majors majors, OrgUnitRepository units, ReviewStore reviews, MajorRotation rotation, ExpertReviews expertReviews,
      SchoolUnitReports school, @Lazy HistoryService history, @Lazy IdentityService identity, AppAuthority appAuthority,
      JdbcTemplate jdbc, Clock clock) {
    this.majors = majors;
    this.units = units;
    this.reviews = reviews;
    this.rotation = rotation;
    this.expertReviews = expertReviews;
    this.school = school;
    this.history = history;
    this.identity = identity;
    this.appAuthority = appAuthority;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Level level() {
    return Level.MAJOR;
  }

  /**
   * For a year, the majors with targets or a self-diagnosis in it; for a three-year period, the majors whose
   * 考核性诊断 of the period has begun or has a result.
   */
  @Override
  public List<Subject> subjects(Period period) {
    Set<String> active = new HashSet<>();
    reviews.of(Level.MAJOR, period).forEach(review -> active.add(review.subject().id()));
    if (period.kind() == PeriodKind.THREE_YEARS) {
      appAuthority.run(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(MajorAssessmentProcess.KEY)
          .processInstanceBusinessKeyLike(period.code() + "/%").list()).forEach(instance -> active.add(
              instance.getBusinessKey().substring(period.code().length() + 1)));
    } else {
      active.addAll(jdbc.queryForList("SELECT DISTINCT major_code FROM target WHERE cycle_year = ? AND major_code IS NOT NULL",
          String.class, period.firstYear()));
    }
    return majors.findAll().stream().map(stored -> stored.major().code()).filter(active::contains).map(Subject::major).toList();
  }

  /** The three-year period of the 考核性诊断 rotation a year belongs to. */
  Period assessmentPeriodOf(int year) {
    return rotation.periodOf(year);
  }

  /** The majors the rotation assesses in a year whose 考核性诊断 has begun. */
  List<Subject> assessedIn(int year) {
    List<Subject> begun = subjects(rotation.periodOf(year));
    return rotation.assessedIn(year).stream().map(major -> Subject.major(major.code())).filter(begun::contains).toList();
  }

  /** The major's leaders, its 二级学院's heads and 质量保证工作组, and the bodies that oversee all. */
  @Override
  public boolean sees(CurrentUser user, Subject subject) {
    if (SchoolUnitReports.OVERSEERS.stream().anyMatch(user::isMemberOf) || user.isMemberOf(OrgGroups.majorLeadersOf(subject.id()))) {
      return true;
    }
    return majors.findByCode(subject.id()).map(found -> found.major().unit())
        .map(unit -> user.isMemberOf(OrgGroups.headsOf(unit)) || user.isMemberOf(OrgGroups.workingGroupOf(unit))).orElse(false);
  }

  @Override
  public SelfDiagnosisReport read(Subject subject, Period period) {
    Major major = majors.findByCode(subject.id()).map(StoredMajor::major)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "专业“" + subject.id() + "”不存在"));
    if (period.kind() != PeriodKind.YEAR && period.kind() != PeriodKind.THREE_YEARS) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "专业的报告按年度（如 2027）或考核性诊断的三年周期（如 2025-2027）生成，"
          + period.label() + "没有专业报告");
    }
    return appAuthority.run(() -> period.kind() == PeriodKind.YEAR ? year(major, subject, period) : assessment(major, subject, period));
  }

  private SelfDiagnosisReport year(Major major, Subject subject, Period period) {
    int year = period.firstYear();
    Review review = reviews.find(subject, period).orElse(null);
    LocalDate judgedOn = review != null && review.attainment() != null && review.attainment().judgedOn() != null
        ? review.attainment().judgedOn() : SchoolUnitReports.min(LocalDate.of(year, 12, 31), CollegeTime.today(clock));
    List<Source> sources = new ArrayList<>();
    List<TargetLine> targets = school.targetLines(year, target -> major.code().equals(target.majorCode()),
        other -> other.majorCode() != null, "专业", sources);
    String key = MajorAnnualDiagnosisProcess.businessKey(year, major.code());
    var escalations = school.escalationLines(major.unit(), key::equals, sources);
    int reviewSource = reviewSource(review, subject, period, sources);
    List<Decision> decisions = decisions(MajorAnnualDiagnosisProcess.KEY, key, REVIEWS_OF_THE_YEAR, sources);
    MajorParts parts = new MajorParts(decisions, assessmentNote(major, year), List.of(), List.of(), null);
    return new SelfDiagnosisReport(subject, period, name(major), unitName(major), judgedOn, targets, List.of(), List.of(),
        escalations, review, reviewSource, sources, parts);
  }

  private SelfDiagnosisReport assessment(Major major, Subject subject, Period period) {
    Review review = reviews.find(subject, period).orElse(null);
    List<Source> sources = new ArrayList<>();
    List<YearLine> years = new ArrayList<>();
    for (Review ofYear : reviews.of(subject)) {
      int year = ofYear.period().firstYear();
      if (ofYear.period().kind() == PeriodKind.YEAR && year >= period.firstYear() && year <= period.lastYear()) {
        int source = add(sources, year + " 年度专业自我诊断：目标达成、自评等级、问题与措施",
            "诊断记录（专业层面 · " + major.code() + " · " + year + "）", MINUTE.format(ofYear.updatedAt()));
        years.add(new YearLine(year, ofYear.attainment() == null ? null : ofYear.attainment().targetsTotal(),
            ofYear.attainment() == null ? null : ofYear.attainment().targetsMet(),
            ofYear.selfAssessment() == null ? null : ofYear.selfAssessment().selfGrade(),
            ofYear.improvement() == null ? null : ofYear.improvement().problems(),
            ofYear.improvement() == null ? null : ofYear.improvement().measures(),
            ofYear.improvement() == null ? null : ofYear.improvement().approvedBy(), source));
      }
    }
    String key = MajorAssessmentProcess.businessKey(period.code(), major.code());
    Optional<HistoricProcessInstance> instance = latest(MajorAssessmentProcess.KEY, key);
    List<Labelled> materials = new ArrayList<>();
    Panel panel = null;
    if (instance.isPresent()) {
      Map<String, HistoricVariableInstance> variables = new HashMap<>();
      history.createHistoricVariableInstanceQuery().processInstanceId(instance.get().getId())
          .variableNameIn(MATERIALS.keySet().stream().map(ProcessVariable::name).toArray(String[]::new)).list()
          .forEach(variable -> variables.put(variable.getName(), variable));
      MATERIALS.forEach((variable, label) -> {
        HistoricVariableInstance found = variables.get(variable.name());
        if (found != null && found.getValue() instanceof String text && !text.isBlank()) {
          int source = add(sources, "评估材料：" + label, "考核性诊断流程 " + key + " 的提交评估材料（" + variable.name() + "）",
              MINUTE.format(found.getCreateTime().toInstant()));
          materials.add(new Labelled(label + "[" + source + "]", text));
        }
      });
      panel = panel(instance.get().getId(), key, sources);
    }
    int reviewSource = reviewSource(review, subject, period, sources);
    List<Decision> decisions = decisions(MajorAssessmentProcess.KEY, key, REVIEWS_OF_THE_ASSESSMENT, sources);
    var escalations = school.escalationLines(major.unit(), key::equals, sources);
    LocalDate judgedOn = SchoolUnitReports.min(LocalDate.of(period.lastYear(), 12, 31), CollegeTime.today(clock));
    return new SelfDiagnosisReport(subject, period, name(major), unitName(major), judgedOn, List.of(), List.of(), List.of(),
        escalations, review, reviewSource, sources, new MajorParts(decisions, null, years, materials, panel));
  }

  /** The experts' scores as kept in major_expert_review, item by item in the order of the first review. */
  private Panel panel(String processInstanceId, String key, List<Source> sources) {
    List<ExpertReview> kept = expertReviews.of(processInstanceId);
    if (kept.isEmpty()) {
      return null;
    }
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    kept.forEach(review -> ItemScores.items(review.itemScores()).forEach(item -> weights.putIfAbsent(item.item(), item.weight())));
    List<String> items = List.copyOf(weights.keySet());
    List<ExpertLine> experts = new ArrayList<>();
    for (ExpertReview review : kept) {
      Map<String, BigDecimal> scores = new HashMap<>();
      ItemScores.items(review.itemScores()).forEach(item -> scores.put(item.item(), item.score()));
      List<BigDecimal> inOrder = items.stream().map(scores::get).toList();
      experts.add(new ExpertLine(review.expert(), personName(review.expert()), inOrder,
          scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), review.grade(), review.opinion()));
    }
    List<BigDecimal> means = items.stream().map(item -> mean(experts.stream()
        .map(expert -> expert.scores().get(items.indexOf(item))).filter(score -> score != null).toList())).toList();
    BigDecimal meanTotal = mean(experts.stream().map(ExpertLine::total).toList());
    int source = add(sources, "专家逐项评分、专家结论与评审意见（" + experts.size() + " 位专家）",
        "专家评审记录（major_expert_review，考核性诊断流程 " + key + "）", "生成报告时读取");
    return new Panel(items, List.copyOf(weights.values()), experts, means, meanTotal, source);
  }

  /**
   * Each completed review of the subject's work, oldest first: the step, who completed it and when, and whether it
   * went on (通过) or sent the work back (退回, with the reason it gave).
   */
  private List<Decision> decisions(String processKey, String businessKey, Map<String, String> steps, List<Source> sources) {
    Optional<HistoricProcessInstance> instance = latest(processKey, businessKey);
    if (instance.isEmpty()) {
      return List.of();
    }
    String id = instance.get().getId();
    List<HistoricActivityInstance> path = history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .list();
    List<Decision> decisions = new ArrayList<>();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id)
        .taskDefinitionKeyIn(steps.keySet().toArray(String[]::new)).finished().orderByHistoricTaskInstanceEndTime().asc().list()) {
      if (!"completed".equals(task.getDeleteReason())) {
        continue;
      }
      boolean returned = returned(path, task);
      String at = MINUTE.format(task.getEndTime().toInstant());
      String step = steps.get(task.getTaskDefinitionKey());
      int source = add(sources, step + "的结果", "流程 " + businessKey + " 的任务“" + task.getName() + "”办理记录", at);
      decisions.add(new Decision(step, completedBy(task), at, returned ? "退回" : "通过",
          returned ? returnReason(task) : null, source));
    }
    return decisions;
  }

  /**
   * A review returned the work when, of the steps that may follow it, the first to start after it is the work's own
   * step again (the self-diagnosis, the 整改) rather than the next step forward.
   */
  private static boolean returned(List<HistoricActivityInstance> path, HistoricTaskInstance task) {
    return path.stream().filter(step -> !step.getStartTime().before(task.getEndTime())
            && (RETURNED_TO.contains(step.getActivityId()) || FORWARD.contains(step.getActivityId())))
        .min(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .map(next -> RETURNED_TO.contains(next.getActivityId())).orElse(false);
  }

  private String completedBy(HistoricTaskInstance task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return history.createUserOperationLogQuery().taskId(task.getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list().stream().map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst().orElse(null);
  }

  /** The reason a return handed over while the review was completed. */
  private String returnReason(HistoricTaskInstance task) {
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId())
        .variableUpdates().list()) {
      if (detail instanceof HistoricVariableUpdate update && "lastReturnReason".equals(update.getVariableName())
          && task.getActivityInstanceId().equals(update.getActivityInstanceId()) && update.getValue() instanceof String reason) {
        return reason;
      }
    }
    return null;
  }

  /** Where the major's 考核性诊断 stands in the year: the rotation's year in the period, and its conclusion once drawn. */
  private String assessmentNote(Major major, int year) {
    Period period = rotation.periodOf(year);
    var slot = rotation.slots(period).stream().filter(each -> each.major().code().equals(major.code())).findFirst();
    if (slot.isEmpty() || slot.get().year().isEmpty()) {
      return "首届学生尚未毕业，" + period.label() + "周期不安排考核性诊断";
    }
    int assessed = slot.get().year().getAsInt();
    if (assessed != year) {
      return "本专业" + period.label() + "周期的考核性诊断安排在 " + assessed + " 年";
    }
    Review result = reviews.find(Subject.major(major.code()), period).orElse(null);
    String outcome = result == null || result.assessment() == null ? "尚未形成结论" : "结论：" + result.assessment().grade()
        + (result.accountability() == null ? "" : "，领导小组决定：" + result.accountability().decision());
    return "本年度为本专业" + period.label() + "周期的考核性诊断年，" + outcome + "；详见《" + name(major) + " " + period.label()
        + "专业考核性诊断报告》";
  }

  private int reviewSource(Review review, Subject subject, Period period, List<Source> sources) {
    return review == null ? 0 : add(sources, "专业自我诊断、考核性诊断结论、领导小组决定、整改及其验收",
        "诊断记录（" + Level.MAJOR.label() + "层面 · " + subject.id() + " · " + period.code() + "）"
            + (review.attainment() == null ? "" : "，数据测算日 " + review.attainment().judgedOn()),
        MINUTE.format(review.updatedAt()));
  }

  private Optional<HistoricProcessInstance> latest(String processKey, String businessKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst();
  }

  private String personName(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : EngineUserNames.fullName(user);
    return name.isEmpty() ? userId : name;
  }

  private String unitName(Major major) {
    return units.findById(major.unit()).map(unit -> unit.name()).orElse(major.unit());
  }

  static String name(Major major) {
    return major.name() + "（" + major.code() + "）";
  }

  private static BigDecimal mean(List<BigDecimal> values) {
    return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
  }

  private static Map<String, String> reviewSteps(String... idsAndNames) {
    Map<String, String> steps = new LinkedHashMap<>();
    for (int i = 0; i < idsAndNames.length; i += 2) {
      steps.put(idsAndNames[i], idsAndNames[i + 1]);
    }
    return steps;
  }

  private static Map<ProcessVariable<String>, String> materials() {
    Map<ProcessVariable<String>, String> materials = new LinkedHashMap<>();
    materials.put(MajorAssessmentProcess.Variables.STATE_DATA, "状态数据分析");
    materials.put(MajorAssessmentProcess.Variables.MARKET_SURVEY, "市场需求调研");
    materials.put(MajorAssessmentProcess.Variables.GRADUATE_TRACKING, "毕业生跟踪调查");
    materials.put(MajorAssessmentProcess.Variables.EMPLOYER_SATISFACTION, "用人单位满意度调查");
    materials.put(MajorAssessmentProcess.Variables.CERTIFICATION_COMPARISON, "专业认证或评估比对");
    materials.put(MajorAssessmentProcess.Variables.SITE_VISIT_PLAN, "现场考察安排");
    return materials;
  }
}
