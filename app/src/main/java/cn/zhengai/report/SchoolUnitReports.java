package cn.zhengai.report;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.escalation.EscalationRecords;
import cn.zhengai.escalation.EscalationRecords.Escalation;
import cn.zhengai.monitoring.Deviation;
import cn.zhengai.monitoring.DeviationWarnings;
import cn.zhengai.monitoring.DeviationWarnings.Warning;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTarget;
import cn.zhengai.planning.YearData.YearTask;
import cn.zhengai.planning.targetchain.Comparison;
import cn.zhengai.planning.targetchain.Indicator;
import cn.zhengai.planning.tasks.MonthState;
import cn.zhengai.report.SelfDiagnosisReport.EscalationLine;
import cn.zhengai.report.SelfDiagnosisReport.Source;
import cn.zhengai.report.SelfDiagnosisReport.TargetLine;
import cn.zhengai.report.SelfDiagnosisReport.TaskLine;
import cn.zhengai.report.SelfDiagnosisReport.TaskOutcome;
import cn.zhengai.report.SelfDiagnosisReport.WarningLine;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The school level's reports: one per unit (职能部门, 二级学院, 质管办) that has targets, tasks or a review in the year.
 * Values are read as kept: the targets (目标指标) with their earlier years' values, 表5/表6 tasks with their progress
 * reports, the checkpoints' warnings, the escalation ladder's records and the unit's review.
 */
@Component
class SchoolUnitReports implements ReportSource {

