package cn.zhengai.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.zhengai.monitoring.ControlChart.Point;
import cn.zhengai.monitoring.ControlChart.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * The run rules of the individuals chart (Western Electric / Nelson, as in Montgomery's textbook), each on a series
 * where it must fire and one where it must not. The history before the latest period gives the limits.
 */
class ControlChartTest {

  private static final int MIN_PERIODS = 8;
  /** A process in control: mean 11.4, mean moving range 2, so σ ≈ 1.77 and the control limits ≈ 6.08 … 16.72. */
  private static final double[] STABLE = {10, 12, 11, 13, 10, 12, 11, 13, 10, 12};
  /** Alternating 10, 12: mean 11, every moving range 2. */
  private static final double[] ALTERNATING = {10, 12, 10, 12, 10, 12, 10, 12, 10, 12};

  @Test
  void limitsAreTheMeanPlusMinus266MeanMovingRangesOfTheHistory() {
    ControlChart chart = ControlChart.of(series(STABLE, 11), MIN_PERIODS);
    ControlChart.Limits limits = chart.limits().orElseThrow();
    assertThat(limits.centre()).isCloseTo(11.4, offset(1e-9));
    assertThat(limits.upper()).isCloseTo(11.4 + 2.66 * 2, offset(0.01));
    assertThat(limits.lower()).isCloseTo(11.4 - 2.66 * 2, offset(0.01));
    assertThat(chart.signals()).isEmpty();
  }

  @Test
  void onePointBeyondThreeSigma() {
    assertThat(rules(ControlChart.of(series(STABLE, 20), MIN_PERIODS).signals())).containsExactly(MonitorRule.BEYOND_3_SIGMA);
    assertThat(rules(ControlChart.of(series(STABLE, 3), MIN_PERIODS).signals())).containsExactly(MonitorRule.BEYOND_3_SIGMA);
    // inside the limits, however close
    assertThat(ControlChart.of(series(STABLE, 16), MIN_PERIODS).signals()).isEmpty();
    Signal signal = ControlChart.of(series(STABLE, 20), MIN_PERIODS).signals().get(0);
    assertThat(signal.upward()).isTrue();
    assertThat(signal.points()).extracting(Point::period).containsExactly("P11");
  }

  @Test
  void twoOfThreeBeyondTwoSigmaOnTheSameSide() {
    List<Signal> signals = ControlChart.of(series(STABLE, 17, 11, 17), MIN_PERIODS).signals();
    assertThat(rules(signals)).containsExactly(MonitorRule.TWO_OF_THREE_BEYOND_2_SIGMA);
    assertThat(signals.get(0).points()).extracting(Point::value).containsExactly(17.0, 17.0);
    // one of three, or two on opposite sides
    assertThat(ControlChart.of(series(STABLE, 17, 11, 12), MIN_PERIODS).signals()).isEmpty();
    assertThat(ControlChart.of(series(STABLE, 17, 11, 6.5), MIN_PERIODS).signals()).isEmpty();
  }

  @Test
  void sevenInARowOnOneSideOfTheCentreLine() {
    List<Signal> signals = ControlChart.of(series(ALTERNATING, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5), MIN_PERIODS).signals();
    assertThat(rules(signals)).containsExactly(MonitorRule.SEVEN_ON_ONE_SIDE);
    assertThat(signals.get(0).points()).hasSize(7);
    // six above, the seventh back below
    assertThat(ControlChart.of(series(ALTERNATING, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 11), MIN_PERIODS).signals()).isEmpty();
  }

  @Test
  void sixInARowSteadilyRisingOrFalling() {
    List<Signal> rising = ControlChart.of(series(ALTERNATING, 10.5, 11, 11.5, 12, 12.5, 13), MIN_PERIODS).signals();
    assertThat(rules(rising)).containsExactly(MonitorRule.SIX_RISING_OR_FALLING);
    assertThat(rising.get(0).upward()).isTrue();
    List<Signal> falling = ControlChart.of(series(ALTERNATING, 11.5, 11, 10.5, 10, 9.5, 9), MIN_PERIODS).signals();
    assertThat(rules(falling)).containsExactly(MonitorRule.SIX_RISING_OR_FALLING);
    assertThat(falling.get(0).upward()).isFalse();
    // five rises and a level step is not steady
    assertThat(ControlChart.of(series(ALTERNATING, 10.5, 11, 11.5, 12, 12.5, 12.5), MIN_PERIODS).signals()).isEmpty();
  }

  @Test
  void aSignalInTheBetterDirectionDoesNotWarn() {
    ControlChart high = ControlChart.of(series(STABLE, 20), MIN_PERIODS);
    assertThat(high.warnings(true)).isEmpty();
    assertThat(rules(high.warnings(false))).containsExactly(MonitorRule.BEYOND_3_SIGMA);
    ControlChart falling = ControlChart.of(series(ALTERNATING, 11.5, 11, 10.5, 10, 9.5, 9), MIN_PERIODS);
    assertThat(rules(falling.warnings(true))).containsExactly(MonitorRule.SIX_RISING_OR_FALLING);
    assertThat(falling.warnings(false)).isEmpty();
  }

  @Test
  void noLimitsAndNoRulesBeforeTheMinimumHistory() {
    double[] seven = DoubleStream.of(STABLE).limit(7).toArray();
    ControlChart tooShort = ControlChart.of(series(seven, 40), MIN_PERIODS);
    assertThat(tooShort.limits()).isEmpty();
    assertThat(tooShort.signals()).isEmpty();
    double[] eight = DoubleStream.of(STABLE).limit(8).toArray();
    assertThat(rules(ControlChart.of(series(eight, 40), MIN_PERIODS).signals())).containsExactly(MonitorRule.BEYOND_3_SIGMA);
  }

  private static List<Point> series(double[] history, double... latest) {
    List<Point> points = new ArrayList<>();
    DoubleStream.concat(DoubleStream.of(history), DoubleStream.of(latest))
        .forEach(value -> points.add(new Point("P" + (points.size() + 1), "第" + (points.size() + 1) + "期", value)));
    return points;
  }

  private static List<MonitorRule> rules(List<Signal> signals) {
    return signals.stream().map(Signal::rule).toList();
  }
}
