package cn.zhengai.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An individuals and moving-range (I-MR) chart of one indicator's series: the limits come from the series' own
 * history (every period before the latest one, at least {@code minPeriods} of them): centre line the mean, σ estimated
 * as the mean moving range ÷ 1.128, control limits centre ± 3σ (= ± 2.66 × mean moving range). The run rules are
 * judged at the latest period: a rule fires when its pattern ends in the latest periods, so that a warning ends when
 * the data comes back. A signal in the better direction is not a warning.
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

  /** The chart of a series, oldest first; without limits when the history is shorter than {@code minPeriods}. */
  public static ControlChart of(List<Point> points, int minPeriods) {
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
    return new ControlChart(points, new Limits(centre, sigma));
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

  /** Centre line and σ; the control limits are centre ± 3σ. */
  public record Limits(double centre, double sigma) {

    public double upper() {
      return centre + 3 * sigma;
    }

    public double lower() {
      return centre - 3 * sigma;
    }

    /** 1 above centre + kσ, -1 below centre - kσ, else 0. */
    int side(double value, int k) {
      return value > centre + k * sigma ? 1 : value < centre - k * sigma ? -1 : 0;
    }
  }

  /** A rule firing: its direction (up or down) and the points behind it. */
  public record Signal(MonitorRule rule, boolean upward, List<Point> points) {}
}
