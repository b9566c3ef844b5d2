package cn.zhengai.planning.targetchain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** How an indicator's value is compared with its target: the symbols users write, the codes stored. */
public enum Comparison {
  GREATER(">", ">"),
  LESS("<", "<"),
  EQUAL("=", "="),
  AT_LEAST("≥", ">="),
  AT_MOST("≤", "<=");

  private final String symbol;
  private final String code;

  Comparison(String symbol, String code) {
    this.symbol = symbol;
    this.code = code;
  }

  public String symbol() {
    return symbol;
  }

  public String code() {
    return code;
  }

  /** Whether a higher value is the better one (>, ≥); for = neither is. */
  public boolean higherIsBetter() {
    return this == GREATER || this == AT_LEAST;
  }

  /** Whether {@code value} meets {@code reference} under this comparison. */
  public boolean holds(BigDecimal value, BigDecimal reference) {
    int order = value.compareTo(reference);
    return switch (this) {
      case GREATER -> order > 0;
      case LESS -> order < 0;
      case EQUAL -> order == 0;
      case AT_LEAST -> order >= 0;
      case AT_MOST -> order <= 0;
    };
  }

  public static List<String> symbols() {
    return Arrays.stream(values()).map(Comparison::symbol).toList();
  }

  public static Comparison ofSymbol(String symbol) {
    return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst().orElseThrow(() -> new IllegalArgumentException(symbol));
  }

  public static Comparison ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst().orElseThrow(() -> new IllegalArgumentException(code));
  }
}
