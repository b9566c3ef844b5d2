package cn.zhengai.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An individuals and moving-range (I-MR) chart of one indicator's series: the limits come from the series' own
 * history (every period before the latest one, at least {@code minPeriods} of them): centre line the mean, σ estimated
 * as the mean moving range ÷ 1.128, control limits centre ± 3σ (= ± 2.66 × mean moving range). The run rules are
 * judged at the latest period: a rule fires when its pattern ends in the latest periods, so that a warning ends when
 * the data comes back. A signal in the better direction is not a warning. A quantity that cannot leave a range (a
 * count is never negative, a percentage never above 100) has its limits stop at the range's bounds, so that no point
 * can lie beyond a limit that sits on a bound.
 */
public final class ControlChart {

  /** d2 for moving ranges of two: σ = mean moving range ÷ d2. */
  private static final double D2 = 1.128;

  private final List<Point> points;
  private final Limits limits;

  private ControlChart(List<Point> points, Limits limits) {
    this.points = points;
    this.limits = limits;
  }

  /** The chart of a series of a quantity without bounds. */
  public static ControlChart of(List<Point> points, int minPeriods) {
    return of(points, minPeriods, Bounds.NONE);
  }

  /** The chart of a series, oldest first; without limits when the history is shorter than {@code minPeriods}. */
  public static ControlChart of(List<Point> points, int minPeriods, Bounds bounds) {
    int history = points.size() - 1;
    if (history < Math.max(minPeriods, 2)) {
      return new ControlChart(points, null);
    }
    double sum = 0;
    double ranges = 0;
    for (int i = 0; i < history; i++) {
      sum += points.get(i).value();
      if (i > 0) {
        ranges += Math.abs(points.get(i).value() - points.get(i - 1).value());
      }
    }
    double centre = sum / history;
    double sigma = ranges / (history - 1) / D2;
    return new ControlChart(points, new Limits(centre, sigma, bounds));
  }

  public List<Point> points() {
    return points;
  }

  /** The limits, if the history is long enough to compute them. */
  public Optional<Limits> limits() {
    return Optional.ofNullable(limits);
  }

  /** The rules firing at the latest period, signals in the better direction left out. */
  public List<Signal> warnings(boolean higherIsBetter) {
    return signals().stream().filter(signal -> signal.upward() != higherIsBetter).toList();
  }

  /** Every rule firing at the latest period, in either direction. */
  public List<Signal> signals() {
    List<Signal> signals = new ArrayList<>();
    if (limits == null) {
      return signals;
    }
    int last = points.size() - 1;
    int side = limits.side(points.get(last).value(), 3);
    if (side != 0) {
      signals.add(new Signal(MonitorRule.BEYOND_3_SIGMA, side > 0, points.subList(last, last + 1)));
    }
    for (int wanted : new int[] {1, -1}) {
      List<Point> beyond = last(3).stream().filter(point -> limits.side(point.value(), 2) == wanted).toList();
      if (beyond.size() >= 2) {
        signals.add(new Signal(MonitorRule.TWO_OF_THREE_BEYOND_2_SIGMA, wanted > 0, beyond));
      }
    }
    List<Point> seven = last(7);
    if (seven.size() == 7) {
      for (int wanted : new int[] {1, -1}) {
        if (seven.stream().allMatch(point -> Integer.signum(Double.compare(point.value(), limits.centre())) == wanted)) {
          signals.add(new Signal(MonitorRule.SEVEN_ON_ONE_SIDE, wanted > 0, seven));
        }
      }
    }
    List<Point> six = last(6);
    if (six.size() == 6) {
      int direction = Integer.signum(Double.compare(six.get(1).value(), six.get(0).value()));
      boolean steady = direction != 0;
      for (int i = 2; i < six.size() && steady; i++) {
        steady = Integer.signum(Double.compare(six.get(i).value(), six.get(i - 1).value())) == direction;
      }
      if (steady) {
        signals.add(new Signal(MonitorRule.SIX_RISING_OR_FALLING, direction > 0, six));
      }
    }
    return signals;
  }