  static final List<String> OVERSEERS = List.of(Access.ADMIN_GROUP, OrgGroups.QA_OFFICE, OrgGroups.LEADING_GROUP);
  /** Moments as the reports and pages show them, in the college's time. */
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CollegeTime.ZONE);

  private final OrgUnitRepository units;
  private final YearData yearData;
  private final ReviewStore reviews;
  private final DeviationWarnings warnings;
  private final EscalationRecords escalations;
  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  SchoolUnitReports(OrgUnitRepository units, YearData yearData, ReviewStore reviews, DeviationWarnings warnings,
      EscalationRecords escalations, HistoryService history, JdbcTemplate jdbc, Clock clock) {
    this.units = units;
    this.yearData = yearData;
    this.reviews = reviews;
    this.warnings = warnings;
    this.escalations = escalations;
    this.history = history;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Level level() {
    return Level.SCHOOL;
  }

  @Override
  public List<Subject> subjects(Period period) {
    int year = period.firstYear();
    Set<String> active = new LinkedHashSet<>(yearData.unitsWithTasks(year));
    yearData.targets(year).forEach(target -> active.add(target.ownerUnitId()));
    reviews.of(Level.SCHOOL, period).forEach(review -> active.add(review.subject().id()));
    return units.findAll().stream().filter(unit -> active.contains(unit.id())).map(unit -> Subject.unit(unit.id())).toList();
  }

  @Override
  public boolean sees(CurrentUser user, Subject subject) {
    return OVERSEERS.stream().anyMatch(user::isMemberOf) || user.isMemberOf(subject.id());
  }

  @Override
  public SelfDiagnosisReport read(Subject subject, Period period) {
    OrgUnit unit = units.findById(subject.id())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "单位“" + subject.id() + "”不存在"));
    int year = period.firstYear();
    Review review = reviews.find(subject, period).orElse(null);
    LocalDate judgedOn = review != null && review.attainment() != null && review.attainment().judgedOn() != null
        ? review.attainment().judgedOn() : min(LocalDate.of(year, 12, 31), CollegeTime.today(clock));
    List<Source> sources = new ArrayList<>();
    Map<String, OrgUnit> owners = new HashMap<>();
    units.findAll().forEach(each -> owners.put(each.id(), each));
    List<TargetLine> targets = targetLines(year, target -> target.ownerUnitId().equals(unit.id()),
        other -> owners.get(other.ownerUnitId()) != null && owners.get(other.ownerUnitId()).kind() == unit.kind(),
        unit.kind().label(), sources);
    List<TaskLine> tasks = tasks(unit.id(), year, judgedOn, sources);
    List<WarningLine> warningLines = new ArrayList<>();
    for (Warning warning : warnings.ofYear(year)) {
      if (warning.unitId().equals(unit.id())) {
        int source = add(sources, "监测预警：" + warning.subject(), "月度监测预警记录（" + warning.checkpoint() + " 监测点）",
            MINUTE.format(warning.raisedAt()));
        warningLines.add(new WarningLine(warning.checkpoint(), kindLabel(warning.kind()), warning.subject(),
            correction(warning.processInstanceId()), source));
      }
    }
    List<EscalationLine> escalationLines = escalationLines(unit.id(),
        key -> key.equals(String.valueOf(year)) || key.startsWith(year + "-") || key.startsWith(year + "/"), sources);
    int reviewSource = review == null ? 0 : add(sources, "自我诊断、考核性诊断、绩效、问责、学习、创新与改进",
        "诊断记录（" + Level.SCHOOL.label() + "层面 · " + unit.id() + " · " + period.code() + "）"
            + (review.attainment() == null ? "" : "，数据测算日 " + review.attainment().judgedOn()),
        MINUTE.format(review.updatedAt()));
    return new SelfDiagnosisReport(subject, period, unit.name(), unit.kind().label(), judgedOn, targets, tasks, warningLines,
        escalationLines, review, reviewSource, sources);
  }

  /**
   * The year's targets a subject owns, with their values as kept, earlier years' values and the rank among the
   * comparable targets of subjects of the same kind ({@code peerKind} names that kind, e.g. 职能部门 or 专业).
   */
  List<TargetLine> targetLines(int year, Predicate<YearTarget> own, Predicate<YearTarget> sameKind, String peerKind,
      List<Source> sources) {
    List<YearTarget> all = yearData.targets(year);
    Map<String, Provenance> provenance = new HashMap<>();
    jdbc.query("SELECT id, code, earlier_values, updated_by, updated_at FROM target WHERE cycle_year = ?", rs -> {
      provenance.put(rs.getString("code"), new Provenance(rs.getLong("id"), rs.getString("earlier_values"),
          rs.getString("updated_by"), rs.getTimestamp("updated_at")));
    }, year);
    List<TargetLine> lines = new ArrayList<>();
    for (YearTarget target : all) {
      if (!own.test(target)) {
        continue;
      }
      Provenance row = provenance.get(target.code());
      Map<Integer, BigDecimal> earlier = Indicator.earlierValues(row.earlierValues());
      int source = add(sources, "目标指标 " + target.code() + " " + target.name() + "：目标值、标准值、预警值、当前值"
              + (earlier == null || earlier.isEmpty() ? "" : "、往年数值"),
          "目标指标表第 " + row.id() + " 行（编号 " + target.code() + "），由 " + row.updatedBy() + " 录入",
          MINUTE.format(row.updatedAt().toInstant()));
      List<YearTarget> peers = all.stream().filter(other -> comparable(target, other) && sameKind.test(other)).toList();
      Integer rank = null;
      Integer among = null;
      int rankSource = 0;
      if (peers.size() > 1 && target.currentValue() != null) {
        Comparator<BigDecimal> better = target.indicator().comparison().higherIsBetter() ? Comparator.reverseOrder()
            : Comparator.naturalOrder();
        rank = 1 + (int) peers.stream().filter(peer -> better.compare(peer.currentValue(), target.currentValue()) < 0).count();
        among = peers.size();
        rankSource = add(sources, "目标指标 " + target.code() + " 的同类单位排名", "目标指标表中 " + year + " 年度同名指标“" + target.name()
            + "”的当前值（" + peerKind + " " + among + " 个）", "生成报告时读取");
      }
      lines.add(new TargetLine(target.code(), target.name(), target.unitOfMeasure(), target.indicator().comparison().symbol(),
          target.indicator().targetValue(), target.indicator().standardValue(), target.indicator().warningValue(),
          target.currentValue(), target.verdict(), earlier == null ? Map.of() : earlier, rank, among, source, rankSource));
    }
    return lines;
  }

  /** Same indicator, same measure, same direction, with a value: only then is a rank meaningful. */
  private static boolean comparable(YearTarget one, YearTarget other) {
    return other.currentValue() != null && other.name().equals(one.name())
        && String.valueOf(other.unitOfMeasure()).equals(String.valueOf(one.unitOfMeasure()))
        && other.indicator().comparison() == one.indicator().comparison()
        && one.indicator().comparison() != Comparison.EQUAL;
  }

  private List<TaskLine> tasks(String unitId, int year, LocalDate judgedOn, List<Source> sources) {
    List<YearTask> tasks = yearData.tasks(year, unitId);
    List<Long> ids = jdbc.queryForList("SELECT id FROM work_task WHERE plan_year = ? AND unit_id = ? ORDER BY id", Long.class,
        year, unitId);
    List<TaskLine> lines = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      YearTask task = tasks.get(i);
      TaskOutcome outcome = task.doneInTime() ? TaskOutcome.ON_TIME : task.stateOn(judgedOn) == MonthState.DONE
          ? TaskOutcome.LATE : task.deadline().isBefore(judgedOn) ? TaskOutcome.OVERDUE : TaskOutcome.OPEN;
      var last = task.reports().stream().reduce((first, second) -> second);
      int source = add(sources, "任务“" + task.title() + "”的完成情况", "表6 任务跟踪第 " + ids.get(i) + " 行"
          + (last.isPresent() ? "及其进度填报" : "（无进度填报）"), last.map(report -> "进度填报于 " + report.reportedOn())
          .orElse("截至 " + judgedOn));
      lines.add(new TaskLine(task.kind().label(), task.title(), task.deadline(), task.person(),
          last.map(report -> report.percent()).orElse(0), outcome, source));
    }
    return lines;
  }

  /** The escalation ladder's rungs on a unit's tasks, of the processes whose business key {@code ofKey} accepts. */
  List<EscalationLine> escalationLines(String unitId, Predicate<String> ofKey, List<Source> sources) {
    List<EscalationLine> lines = new ArrayList<>();
    for (Escalation escalation : escalations.findAll(unitId)) {
      String key = escalation.businessKey() == null ? "" : escalation.businessKey();
      if (ofKey.test(key)) {
        String at = MINUTE.format(escalation.escalatedAt());
        String task = activityName(escalation);
        int source = add(sources, "升级督办：" + task, "升级记录（流程 " + key + "，" + stageLabel(escalation.stage()) + "）", at);
        lines.add(new EscalationLine(task, stageLabel(escalation.stage()), escalation.escalatedTo(), at, source));
      }
    }
    return lines;
  }

  private String correction(String checkpointInstance) {
    HistoricProcessInstance instance = checkpointInstance == null ? null
        : history.createHistoricProcessInstanceQuery().processInstanceId(checkpointInstance).singleResult();
    if (instance == null) {
      return "无纠偏记录";
    }
    return instance.getEndTime() == null ? "纠偏中" : "纠偏已完成（" + MINUTE.format(instance.getEndTime().toInstant()) + "）";
  }

  private String activityName(Escalation escalation) {
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(escalation.processInstanceId()).activityId(escalation.activityId()).list();
    return activities.isEmpty() || activities.get(0).getActivityName() == null ? escalation.activityId()
        : activities.get(0).getActivityName();
  }

  private static String kindLabel(Deviation.Kind kind) {
    return switch (kind) {
      case TASK_BEHIND -> "任务滞后";
      case TASK_OVERDUE -> "任务逾期";
      case INDICATOR -> "指标越过预警值";
    };
  }

  private static String stageLabel(String stage) {
    return switch (stage) {
      case "REMINDER" -> "到期前提醒";
      case "QA_OFFICE" -> "逾期告知质管办";
      case "LEADING_GROUP" -> "升级至领导小组";
      default -> stage;
    };
  }

  static int add(List<Source> sources, String what, String where, String takenAt) {
    sources.add(new Source(sources.size() + 1, what, where, takenAt));
    return sources.size();
  }

  static LocalDate min(LocalDate one, LocalDate other) {
    return one.isBefore(other) ? one : other;
  }

  private record Provenance(long id, String earlierValues, String updatedBy, Timestamp updatedAt) {}
}
