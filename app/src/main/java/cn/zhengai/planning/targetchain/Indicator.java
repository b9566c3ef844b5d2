package cn.zhengai.planning.targetchain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target's measurable side: how its value compares, the target, standard and warning values. The rules that
 * keep them consistent, and the readings a diagnosis makes from a value, live here.
 */
public record Indicator(Comparison comparison, BigDecimal targetValue, BigDecimal standardValue, BigDecimal warningValue) {

  private static final Pattern YEAR_VALUE = Pattern.compile("\\s*(\\d{4})\\s*[:：]\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*");
  private static final Pattern SEPARATOR = Pattern.compile("[；;，,、]");

  /** Why the target value does not fit the standard value, in Chinese, if it does not. */
  public Optional<String> targetProblem() {
    if (standardValue == null || comparison == Comparison.EQUAL || comparison.holds(targetValue, standardValue)) {
      return Optional.empty();
    }
    return Optional.of("目标值 " + plain(targetValue) + " 应" + (comparison.higherIsBetter() ? "不低于" : "不高于")
        + "标准值 " + plain(standardValue) + "（比较方式为 " + comparison.symbol() + "）");
  }

  /** Why the warning value cannot warn before the standard is missed, in Chinese, if it cannot. */
  public Optional<String> warningProblem() {
    if (warningValue == null || standardValue == null || between(warningValue, standardValue, targetValue)) {
      return Optional.empty();
    }
    return Optional.of("预警值 " + plain(warningValue) + " 应介于标准值 " + plain(standardValue) + " 与目标值 "
        + plain(targetValue) + " 之间，才能在未达标之前发出预警");
  }

  /** Whether a value reaches the target. */
  public boolean attains(BigDecimal value) {
    return comparison.holds(value, targetValue);
  }

  /** Whether a value has crossed the warning value towards failing (for = : any value off the target). */
  public boolean warns(BigDecimal value) {
    if (comparison == Comparison.EQUAL) {
      return value.compareTo(targetValue) != 0;
    }
    if (warningValue == null) {
      return false;
    }
    int order = value.compareTo(warningValue);
    return comparison.higherIsBetter() ? order <= 0 : order >= 0;
  }

  /**
   * Earlier years' values as users write them ("2024:85；2025:88"), by year; null when the text is not in
   * that form.
   */
  public static Map<Integer, BigDecimal> earlierValues(String text) {
    Map<Integer, BigDecimal> values = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return values;
    }
    for (String part : SEPARATOR.split(text)) {
      Matcher matcher = YEAR_VALUE.matcher(part);
      if (!matcher.matches() || values.put(Integer.parseInt(matcher.group(1)), new BigDecimal(matcher.group(2))) != null) {
        return null;
      }
    }
    return values;
  }

  /** Earlier years' values in the one written form: "2024:85；2025:88". */
  public static String writeEarlierValues(Map<Integer, BigDecimal> values) {
    return String.join("；", values.entrySet().stream().map(entry -> entry.getKey() + ":" + plain(entry.getValue())).toList());
  }

  private static boolean between(BigDecimal value, BigDecimal one, BigDecimal other) {
    return value.compareTo(one.min(other)) >= 0 && value.compareTo(one.max(other)) <= 0;
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
