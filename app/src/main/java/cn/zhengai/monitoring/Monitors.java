package cn.zhengai.monitoring;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.DailyWork;
import cn.zhengai.monitoring.ControlChart.Point;
import cn.zhengai.monitoring.ControlChart.Signal;
import cn.zhengai.monitoring.MonitorWarnings.Finding;
import cn.zhengai.monitoring.MonitorWarnings.PeriodValue;
import cn.zhengai.monitoring.MonitorWarnings.Warning;
import cn.zhengai.nodes.NodeLock;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTarget;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import cn.zhengai.security.AppAuthority;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Subject;
import cn.zhengai.statedata.Readings;
import cn.zhengai.statedata.Readings.Reading;
import cn.zhengai.statedata.ReadingsLoaded;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitors of state data, each day and after each load: every indicator's series for every subject against its
 * target's warning value and against its own control chart's run rules. A rule that starts firing raises a warning once
 * and asks the owning unit for a correction in the monitoring loop (制定纠偏措施, verified by 质管办); a warning whose
 * rule no longer fires closes itself. One node at a time.
 */
@Service
public class Monitors implements DailyWork {

  static final String LOCK = "monitors";
  static final String CLOSED_NOTE = "数据已回到控制限内、不再触发预警规则，预警已自行关闭";
  private static final Logger LOG = LoggerFactory.getLogger(Monitors.class);

