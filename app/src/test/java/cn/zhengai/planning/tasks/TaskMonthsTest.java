package cn.zhengai.planning.tasks;

import static cn.zhengai.planning.tasks.MonthState.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.planning.tasks.TaskMonths.Progress;
import cn.zhengai.support.NoAppTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 表6's months, derived from the deadline and the progress reported. */
@NoAppTest
class TaskMonthsTest {

  private static final LocalDate JANUARY_1 = LocalDate.of(2027, 1, 1);
  private static final LocalDate JUNE_30 = LocalDate.of(2027, 6, 30);
  private static final int TOLERANCE = 10;

  @Test
  void monthsStillToComeAreNotDue() {
    List<MonthState> months = TaskMonths.of(2027, JANUARY_1, JUNE_30, List.of(), LocalDate.of(2027, 2, 10), TOLERANCE);
    assertThat(months.subList(2, 12)).containsOnly(NOT_DUE);
  }

  @Test
  void progressOnTheStraightLineIsOnTrackAndProgressFarBelowItIsBehind() {
    // by the end of January a task due on 30 June should be about 17% done
    List<Progress> reports = List.of(new Progress(LocalDate.of(2027, 1, 20), 15, 1), new Progress(LocalDate.of(2027, 2, 25), 15, 2));
    List<MonthState> months = TaskMonths.of(2027, JANUARY_1, JUNE_30, reports, LocalDate.of(2027, 3, 31), TOLERANCE);
    assertThat(months.subList(0, 3)).containsExactly(ON_TRACK, BEHIND, BEHIND);
  }

  @Test
  void aTaskReportedDoneIsDoneFromThatMonthOn() {
    List<Progress> reports = List.of(new Progress(LocalDate.of(2027, 1, 31), 20, 1), new Progress(LocalDate.of(2027, 4, 12), 100, 2));
    List<MonthState> months = TaskMonths.of(2027, JANUARY_1, JUNE_30, reports, LocalDate.of(2027, 12, 31), TOLERANCE);
    assertThat(months.get(0)).isEqualTo(ON_TRACK);
    assertThat(months.subList(3, 12)).containsOnly(DONE);
  }

  @Test
  void aTaskNotDoneByItsDeadlineIsOverdueUntilItIsDone() {
    List<Progress> reports = List.of(new Progress(LocalDate.of(2027, 6, 20), 90, 1), new Progress(LocalDate.of(2027, 9, 3), 100, 2));
    List<MonthState> months = TaskMonths.of(2027, JANUARY_1, JUNE_30, reports, LocalDate.of(2027, 12, 31), TOLERANCE);
    assertThat(months.get(5)).isEqualTo(ON_TRACK);
    assertThat(months.subList(6, 8)).containsOnly(OVERDUE);
    assertThat(months.subList(8, 12)).containsOnly(DONE);
  }

  @Test
  void theCurrentMonthIsJudgedAsOfToday() {
    // due 30 June; on 10 June with 80% done: on track, although the month's end would call it lagging
    List<Progress> reports = List.of(new Progress(LocalDate.of(2027, 6, 1), 80, 1));
    assertThat(TaskMonths.of(2027, JANUARY_1, JUNE_30, reports, LocalDate.of(2027, 6, 10), TOLERANCE).get(5)).isEqualTo(ON_TRACK);
    assertThat(TaskMonths.stateOn(JANUARY_1, JUNE_30, reports, LocalDate.of(2027, 7, 1), TOLERANCE)).isEqualTo(OVERDUE);
  }

  @Test
  void theLaterOfTwoReportsOnOneDayCounts() {
    List<Progress> reports = List.of(new Progress(LocalDate.of(2027, 3, 1), 100, 7), new Progress(LocalDate.of(2027, 3, 1), 60, 8));
    assertThat(TaskMonths.stateOn(JANUARY_1, JUNE_30, reports, LocalDate.of(2027, 3, 31), TOLERANCE)).isEqualTo(ON_TRACK);
  }

  @Test
  void aTaskIsJudgedAgainstItsOwnPlanFromTheDayItWasEntered() {
    // entered on 1 June, due 30 June, 45% done on 15 June: on its plan (50%); judged from 1 January (91%) it would lag
    List<Progress> reports = List.of(new Progress(LocalDate.of(2027, 6, 15), 45, 1));
    LocalDate start = TaskMonths.start(2027, null, LocalDate.of(2027, 6, 1));
    assertThat(TaskMonths.stateOn(start, JUNE_30, reports, LocalDate.of(2027, 6, 15), TOLERANCE)).isEqualTo(ON_TRACK);
    assertThat(TaskMonths.stateOn(JANUARY_1, JUNE_30, reports, LocalDate.of(2027, 6, 15), TOLERANCE)).isEqualTo(BEHIND);
    assertThat(TaskMonths.start(2027, null, LocalDate.of(2026, 12, 20))).as("entered the year before: from 1 January").isEqualTo(JANUARY_1);
    assertThat(TaskMonths.start(2027, null, null)).isEqualTo(JANUARY_1);
  }

  @Test
  void seasonalWorkIsJudgedFromItsPlannedStart() {
    // 迎新 planned from 1 August, due 30 September, nothing reported by the end of April: not behind, not yet started
    LocalDate start = TaskMonths.start(2027, LocalDate.of(2027, 8, 1), LocalDate.of(2027, 1, 10));
    assertThat(start).isEqualTo(LocalDate.of(2027, 8, 1));
    LocalDate due = LocalDate.of(2027, 9, 30);
    assertThat(TaskMonths.stateOn(start, due, List.of(), LocalDate.of(2027, 4, 30), TOLERANCE)).isEqualTo(ON_TRACK);
    assertThat(TaskMonths.stateOn(JANUARY_1, due, List.of(), LocalDate.of(2027, 4, 30), TOLERANCE)).as("from 1 January it would lag")
        .isEqualTo(BEHIND);
    assertThat(TaskMonths.stateOn(start, due, List.of(), LocalDate.of(2027, 8, 31), TOLERANCE)).as("a month into its plan, nothing done")
        .isEqualTo(BEHIND);
  }
}
