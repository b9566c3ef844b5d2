package cn.zhengai.monitoring;

import cn.zhengai.monitoring.ControlChart.Point;
import cn.zhengai.monitoring.ControlChart.Signal;
import cn.zhengai.monitoring.MonitorWarnings.State;
import cn.zhengai.monitoring.MonitorWarnings.Warning;
import cn.zhengai.monitoring.Monitors.Chart;
import cn.zhengai.monitoring.Monitors.MonitoredIndicator;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Subject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monitors' API: an indicator's control chart for a subject, the warnings, and their Pareto for 质管办. A unit's
 * heads see the charts and warnings of their own unit (as the subject or as the indicator's owner); 质管办 and the
 * leading group see all.
 */
@Tag(name = "数据监测")
@RestController
@RequestMapping("/api/monitors")
class MonitorController {

  private final Monitors monitors;
  private final MonitorWarnings warnings;
  private final MonitorSettings settings;

  MonitorController(Monitors monitors, MonitorWarnings warnings, MonitorSettings settings) {
    this.monitors = monitors;
    this.warnings = warnings;
    this.settings = settings;
  }

  @Operation(summary = "指标对一个对象的控制图（单值-移动极差图）：中心线、控制限、各期数值、触发规则的点")
  @GetMapping("/chart")
  ShownChart chart(@RequestParam String indicator, @RequestParam(defaultValue = "SCHOOL") String level,
      @RequestParam(defaultValue = "school") String subject, Authentication authentication) {
    Subject of = subject(level, subject);
    MonitoredIndicator monitored = monitors.indicator(indicator)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "指标“" + indicator + "”不存在"));
    String subjectName = monitors.subjectName(of);
    mayRead(authentication, "查看" + subjectName + "的指标控制图", monitored.ownerUnitId(), of);
    Chart chart = monitors.chart(indicator, of).orElseThrow();
    Set<String> flagged = new LinkedHashSet<>();
    chart.warnings().forEach(signal -> signal.points().forEach(point -> flagged.add(point.period())));
    List<ShownPoint> points = chart.chart().points().stream()
        .map(point -> new ShownPoint(point.period(), point.label(), point.value(), flagged.contains(point.period()))).toList();
    ShownLimits limits = chart.chart().limits().map(l -> new ShownLimits(l.centre(), l.upper(), l.lower(), l.above(2), l.below(2),
        l.upperClamped(), l.lowerClamped())).orElse(null);
    return new ShownChart(monitored.code(), monitored.name(), monitored.unitOfMeasure(), monitored.higherIsBetter() ? "越高越好" : "越低越好",
        of.level().name(), of.id(), subjectName, monitored.ownerUnitId(), monitors.unitName(monitored.ownerUnitId()),
        monitored.bounds().label(), settings.spcMinPeriods(), limits, points,
        chart.warnings().stream().map(MonitorController::shown).toList(), warnings.openOf(indicator, of).stream().map(this::shown).toList(),
        limits == null ? "历史不足 " + settings.spcMinPeriods() + " 个周期（另加最新一期），暂不计算控制限" : null);
  }

  @Operation(summary = "数据监测的预警，新的在前（state=OPEN 未关闭、CLOSED 已关闭；不填为全部）；单位负责人只看到本单位的")
  @GetMapping("/warnings")
  List<ShownWarning> warnings(@RequestParam(required = false) State state, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return warnings.list(state).stream().filter(warning -> seesAll(user) || heads(user, warning.ownerUnitId(), warning.subject()))
        .map(this::shown).toList();
  }

  @Operation(summary = "预警的帕累托分析（质管办、领导小组）：按责任单位（by=unit）或按触发规则（by=rule）计数，从多到少，附累计百分比")
  @GetMapping("/pareto")
  Pareto pareto(@RequestParam(defaultValue = "unit") String by, Authentication authentication) {
    Access.requireAnyGroup(authentication, "查看预警的帕累托分析", OrgGroups.QA_OFFICE, OrgGroups.LEADING_GROUP);
    Function<Warning, String> cause = switch (by) {
      case "unit" -> warning -> monitors.unitName(warning.ownerUnitId());
      case "rule" -> warning -> warning.rule().label();
      default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by 应为 unit（按责任单位）或 rule（按触发规则），不是“" + by + "”");
    };
    List<Warning> all = warnings.list(null);
    Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(cause, LinkedHashMap::new, Collectors.counting()));
    List<Bar> bars = new ArrayList<>();
    long cumulative = 0;
    for (Map.Entry<String, Long> entry : counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey())).toList()) {
      cumulative += entry.getValue();
      bars.add(new Bar(entry.getKey(), entry.getValue(), Math.round(1000.0 * cumulative / all.size()) / 10.0));
    }
    return new Pareto("unit".equals(by) ? "责任单位" : "触发规则", all.size(), bars);
  }

  private static Subject subject(String level, String id) {
    try {
      return new Subject(Level.valueOf(level), id);
    } catch (IllegalArgumentException wrong) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "对象层面应为 SCHOOL 或 MAJOR，不是“" + level + "”");
    }
  }

  /** 质管办, the leading group, and the heads of the indicator's owner or of the subject unit. */
  private static void mayRead(Authentication authentication, String what, String ownerUnitId, Subject subject) {
    List<String> groups = new ArrayList<>(List.of(OrgGroups.QA_OFFICE, OrgGroups.LEADING_GROUP, OrgGroups.headsOf(ownerUnitId)));
    if (subject.level() == Level.SCHOOL && !subject.id().equals(ownerUnitId) && !"school".equals(subject.id())) {
      groups.add(OrgGroups.headsOf(subject.id()));
    }
    Access.requireAnyGroup(authentication, what, groups.toArray(String[]::new));
  }

  private static boolean seesAll(CurrentUser user) {
    return user.isMemberOf(Access.ADMIN_GROUP) || user.isMemberOf(OrgGroups.QA_OFFICE) || user.isMemberOf(OrgGroups.LEADING_GROUP);
  }

  private static boolean heads(CurrentUser user, String ownerUnitId, Subject subject) {
    return user.isMemberOf(OrgGroups.headsOf(ownerUnitId)) || subject.level() == Level.SCHOOL && user.isMemberOf(OrgGroups.headsOf(subject.id()));
  }

  private static ShownSignal shown(Signal signal) {
    return new ShownSignal(signal.rule().name(), signal.rule().label(), signal.upward() ? "向上" : "向下",
        signal.points().stream().map(Point::period).toList());
  }

  private ShownWarning shown(Warning warning) {
    return new ShownWarning(warning.id(), warning.indicatorCode(), warning.indicatorName(), warning.subject().level().name(),
        warning.subject().id(), monitors.subjectName(warning.subject()), warning.rule().name(), warning.rule().label(),
        warning.ownerUnitId(), monitors.unitName(warning.ownerUnitId()), warning.points(), warning.description(),
        warning.state().name(), warning.state() == State.OPEN ? "未关闭" : "已自行关闭", warning.raisedAt(), warning.closedAt(),
        warning.processInstanceId(), Monitors.chartLink(warning.indicatorCode(), warning.subject()));
  }

  /** The limits as drawn; a limit that would pass the quantity's bound stops at it (clamped). */
  record ShownLimits(double centre, double upper, double lower, double upper2Sigma, double lower2Sigma, boolean upperClamped,
      boolean lowerClamped) {}

  record ShownPoint(String period, String label, double value, boolean flagged) {}

  record ShownSignal(String rule, String ruleLabel, String direction, List<String> periods) {}

  record ShownWarning(long id, String indicator, String indicatorName, String subjectLevel, String subject, String subjectName,
      String rule, String ruleLabel, String owner, String ownerName, List<MonitorWarnings.PeriodValue> points, String description,
      String state, String stateLabel, Instant raisedAt, Instant closedAt, String processInstanceId, String chartLink) {}

  record ShownChart(String indicator, String indicatorName, String unitOfMeasure, String better, String subjectLevel, String subject,
      String subjectName, String owner, String ownerName, String bounds, int minPeriods, ShownLimits limits, List<ShownPoint> points,
      List<ShownSignal> signals, List<ShownWarning> openWarnings, String message) {}

  record Bar(String name, long count, double cumulativePercent) {}

  record Pareto(String by, long total, List<Bar> bars) {}
}