  private final Readings readings;
  private final YearData yearData;
  private final ServedTargets servedTargets;
  private final MonitorWarnings warnings;
  private final DeviationWarnings deviationWarnings;
  private final MonitoringCheckpoints checkpoints;
  private final Notifications notifications;
  private final OrgUnitRepository units;
  private final MonitorSettings settings;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final AppAuthority appAuthority;
  private final NodeLock nodeLock;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Monitors(Readings readings, YearData yearData, ServedTargets servedTargets, MonitorWarnings warnings,
      DeviationWarnings deviationWarnings, MonitoringCheckpoints checkpoints, Notifications notifications, OrgUnitRepository units,
      MonitorSettings settings, @Lazy RuntimeService runtimeService, @Lazy TaskService taskService,
      @Lazy HistoryService historyService, AppAuthority appAuthority, NodeLock nodeLock, JdbcTemplate jdbc,
      PlatformTransactionManager transactions, Clock clock) {
    this.readings = readings;
    this.yearData = yearData;
    this.servedTargets = servedTargets;
    this.warnings = warnings;
    this.deviationWarnings = deviationWarnings;
    this.checkpoints = checkpoints;
    this.notifications = notifications;
    this.units = units;
    this.settings = settings;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.appAuthority = appAuthority;
    this.nodeLock = nodeLock;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    // its own transaction also after a load run inside a folder poll's
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Scheduled(cron = "${zhengai.monitors.cron}", zone = "Asia/Shanghai")
  void daily() {
    LOG.info(runOn(CollegeTime.today(clock)));
  }

  /** After a load: a failing evaluation is logged and tried again by the daily run; the load stands. */
  @EventListener
  void afterLoad(ReadingsLoaded loaded) {
    try {
      LOG.info("数据来源 {} 第 {} 次运行之后：{}", loaded.sourceCode(), loaded.runId(), runOn(CollegeTime.today(clock)));
    } catch (RuntimeException failure) {
      LOG.error("数据来源 {} 第 {} 次运行之后的数据监测失败", loaded.sourceCode(), loaded.runId(), failure);
    }
  }

  @Override
  public String runOn(LocalDate day) {
    Outcome outcome = evaluate(day);
    return "数据监测：新预警 " + outcome.raised() + " 条，自行关闭 " + outcome.closed() + " 条";
  }

  /** Evaluates every series as of the day: raises what starts firing, closes what stopped. */
  public Outcome evaluate(LocalDate day) {
    // the monitors act for the app, also when a person's upload set off the evaluation
    return appAuthority.run(() -> transaction.execute(status -> {
      nodeLock.holdUntilCommit(LOCK);
      Map<String, MonitoredIndicator> indicators = indicators();
      List<Finding> findings = new ArrayList<>();
      readings.forEachSeries(series -> findings.addAll(chartFindings(indicators.get(series.get(0).indicatorCode()), series)));
      findings.addAll(targetFindings(day, indicators));
      Map<String, Warning> open = warnings.open();
      Set<String> firing = new HashSet<>();
      int raised = 0;
      for (Finding finding : findings) {
        String key = MonitorWarnings.key(finding.indicatorCode(), finding.subject(), finding.rule());
        if (firing.add(key) && !open.containsKey(key)) {
          raise(indicators.get(finding.indicatorCode()), finding, day);
          raised++;
        }
      }
      int closed = 0;
      for (Warning warning : open.values()) {
        if (!firing.contains(warning.key())) {
          close(warning, day);
          closed++;
        }
      }
      return new Outcome(raised, closed);
    }));
  }

  /** The control chart of an indicator's series for a subject, with its limits if the history suffices. */
  Optional<Chart> chart(String indicatorCode, Subject subject) {
    MonitoredIndicator indicator = indicators().get(indicatorCode);
    if (indicator == null) {
      return Optional.empty();
    }
    ControlChart chart = ControlChart.of(points(readings.series(indicatorCode, subject)), settings.spcMinPeriods(),
        indicator.bounds());
    return Optional.of(new Chart(indicator, subject, chart, chart.warnings(indicator.higherIsBetter())));
  }

  /** An indicator with what its monitors need: which way is better and who owns it. */
  Optional<MonitoredIndicator> indicator(String code) {
    return Optional.ofNullable(indicators().get(code));
  }

  /** The unit, 全校 or major a subject names, in Chinese. */
  String subjectName(Subject subject) {
    if (subject.level() == Level.MAJOR) {
      return jdbc.queryForList("SELECT name FROM major WHERE code = ?", String.class, subject.id()).stream().findFirst()
          .map(name -> name + "（" + subject.id() + "）").orElse(subject.id());
    }
    return "school".equals(subject.id()) ? "全校" : unitName(subject.id());
  }

  String unitName(String unitId) {
    return units.findById(unitId).map(unit -> unit.name()).orElse(unitId);
  }

  /** The address of an indicator's control chart for a subject. */
  static String chartLink(String indicatorCode, Subject subject) {
    return "/monitors/chart?indicator=" + URLEncoder.encode(indicatorCode, StandardCharsets.UTF_8) + "&level=" + subject.level()
        + "&subject=" + URLEncoder.encode(subject.id(), StandardCharsets.UTF_8);
  }

  private List<Finding> chartFindings(MonitoredIndicator indicator, List<Reading> series) {
    Subject subject = series.get(0).subject();
    ControlChart chart = ControlChart.of(points(series), settings.spcMinPeriods(), indicator.bounds());
    List<Finding> findings = new ArrayList<>();
    for (Signal signal : chart.warnings(indicator.higherIsBetter())) {
      ControlChart.Limits limits = chart.limits().orElseThrow();
      String points = String.join("、", signal.points().stream().map(point -> point.label() + " " + plain(point.value())
          + indicator.unitOfMeasure()).toList());
      findings.add(new Finding(indicator.code(), subject, signal.rule(), indicator.ownerUnitId(), periodValues(signal.points()),
          "指标" + indicator.label() + "（" + subjectName(subject) + "）" + signal.rule().label() + "：" + points + "（中心线 "
              + plain(limits.centre()) + "，控制限 " + plain(limits.lower()) + " ~ " + plain(limits.upper()) + "）"));
    }
    return findings;
  }

  /** Today's rule: a target of the year served by an indicator whose current value crossed its warning value. */
  private List<Finding> targetFindings(LocalDate day, Map<String, MonitoredIndicator> indicators) {
    Map<String, String> servedBy = servedTargets.indicatorByTarget();
    List<Finding> findings = new ArrayList<>();
    for (YearTarget target : yearData.targets(day.getYear())) {
      MonitoredIndicator indicator = indicators.get(servedBy.get(target.code()));
      if (indicator == null || target.currentValue() == null || !target.indicator().warns(target.currentValue())) {
        continue;
      }
      Subject subject = Subject.unit(target.ownerUnitId());
      List<Reading> series = readings.series(indicator.code(), subject);
      String period = series.isEmpty() ? String.valueOf(day.getYear()) : series.get(series.size() - 1).period().code();
      String value = target.currentValue().stripTrailingZeros().toPlainString();
      findings.add(new Finding(indicator.code(), subject, MonitorRule.TARGET_WARNING, target.ownerUnitId(),
          List.of(new PeriodValue(period, value)), "指标" + indicator.label() + "（" + subjectName(subject) + "）"
              + MonitorRule.TARGET_WARNING.label() + "：目标「" + target.name() + "」当前值 " + value + indicator.unitOfMeasure()
              + "，预警值 " + (target.indicator().warningValue() == null ? "—" : target.indicator().warningValue()
                  .stripTrailingZeros().toPlainString() + indicator.unitOfMeasure())
              + "（目标 " + target.indicator().comparison().symbol() + " " + target.indicator().targetValue().stripTrailingZeros()
                  .toPlainString() + indicator.unitOfMeasure() + "）"));
    }
    return findings;
  }

  private void raise(MonitoredIndicator indicator, Finding finding, LocalDate day) {
    Instant now = clock.instant();
    long id = warnings.raise(indicator.id(), finding, now);
    String link = chartLink(finding.indicatorCode(), finding.subject());
    String deviation = finding.description() + "\n控制图：" + link;
    String processInstanceId = checkpoints.startCorrection(finding.ownerUnitId(), day, id, deviation, link);
    warnings.attachProcess(id, processInstanceId);
    deviationWarnings.record(day.getYear(), day, finding.ownerUnitId(),
        new Deviation(Deviation.Kind.INDICATOR, cut(finding.description(), 500)), processInstanceId, now);
    notifications.send(OrgGroups.headsOf(finding.ownerUnitId()), Notifications.Kind.DEVIATION,
        cut("【监测预警】" + unitName(finding.ownerUnitId()) + "：" + indicator.name() + "（" + subjectName(finding.subject()) + "）"
            + finding.rule().label(), 200),
        deviation + "\n请在任务列表中提交纠偏措施。", processInstanceId);
  }

  /**
   * Closes a warning whose rule no longer fires. A correction not yet written is no longer asked for (its instance
   * ends with the reason); one already written stays with 质管办 to verify, the note on its task. The unit's heads are
   * told, and 质管办 too if the warning reached it (a correction to verify, or a rung of the task's escalation ladder).
   */
  private void close(Warning warning, LocalDate day) {
    warnings.close(warning.id(), clock.instant());
    String note = CLOSED_NOTE + "（" + day + "）";
    String correction = "";
    boolean qaOfficeTold = false;
    if (warning.processInstanceId() != null) {
      List<Task> tasks = taskService.createTaskQuery().processInstanceId(warning.processInstanceId()).list();
      qaOfficeTold = qaOfficeTold(warning.processInstanceId());
      if (tasks.stream().anyMatch(task -> MonitoringCheckpointProcess.Elements.TASK_CORRECT_DEVIATION.equals(task.getTaskDefinitionKey()))) {
        runtimeService.deleteProcessInstance(warning.processInstanceId(), note);
        correction = "\n尚未提交的纠偏措施已撤回，无需再提交。";
      } else {
        tasks.forEach(task -> taskService.createComment(task.getId(), warning.processInstanceId(), note));
        correction = tasks.isEmpty() ? "" : "\n已提交的纠偏措施仍由质管办核实。";
      }
    }
    String subject = cut("【预警解除】" + unitName(warning.ownerUnitId()) + "：" + warning.indicatorName() + "（"
        + subjectName(warning.subject()) + "）" + warning.rule().label(), 200);
    String body = note + "。\n原预警：" + warning.description() + correction + "\n控制图："
        + chartLink(warning.indicatorCode(), warning.subject());
    notifications.send(OrgGroups.headsOf(warning.ownerUnitId()), Notifications.Kind.DEVIATION, subject, body,
        warning.processInstanceId());
    if (qaOfficeTold && !OrgGroups.QA_OFFICE.equals(warning.ownerUnitId())) {
      notifications.send(OrgGroups.QA_OFFICE, Notifications.Kind.DEVIATION, subject, body, warning.processInstanceId());
    }
  }

  /** Whether 质管办 has heard of a warning's correction: it was given to verify, or escalated to it. */
  private boolean qaOfficeTold(String processInstanceId) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(MonitoringCheckpointProcess.Elements.TASK_VERIFY_CORRECTION).count() > 0
        || jdbc.queryForObject("SELECT COUNT(*) FROM escalation_record WHERE process_instance_id = ? AND escalated_to = ?",
            Integer.class, processInstanceId, OrgGroups.QA_OFFICE) > 0;
  }

