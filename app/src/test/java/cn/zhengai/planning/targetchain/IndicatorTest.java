package cn.zhengai.planning.targetchain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.NoAppTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a target's indicator, and what a diagnosis reads from a value. */
@NoAppTest
class IndicatorTest {

  private static Indicator indicator(String comparison, String target, String standard, String warning) {
    return new Indicator(Comparison.ofSymbol(comparison), new BigDecimal(target), standard == null ? null : new BigDecimal(standard),
        warning == null ? null : new BigDecimal(warning));
  }

  @Test
  void aHigherIsBetterTargetBelowItsStandardIsRefused() {
    assertThat(indicator("≥", "95", "90", "92").targetProblem()).isEmpty();
    assertThat(indicator("≥", "95", "90", "92").warningProblem()).isEmpty();
    assertThat(indicator("≥", "85", "90", null).targetProblem()).contains("目标值 85 应不低于标准值 90（比较方式为 ≥）");
  }

  @Test
  void aLowerIsBetterTargetAboveItsStandardIsRefused() {
    assertThat(indicator("≤", "3", "5", "4").targetProblem()).isEmpty();
    assertThat(indicator("<", "8", "5", null).targetProblem()).contains("目标值 8 应不高于标准值 5（比较方式为 <）");
  }

  @Test
  void theWarningValueLiesBetweenStandardAndTarget() {
    assertThat(indicator("≥", "95", "90", "80").warningProblem()).contains("预警值 80 应介于标准值 90 与目标值 95 之间，才能在未达标之前发出预警");
    assertThat(indicator("≤", "3", "5", "4.5").warningProblem()).isEmpty();
  }

  @Test
  void attainmentAndWarningFollowTheComparison() {
    Indicator employment = indicator("≥", "95", "90", "92");
    assertThat(employment.attains(new BigDecimal("96"))).isTrue();
    assertThat(employment.attains(new BigDecimal("94.9"))).isFalse();
    assertThat(employment.warns(new BigDecimal("92"))).isTrue();
    assertThat(employment.warns(new BigDecimal("93"))).isFalse();
    Indicator dropouts = indicator("≤", "2", "5", "4");
    assertThat(dropouts.attains(new BigDecimal("2"))).isTrue();
    assertThat(dropouts.warns(new BigDecimal("4.5"))).isTrue();
    assertThat(dropouts.warns(new BigDecimal("3"))).isFalse();
    assertThat(indicator("=", "1", null, null).warns(new BigDecimal("0"))).isTrue();
  }

  @Test
  void earlierYearsAreReadInTheirWrittenFormOrRefused() {
    assertThat(Indicator.earlierValues("2025：88; 2024:85.5")).containsExactly(Map.entry(2024, new BigDecimal("85.5")),
        Map.entry(2025, new BigDecimal("88")));
    assertThat(Indicator.writeEarlierValues(Indicator.earlierValues("2025：88; 2024:85.5"))).isEqualTo("2024:85.5；2025:88");
    assertThat(Indicator.earlierValues("")).isEmpty();
    assertThat(Indicator.earlierValues("去年 85")).isNull();
    assertThat(Indicator.earlierValues("2024:85；2024:86")).as("a year twice").isNull();
  }
}
