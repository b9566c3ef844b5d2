package cn.zhengai.planning.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.NoAppTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 表8's 完成时间 in the forms the seed writes it. */
@NoAppTest
class ScheduleDueTest {

  @Test
  void aMonthIsDueAtItsEnd() {
    assertThat(ScheduleDue.parse("2017.05")).contains(new ScheduleDue(LocalDate.of(2017, 5, 31), false));
    assertThat(ScheduleDue.parse("2018年2月")).contains(new ScheduleDue(LocalDate.of(2018, 2, 28), false));
  }

  @Test
  void aDayIsDueThatDay() {
    assertThat(ScheduleDue.parse("2017.05.20")).contains(new ScheduleDue(LocalDate.of(2017, 5, 20), false));
    assertThat(ScheduleDue.parse("2017-05-20")).contains(new ScheduleDue(LocalDate.of(2017, 5, 20), false));
  }

  @Test
  void theStartOfEveryYearRecursAndCountsOnlyThisYearsCompletion() {
    ScheduleDue yearly = ScheduleDue.parse("每年初").orElseThrow();
    assertThat(yearly.yearly()).isTrue();
    assertThat(yearly.doneIn(2027, LocalDate.of(2027, 2, 1))).isTrue();
    assertThat(yearly.doneIn(2027, LocalDate.of(2026, 2, 1))).isFalse();
    assertThat(ScheduleDue.parse("2017.05").orElseThrow().doneIn(2027, LocalDate.of(2017, 5, 2))).isTrue();
  }

  @Test
  void anythingElseIsRefused() {
    assertThat(ScheduleDue.parse("尽快")).isEmpty();
    assertThat(ScheduleDue.parse("2017.13")).isEmpty();
    assertThat(ScheduleDue.parse("2017.02.30")).isEmpty();
  }
}
