package cn.zhengai.major;

import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.PeriodKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The rotation of the three-yearly 考核性诊断: in each three-year period every major is assessed exactly once, about a
 * third of them each year. A major keeps its rhythm (assessed three years after its last assessment); a new major is
 * assessed from the year of its first graduating class, and not in a period that ends before that year.
 */
final class AssessmentRotation {

  /** What the rotation needs to know of a major. */
  record Candidate(String code, int firstGraduationYear, OptionalInt lastAssessedYear) {}

  /** A major's assessment year within the period, or none when its first class graduates after the period. */
  record Slot(String code, OptionalInt year) {}

  private AssessmentRotation() {}

  static List<Slot> plan(List<Candidate> majors, Period period) {
    if (period.kind() != PeriodKind.THREE_YEARS) {
      throw new IllegalArgumentException("考核性诊断的轮次以三年为一个周期，" + period.label() + "不是三年周期");
    }
    TreeMap<Integer, Integer> load = new TreeMap<>();
    for (int year = period.firstYear(); year <= period.lastYear(); year++) {
      load.put(year, 0);
    }
    List<Slot> slots = new ArrayList<>();
    // majors bound to a year by their rhythm or their first class go first; the free ones then even out the years
    List<Candidate> ordered = majors.stream().sorted(Comparator.comparingInt((Candidate c) -> choices(c, period))
        .thenComparing(Candidate::code)).toList();
    for (Candidate major : ordered) {
      int earliest = Math.max(period.firstYear(), major.firstGraduationYear());
      if (earliest > period.lastYear()) {
        slots.add(new Slot(major.code(), OptionalInt.empty()));
        continue;
      }
      int year = rhythmYear(major, earliest, period).orElseGet(() -> leastLoaded(load, earliest));
      load.merge(year, 1, Integer::sum);
      slots.add(new Slot(major.code(), OptionalInt.of(year)));
    }
    return slots.stream().sorted(Comparator.comparing(Slot::code)).toList();
  }

  /** Three years after the last assessment, when that falls in the period and after the first class graduates. */
  private static OptionalInt rhythmYear(Candidate major, int earliest, Period period) {
    if (major.lastAssessedYear().isEmpty()) {
      return OptionalInt.empty();
    }
    int due = Math.max(major.lastAssessedYear().getAsInt() + 3, earliest);
    return OptionalInt.of(Math.min(due, period.lastYear()));
  }

  /** How many years of the period the major could take: the fewer, the earlier it is placed. */
  private static int choices(Candidate major, Period period) {
    if (major.lastAssessedYear().isPresent()) {
      return 0;
    }
    int earliest = Math.max(period.firstYear(), major.firstGraduationYear());
    return Math.max(0, period.lastYear() - earliest + 1);
  }

  private static int leastLoaded(TreeMap<Integer, Integer> load, int earliest) {
    return load.tailMap(earliest, true).entrySet().stream().min(Comparator.comparingInt(Map.Entry<Integer, Integer>::getValue)
        .thenComparingInt(Map.Entry::getKey)).orElseThrow().getKey();
  }
}
