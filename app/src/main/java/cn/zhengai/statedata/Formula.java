package cn.zhengai.statedata;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How an indicator is derived from other indicators' readings of the same subject and period, in a small language of
 * its own, parsed and evaluated here with no script engine and no reflection: numbers, + - * /, parentheses,
 * indicator codes ({@code GRADUATES}, or any code in brackets: {@code [JW-01]}) and the functions SUM, AVG, MIN, MAX,
 * COUNT (over their arguments that have a reading) and RATIO(a, b) = a ÷ b. An indicator with no reading for the
 * subject and period makes arithmetic over it undetermined (no derived reading), while the functions pass it over.
 */
public final class Formula {

  static final MathContext PRECISION = MathContext.DECIMAL64;
  private static final Set<String> FUNCTIONS = Set.of("SUM", "AVG", "MIN", "MAX", "COUNT", "RATIO");

  private final String text;
  private final Node root;

  private Formula(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /** Reads a formula; one that cannot be read is refused with a Chinese message naming the place. */
  public static Formula parse(String text) {
    String source = text == null ? "" : text.strip();
    if (source.isEmpty()) {
      throw new FormulaException("公式为空");
    }
    Parser parser = new Parser(source);
    Node root = parser.expression();
    parser.skipSpaces();
    if (parser.position < source.length()) {
      throw parser.problem("多余的“" + source.charAt(parser.position) + "”");
    }
    return new Formula(source, root);
  }

  public String text() {
    return text;
  }

  /** The indicator codes the formula refers to, in order of appearance. */
  public Set<String> references() {
    Set<String> codes = new LinkedHashSet<>();
    root.collect(codes);
    return codes;
  }

  /**
   * The value for one subject and period, given each referred indicator's reading there (empty when it has none);
   * empty when a reading it needs is missing. A division by zero is refused, naming the divisor.
   */
  public Optional<BigDecimal> evaluate(Function<String, Optional<BigDecimal>> readings) {
    return root.value(readings);
  }

  @Override
  public String toString() {
    return text;
  }

  /** A formula that cannot be read or evaluated, in Chinese. */
  public static final class FormulaException extends RuntimeException {
    FormulaException(String message) {
      super(message);
    }
  }

  private sealed interface Node permits Number, Reference, Negation, Arithmetic, Call {
    Optional<BigDecimal> value(Function<String, Optional<BigDecimal>> readings);

    default void collect(Set<String> codes) {}

    /** How the node is written, for naming a divisor. */
    String written();
  }

  private record Number(BigDecimal number) implements Node {
    public Optional<BigDecimal> value(Function<String, Optional<BigDecimal>> readings) {
      return Optional.of(number);
    }

    public String written() {
      return number.toPlainString();
    }
  }

  private record Reference(String code) implements Node {
    public Optional<BigDecimal> value(Function<String, Optional<BigDecimal>> readings) {
      return readings.apply(code);
    }

    public void collect(Set<String> codes) {
      codes.add(code);
    }

    public String written() {
      return "指标「" + code + "」";
    }
  }

  private record Negation(Node operand) implements Node {
    public Optional<BigDecimal> value(Function<String, Optional<BigDecimal>> readings) {
      return operand.value(readings).map(BigDecimal::negate);
    }

    public void collect(Set<String> codes) {
      operand.collect(codes);
    }

    public String written() {
      return "-" + operand.written();
    }
  }

  private record Arithmetic(char operator, Node left, Node right) implements Node {
    public Optional<BigDecimal> value(Function<String, Optional<BigDecimal>> readings) {
      Optional<BigDecimal> a = left.value(readings);
      Optional<BigDecimal> b = right.value(readings);
      if (a.isEmpty() || b.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(switch (operator) {
        case '+' -> a.get().add(b.get(), PRECISION);
        case '-' -> a.get().subtract(b.get(), PRECISION);
        case '*' -> a.get().multiply(b.get(), PRECISION);
        default -> divide(a.get(), b.get(), right);
      });
    }

    public void collect(Set<String> codes) {
      left.collect(codes);
      right.collect(codes);
    }

    public String written() {
      return "(" + left.written() + " " + operator + " " + right.written() + ")";
    }
  }

  private record Call(String function, List<Node> arguments) implements Node {
    public Optional<BigDecimal> value(Function<String, Optional<BigDecimal>> readings) {
      if (function.equals("RATIO")) {
        return new Arithmetic('/', arguments.get(0), arguments.get(1)).value(readings);
      }
      List<BigDecimal> present = new ArrayList<>();
      for (Node argument : arguments) {
        argument.value(readings).ifPresent(present::add);
      }
      if (function.equals("COUNT")) {
        return Optional.of(BigDecimal.valueOf(present.size()));
      }
      if (present.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal sum = present.stream().reduce(BigDecimal.ZERO, (x, y) -> x.add(y, PRECISION));
      return Optional.of(switch (function) {
        case "SUM" -> sum;
        case "AVG" -> sum.divide(BigDecimal.valueOf(present.size()), PRECISION);
        case "MIN" -> present.stream().reduce(BigDecimal::min).orElseThrow();
        default -> present.stream().reduce(BigDecimal::max).orElseThrow();
      });
    }

    public void collect(Set<String> codes) {
      arguments.forEach(argument -> argument.collect(codes));
    }

    public String written() {
      return function + "(" + String.join(", ", arguments.stream().map(Node::written).toList()) + ")";
    }
  }

  private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, Node divisorNode) {
    if (divisor.signum() == 0) {
      throw new FormulaException("除数" + divisorNode.written() + "为 0，无法计算");
    }
    return dividend.divide(divisor, PRECISION);
  }

  /** A recursive-descent parser: expression := term (+|- term)*, term := factor (*|/ factor)*. */
  private static final class Parser {

    private final String source;
    private int position;

    Parser(String source) {
      this.source = source;
    }

    Node expression() {
      Node node = term();
      for (char operator = peek(); operator == '+' || operator == '-'; operator = peek()) {
        position++;
        node = new Arithmetic(operator, node, term());
      }
      return node;
    }

    private Node term() {
      Node node = factor();
      for (char operator = peek(); operator == '*' || operator == '/'; operator = peek()) {
        position++;
        node = new Arithmetic(operator, node, factor());
      }
      return node;
    }

    private Node factor() {
      char next = peek();
      if (next == '-') {
        position++;
        return new Negation(factor());
      }
      if (next == '(') {
        position++;
        Node inner = expression();
        expect(')');
        return inner;
      }
      if (next == '[') {
        int start = ++position;
        int end = source.indexOf(']', start);
        if (end < 0 || end == start) {
          throw problem("“[”之后应为指标编号和“]”");
        }
        position = end + 1;
        return new Reference(source.substring(start, end).strip());
      }
      if (Character.isDigit(next) || next == '.') {
        int start = position;
        while (position < source.length() && (Character.isDigit(source.charAt(position)) || source.charAt(position) == '.')) {
          position++;
        }
        String number = source.substring(start, position);
        try {
          return new Number(new BigDecimal(number));
        } catch (NumberFormatException e) {
          position = start;
          throw problem("“" + number + "”不是数");
        }
      }
      if (Character.isLetter(next) || next == '_') {
        int start = position;
        while (position < source.length() && (Character.isLetterOrDigit(source.charAt(position)) || source.charAt(position) == '_')) {
          position++;
        }
        String name = source.substring(start, position);
        if (peek() != '(') {
          return new Reference(name);
        }
        String function = name.toUpperCase(Locale.ROOT);
        if (!FUNCTIONS.contains(function)) {
          position = start;
          throw problem("没有函数“" + name + "”，可用的函数：SUM、AVG、MIN、MAX、COUNT、RATIO");
        }
        position++;
        List<Node> arguments = new ArrayList<>();
        if (peek() != ')') {
          arguments.add(expression());
          while (peek() == ',' || peek() == '，') {
            position++;
            arguments.add(expression());
          }
        }
        expect(')');
        if (function.equals("RATIO") ? arguments.size() != 2 : arguments.isEmpty()) {
          position = start;
          throw problem(function.equals("RATIO") ? "RATIO 需要两个参数：RATIO(分子, 分母)" : function + " 至少需要一个参数");
        }
        return new Call(function, List.copyOf(arguments));
      }
      throw problem(position >= source.length() ? "公式不完整" : "不认识的“" + next + "”");
    }

    private void expect(char wanted) {
      if (peek() != wanted) {
        throw problem("缺少“" + wanted + "”");
      }
      position++;
    }

    private char peek() {
      skipSpaces();
      return position < source.length() ? source.charAt(position) : '\0';
    }

    void skipSpaces() {
      while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
        position++;
      }
    }

    FormulaException problem(String message) {
      return new FormulaException("公式“" + source + "”第 " + (position + 1) + " 个字符处：" + message);
    }
  }
}