  private List<Point> last(int count) {
    return points.subList(Math.max(0, points.size() - count), points.size());
  }

  /** One period's value: the period's code (2027-03) and as a person reads it (2027年3月). */
  public record Point(String period, String label, double value) {}

  /** Centre line and σ; the control limits are centre ± 3σ, stopped at the quantity's bounds. */
  public record Limits(double centre, double sigma, Bounds bounds) {

    public double upper() {
      return above(3);
    }

    public double lower() {
      return below(3);
    }

    /** centre + kσ, at most the upper bound. */
    public double above(int k) {
      return bounds.max() == null ? centre + k * sigma : Math.min(centre + k * sigma, bounds.max());
    }

    /** centre - kσ, at least the lower bound. */
    public double below(int k) {
      return bounds.min() == null ? centre - k * sigma : Math.max(centre - k * sigma, bounds.min());
    }

    public boolean lowerClamped() {
      return bounds.min() != null && centre - 3 * sigma < bounds.min();
    }

    public boolean upperClamped() {
      return bounds.max() != null && centre + 3 * sigma > bounds.max();
    }

    /** 1 above centre + kσ, -1 below centre - kσ, else 0; a value on a bound is never beyond it. */
    int side(double value, int k) {
      return value > above(k) ? 1 : value < below(k) ? -1 : 0;
    }
  }

  /**
   * The range a quantity cannot leave (null: open on that side), decided from its indicator's unit of measure and
   * definition: a count (人, 次, 门 …) is at least 0; a percentage lies in 0 … 100, a per-mille value in 0 … 1000, a
   * rate without a unit (率, written as 0.93) in 0 … 1. A difference or a change (a formula that subtracts, a name with
   * 增长, 增幅, 增减, 变化, 同比, 环比 or 差) can be negative and above 100 %, so it has no bounds; a completion rate (完成率)
   * can exceed its plan, so it has no upper bound.
   */
  public record Bounds(Double min, Double max) {

    public static final Bounds NONE = new Bounds(null, null);
    private static final Set<String> COUNTS = Set.of("人", "人次", "名", "个", "次", "门", "项", "篇", "部", "本", "册", "件", "份",
        "台", "套", "家", "所", "间", "场", "种", "课时", "学时", "学分", "小时", "天", "节");
    private static final List<String> CHANGES = List.of("增长", "增幅", "增减", "变化", "同比", "环比", "差");

    public static Bounds of(String unitOfMeasure, String name, String formula) {
      String unit = unitOfMeasure == null ? "" : unitOfMeasure.strip();
      String indicatorName = name == null ? "" : name;
      // an indicator code in brackets may hold a hyphen: [JW-01]
      boolean subtracts = formula != null && formula.replaceAll("\\[[^\\]]*\\]", "").contains("-");
      if (subtracts || CHANGES.stream().anyMatch(indicatorName::contains)) {
        return NONE;
      }
      Double max = switch (unit) {
        case "%", "％", "百分比" -> 100.0;
        case "‰" -> 1000.0;
        case "" -> indicatorName.endsWith("率") ? 1.0 : null;
        default -> null;
      };
      if (max == null && !COUNTS.contains(unit)) {
        return NONE;
      }
      return new Bounds(0.0, indicatorName.contains("完成率") ? null : max);
    }

    /** The range as people read it, e.g. 取值范围 0 ~ 100; empty when open on both sides. */
    public String label() {
      if (min == null && max == null) {
        return "";
      }
      return "取值范围 " + (min == null ? "不限" : Monitors.plain(min)) + " ~ " + (max == null ? "不限" : Monitors.plain(max));
    }
  }

  /** A rule firing: its direction (up or down) and the points behind it. */
  public record Signal(MonitorRule rule, boolean upward, List<Point> points) {}
}
