package cn.zhengai.major;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.major.AssessmentRotation.Candidate;
import cn.zhengai.major.AssessmentRotation.Slot;
import cn.zhengai.spiral.Period;
import cn.zhengai.support.NoAppTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@NoAppTest
class AssessmentRotationTest {

  @Test
  void twelveEstablishedMajorsAreAssessedFourAYearAndKeepTheirYearInTheNextPeriod() {
    List<Candidate> majors = IntStream.rangeClosed(1, 12)
        .mapToObj(n -> new Candidate(String.format("5002%02d", n), 2015, OptionalInt.empty())).toList();

    List<Slot> first = AssessmentRotation.plan(majors, Period.threeYears(2025));
    assertThat(perYear(first)).containsExactly(Map.entry(2025, 4L), Map.entry(2026, 4L), Map.entry(2027, 4L));

    Map<String, Integer> assessed = new HashMap<>();
    first.forEach(slot -> assessed.put(slot.code(), slot.year().getAsInt()));
    List<Candidate> assessedOnce = majors.stream()
        .map(m -> new Candidate(m.code(), 2015, OptionalInt.of(assessed.get(m.code())))).toList();
    List<Slot> second = AssessmentRotation.plan(assessedOnce, Period.threeYears(2028));
    second.forEach(slot -> assertThat(slot.year().getAsInt()).as(slot.code()).isEqualTo(assessed.get(slot.code()) + 3));
  }

  @Test
  void aNewMajorWaitsForItsFirstGraduatingClass() {
    List<Candidate> majors = new ArrayList<>();
    majors.add(new Candidate("460704", 2027, OptionalInt.empty()));
    majors.add(new Candidate("460705", 2029, OptionalInt.empty()));
    IntStream.rangeClosed(1, 5).forEach(n -> majors.add(new Candidate("5002" + n + "0", 2015, OptionalInt.empty())));

    Map<String, OptionalInt> slots = AssessmentRotation.plan(majors, Period.threeYears(2025)).stream()
        .collect(Collectors.toMap(Slot::code, Slot::year));
    assertThat(slots.get("460704")).hasValue(2027);
    assertThat(slots.get("460705")).isEmpty();
    assertThat(AssessmentRotation.plan(majors, Period.threeYears(2028)).stream()
        .filter(slot -> slot.code().equals("460705")).findFirst().orElseThrow().year()).hasValue(2029);
  }

  @Test
  void anOverdueMajorIsAssessedInTheFirstYearItMayBe() {
    List<Slot> slots = AssessmentRotation.plan(List.of(new Candidate("500201", 2015, OptionalInt.of(2020))),
        Period.threeYears(2025));
    assertThat(slots.get(0).year()).hasValue(2025);
  }

  @Test
  void onlyThreeYearPeriodsArePlanned() {
    assertThatThrownBy(() -> AssessmentRotation.plan(List.of(), Period.year(2027))).hasMessageContaining("不是三年周期");
  }

  private static Map<Integer, Long> perYear(List<Slot> slots) {
    return slots.stream().collect(Collectors.groupingBy(slot -> slot.year().getAsInt(), TreeMap::new,
        Collectors.counting()));
  }
}
