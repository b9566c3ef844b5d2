package cn.zhengai.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.zhengai.monitoring.ControlChart.Bounds;
import cn.zhengai.monitoring.ControlChart.Point;
import cn.zhengai.monitoring.ControlChart.Signal;
import cn.zhengai.support.NoAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * The run rules of the individuals chart (Western Electric / Nelson, as in Montgomery's textbook), each on a series
 * where it must fire and one where it must not. The history before the latest period gives the limits.
 */
@NoAppTest
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

  @Test
  void limitsStopAtTheBoundsOfAQuantityThatCannotLeaveThem() {
    // a small unit's dropouts per month, 2 … 5: centre ≈ 3.55, 3σ ≈ 4.26, so the lower limit would be ≈ -0.7 students
    double[] dropouts = {2, 5, 4, 3, 2, 5, 4, 3, 2, 5, 4};
    Bounds count = Bounds.of("人", "流失学生数", null);
    assertThat(ControlChart.of(series(dropouts, 0), MIN_PERIODS).limits().orElseThrow().lower()).isNegative();
    ControlChart.Limits counted = ControlChart.of(series(dropouts, 0), MIN_PERIODS, count).limits().orElseThrow();
    assertThat(counted.lower()).isZero();
    assertThat(counted.lowerClamped()).isTrue();
    assertThat(counted.upperClamped()).isFalse();
    assertThat(counted.upper()).isCloseTo(3.545 + 2.66 * 1.6, offset(0.01));
    // a month without dropouts lies on the limit, not beyond it; the upper limit still fires
    assertThat(ControlChart.of(series(dropouts, 0), MIN_PERIODS, count).signals()).isEmpty();
    assertThat(rules(ControlChart.of(series(dropouts, 14), MIN_PERIODS, count).signals())).containsExactly(MonitorRule.BEYOND_3_SIGMA);

    // a satisfaction rate near its maximum: the upper limit and the +2σ line stop at 100 %, and 100 % is not beyond them
    double[] satisfaction = {97, 100, 98, 99, 96, 100, 98, 97, 99, 100};
    Bounds percent = Bounds.of("%", "学生评教满意度", null);
    ControlChart.Limits percentLimits = ControlChart.of(series(satisfaction, 100), MIN_PERIODS, percent).limits().orElseThrow();
    assertThat(percentLimits.upper()).isEqualTo(100.0);
    assertThat(percentLimits.above(2)).isEqualTo(100.0);
    assertThat(percentLimits.upperClamped()).isTrue();
    assertThat(ControlChart.of(series(satisfaction, 100, 100), MIN_PERIODS, percent).signals()).isEmpty();
    // a limit inside the range is not moved, and a point beyond it fires
    assertThat(percentLimits.lowerClamped()).isFalse();
    assertThat(percentLimits.lower()).isCloseTo(98.4 - 2.66 * 19 / 9, offset(0.01));
    assertThat(rules(ControlChart.of(series(satisfaction, 90), MIN_PERIODS, percent).signals())).containsExactly(MonitorRule.BEYOND_3_SIGMA);
  }

  @Test
  void theBoundsComeFromTheUnitOfMeasureAndTheDefinition() {
    assertThat(Bounds.of("%", "学生流失率", "RATIO(DROPOUTS, STUDENTS) * 100")).isEqualTo(new Bounds(0.0, 100.0));
    assertThat(Bounds.of("%", "就业率", "RATIO([JY-02], [JY-01]) * 100")).isEqualTo(new Bounds(0.0, 100.0));
    assertThat(Bounds.of("‰", "违纪率", null)).isEqualTo(new Bounds(0.0, 1000.0));
    assertThat(Bounds.of("", "就业率", null)).isEqualTo(new Bounds(0.0, 1.0));
    assertThat(Bounds.of("人次", "企业实践人次", null)).isEqualTo(new Bounds(0.0, null));
    assertThat(Bounds.of("%", "招生计划完成率", null)).isEqualTo(new Bounds(0.0, null));
    // what can be negative or exceed 100 %: a growth, a difference, an amount of money, a ratio without a unit
    assertThat(Bounds.of("%", "在校生数同比增长率", null)).isEqualTo(Bounds.NONE);
    assertThat(Bounds.of("人", "净增学生数", "STUDENTS - LAST_STUDENTS")).isEqualTo(Bounds.NONE);
    assertThat(Bounds.of("万元", "经费结余", null)).isEqualTo(Bounds.NONE);
    assertThat(Bounds.of("", "生师比", "RATIO(STUDENTS, TEACHERS)")).isEqualTo(Bounds.NONE);
    assertThat(Bounds.of("%", "学生流失率", null).label()).isEqualTo("取值范围 0 ~ 100");
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
