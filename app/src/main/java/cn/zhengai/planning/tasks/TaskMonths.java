package cn.zhengai.planning.tasks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The month-by-month state of a task (表6), computed from its deadline and the progress reported, never typed.
 * At the end of each month (or today, for the current month): done once 100% was reported; overdue once the
 * deadline passed without it; behind when the last reported progress lags the straight line from 1 January to the
 * deadline by more than the tolerance; else on track. Months still to come are not due.
 */
public final class TaskMonths {

  /** Percentage points a task may lag the straight line before it counts as behind. */
  public static final int TOLERANCE = 10;

  private TaskMonths() {}

  public static List<MonthState> of(int year, LocalDate deadline, List<Progress> reports, LocalDate today) {
    List<MonthState> states = new ArrayList<>(12);
    for (int month = 1; month <= 12; month++) {
      YearMonth yearMonth = YearMonth.of(year, month);
      if (yearMonth.atDay(1).isAfter(today)) {
        states.add(MonthState.NOT_DUE);
      } else {
        LocalDate end = yearMonth.atEndOfMonth();
        states.add(stateOn(year, deadline, reports, end.isAfter(today) ? today : end));
      }
    }
    return states;
  }

  /** The state as of one day. */
  public static MonthState stateOn(int year, LocalDate deadline, List<Progress> reports, LocalDate day) {
    int percent = percentOn(reports, day);
    if (percent >= 100) {
      return MonthState.DONE;
    }
    if (day.isAfter(deadline)) {
      return MonthState.OVERDUE;
    }
    return percent + TOLERANCE < expectedPercent(year, deadline, day) ? MonthState.BEHIND : MonthState.ON_TRACK;
  }

  /** The share done as last reported on or before a day (0 before any report). */
  public static int percentOn(List<Progress> reports, LocalDate day) {
    return reports.stream().filter(report -> !report.reportedOn().isAfter(day))
        .max(Comparator.comparing(Progress::reportedOn).thenComparing(Progress::sequence)).map(Progress::percent).orElse(0);
  }

  /** The share of the work a straight line from 1 January to the deadline has done by a day. */
  public static int expectedPercent(int year, LocalDate deadline, LocalDate day) {
    LocalDate start = LocalDate.of(year, 1, 1);
    long span = ChronoUnit.DAYS.between(start, deadline) + 1;
    long elapsed = ChronoUnit.DAYS.between(start, day) + 1;
    if (span <= 0 || elapsed >= span) {
      return 100;
    }
    return (int) Math.max(0, elapsed * 100 / span);
  }

  /** A progress report: the day it speaks of, the share done, and its order among reports of the same day. */
  public record Progress(LocalDate reportedOn, int percent, long sequence) {}
}
