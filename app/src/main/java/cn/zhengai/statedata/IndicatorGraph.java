package cn.zhengai.statedata;

import cn.zhengai.statedata.Indicators.Definition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** How derived indicators depend on each other through their formulas: an order to compute them in, and cycles. */
final class IndicatorGraph {

  private IndicatorGraph() {}

  /** The derived indicators, each after the derived ones its formula refers to. */
  static List<Definition> derivationOrder(Map<String, Definition> indicators) {
    List<Definition> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (Definition indicator : indicators.values()) {
      place(indicator, indicators, placed, order);
    }
    return order;
  }

  private static void place(Definition indicator, Map<String, Definition> indicators, Set<String> placed, List<Definition> order) {
    if (!indicator.derived() || !placed.add(indicator.code())) {
      return;
    }
    for (String code : indicator.formula().references()) {
      Definition referred = indicators.get(code);
      if (referred != null) {
        place(referred, indicators, placed, order);
      }
    }
    order.add(indicator);
  }

  /**
   * The cycle an indicator's formula closes, written 甲 → 乙 → 甲, if it closes one; {@code references} gives each
   * code's referred codes (empty for a measured indicator).
   */
  static Optional<String> cycleThrough(String code, Function<String, Set<String>> references) {
    List<String> path = new ArrayList<>();
    path.add(code);
    return walk(code, code, references, path, new HashSet<>());
  }

  private static Optional<String> walk(String start, String at, Function<String, Set<String>> references, List<String> path,
      Set<String> seen) {
    for (String next : references.apply(at)) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return Optional.of(String.join(" → ", cycle));
      }
      if (seen.add(next)) {
        path.add(next);
        Optional<String> found = walk(start, next, references, path, seen);
        if (found.isPresent()) {
          return found;
        }
        path.remove(path.size() - 1);
      }
    }
    return Optional.empty();
  }

}
