package cn.zhengai.statedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.statedata.Formula.FormulaException;
import cn.zhengai.support.NoAppTest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The indicators' formula language: what it reads, what it computes, and what it refuses in Chinese. */
@NoAppTest
class FormulaTest {

  private static final Map<String, BigDecimal> READINGS = Map.of("GRADUATES", new BigDecimal("400"), "EMPLOYED", new BigDecimal("372"),
      "JW-01", new BigDecimal("3"), "ZERO", BigDecimal.ZERO);
  private static final Function<String, Optional<BigDecimal>> READ = code -> Optional.ofNullable(READINGS.get(code));

  private static String value(String formula) {
    return Formula.parse(formula).evaluate(READ).map(value -> value.stripTrailingZeros().toPlainString()).orElse("（无）");
  }

  @Test
  void arithmeticFollowsPrecedenceAndParentheses() {
    assertThat(value("1 + 2 * 3")).isEqualTo("7");
    assertThat(value("(1 + 2) * 3")).isEqualTo("9");
    assertThat(value("10 - 4 - 3")).isEqualTo("3");
    assertThat(value("-2 * -3")).isEqualTo("6");
    assertThat(value("1 / 4")).isEqualTo("0.25");
  }

  @Test
  void referencesAndFunctionsComputeFromReadings() {
    assertThat(value("RATIO(EMPLOYED, GRADUATES) * 100")).isEqualTo("93");
    assertThat(value("SUM(GRADUATES, EMPLOYED, [JW-01])")).isEqualTo("775");
    assertThat(value("avg(GRADUATES, EMPLOYED)")).isEqualTo("386");
    assertThat(value("MIN(GRADUATES, EMPLOYED) + MAX(1, [JW-01])")).isEqualTo("375");
    assertThat(Formula.parse("RATIO(EMPLOYED, GRADUATES) + [JW-01] + EMPLOYED").references()).containsExactly("EMPLOYED", "GRADUATES", "JW-01");
  }

  @Test
  void aMissingReadingLeavesArithmeticUndeterminedWhileFunctionsPassItOver() {
    assertThat(value("EMPLOYED / MISSING")).isEqualTo("（无）");
    assertThat(value("SUM(EMPLOYED, MISSING)")).isEqualTo("372");
    assertThat(value("COUNT(EMPLOYED, MISSING, GRADUATES)")).isEqualTo("2");
    assertThat(value("MAX(MISSING)")).isEqualTo("（无）");
  }

  @Test
  void aZeroDivisorIsRefusedNamingIt() {
    assertThatThrownBy(() -> value("EMPLOYED / ZERO")).isInstanceOf(FormulaException.class).hasMessage("除数指标「ZERO」为 0，无法计算");
    assertThatThrownBy(() -> value("RATIO(EMPLOYED, GRADUATES - 400)")).hasMessage("除数(指标「GRADUATES」 - 400)为 0，无法计算");
  }

  @Test
  void whatIsNotTheLanguageIsRefusedWithItsPlace() {
    assertThatThrownBy(() -> Formula.parse("EMPLOYED / (GRADUATES")).isInstanceOf(FormulaException.class)
        .hasMessage("公式“EMPLOYED / (GRADUATES”第 22 个字符处：缺少“)”");
    assertThatThrownBy(() -> Formula.parse("SQRT(GRADUATES)")).hasMessageContaining("第 1 个字符处：没有函数“SQRT”，可用的函数：SUM、AVG、MIN、MAX、COUNT、RATIO");
    assertThatThrownBy(() -> Formula.parse("RATIO(EMPLOYED)")).hasMessageContaining("RATIO 需要两个参数");
    assertThatThrownBy(() -> Formula.parse("GRADUATES; DROP TABLE reading")).hasMessageContaining("第 10 个字符处：多余的“;”");
    assertThatThrownBy(() -> Formula.parse("java.lang.Runtime.getRuntime()")).hasMessageContaining("第 5 个字符处：多余的“.”");
    assertThatThrownBy(() -> Formula.parse("1..2")).hasMessageContaining("“1..2”不是数");
    assertThatThrownBy(() -> Formula.parse("1 +")).hasMessageContaining("公式不完整");
    assertThatThrownBy(() -> Formula.parse(" ")).hasMessage("公式为空");
  }

  @Test
  void cyclesThroughFormulasAreFound() {
    Map<String, java.util.Set<String>> references = Map.of("A", java.util.Set.of("B"), "B", java.util.Set.of("C"), "C", java.util.Set.of("A"),
        "D", java.util.Set.of("A"));
    assertThat(IndicatorGraph.cycleThrough("A", code -> references.getOrDefault(code, java.util.Set.of()))).contains("A → B → C → A");
    assertThat(IndicatorGraph.cycleThrough("D", code -> references.getOrDefault(code, java.util.Set.of()))).isEmpty();
  }
}