  private Map<String, MonitoredIndicator> indicators() {
    Map<String, MonitoredIndicator> byCode = new HashMap<>();
    jdbc.query("SELECT id, code, name, unit_of_measure, better, owner_unit_id, formula FROM indicator", rs -> {
      String unitOfMeasure = rs.getString("unit_of_measure") == null ? "" : rs.getString("unit_of_measure");
      byCode.put(rs.getString("code"), new MonitoredIndicator(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
          unitOfMeasure, "HIGHER".equals(rs.getString("better")), rs.getString("owner_unit_id"),
          ControlChart.Bounds.of(unitOfMeasure, rs.getString("name"), rs.getString("formula"))));
    });
    return byCode;
  }

  static List<Point> points(List<Reading> series) {
    return series.stream().map(reading -> new Point(reading.period().code(), reading.period().label(), reading.value().doubleValue()))
        .toList();
  }

  private static List<PeriodValue> periodValues(List<Point> points) {
    return points.stream().map(point -> new PeriodValue(point.period(), plain(point.value()))).toList();
  }

  /** A value as people read it: at most two decimals, no trailing zeros. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  /** How many warnings an evaluation raised and closed. */
  public record Outcome(int raised, int closed) {}

  /** An indicator as the monitors judge it, with the range its values cannot leave. */
  record MonitoredIndicator(long id, String code, String name, String unitOfMeasure, boolean higherIsBetter, String ownerUnitId,
      ControlChart.Bounds bounds) {

    String label() {
      return "「" + name + "」";
    }
  }

  /** A control chart as the chart page shows it, with the rules firing at its latest period. */
  record Chart(MonitoredIndicator indicator, Subject subject, ControlChart chart, List<Signal> warnings) {}
}
