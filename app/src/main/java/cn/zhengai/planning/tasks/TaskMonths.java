package cn.zhengai.planning.tasks;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The month-by-month state of a task (表6), computed from its deadline and the progress reported, never typed.
 * At the end of each month (or today, for the current month): done once 100% was reported; overdue once the
 * deadline passed without it; behind when the last reported progress lags the task's own plan, a straight line from
 * the day its work starts to its deadline, by more than the tolerance; else on track. Months still to come are not
 * due. A task's work starts on its planned start, else on the later of 1 January of its year and the day it was entered, so a task added in
 * June is not behind the moment it is entered.
 */
public final class TaskMonths {

  private TaskMonths() {}

  public static List<MonthState> of(int year, LocalDate start, LocalDate deadline, List<Progress> reports, LocalDate today,
      int tolerancePercent) {
    List<MonthState> states = new ArrayList<>(12);
    for (int month = 1; month <= 12; month++) {
      YearMonth yearMonth = YearMonth.of(year, month);
      if (yearMonth.atDay(1).isAfter(today)) {
        states.add(MonthState.NOT_DUE);
      } else {
        LocalDate end = yearMonth.atEndOfMonth();
        states.add(stateOn(start, deadline, reports, end.isAfter(today) ? today : end, tolerancePercent));
      }
    }
    return states;
  }

  /** The state as of one day; {@code tolerancePercent} is how many percentage points a task may lag its plan. */
  public static MonthState stateOn(LocalDate start, LocalDate deadline, List<Progress> reports, LocalDate day,
      int tolerancePercent) {
    int percent = percentOn(reports, day);
    if (percent >= 100) {
      return MonthState.DONE;
    }
    if (day.isAfter(deadline)) {
      return MonthState.OVERDUE;
    }
    return percent + tolerancePercent < expectedPercent(start, deadline, day) ? MonthState.BEHIND : MonthState.ON_TRACK;
  }

  /** The share done as last reported on or before a day (0 before any report). */
  public static int percentOn(List<Progress> reports, LocalDate day) {
    return reports.stream().filter(report -> !report.reportedOn().isAfter(day))
        .max(Comparator.comparing(Progress::reportedOn).thenComparing(Progress::sequence)).map(Progress::percent).orElse(0);
  }

  /**
   * The day a task's work starts: its planned start (表6's 计划开始) where one is set; else 1 January of its year, or
   * the day it was entered if later (null: not known).
   */
  public static LocalDate start(int year, LocalDate plannedStart, LocalDate enteredOn) {
    if (plannedStart != null) {
      return plannedStart;
    }
    LocalDate firstDay = LocalDate.of(year, 1, 1);
    return enteredOn == null || enteredOn.isBefore(firstDay) ? firstDay : enteredOn;
  }

  /** Reads a task's start from its {@code work_task} row. */
  public static LocalDate start(ResultSet rs) throws SQLException {
    Date planned = rs.getDate("start_date");
    Date entered = rs.getDate("entered_on");
    return start(rs.getInt("plan_year"), planned == null ? null : planned.toLocalDate(), entered == null ? null : entered.toLocalDate());
  }

  /** The share of the work a straight line from the task's start to its deadline has done by a day. */
  public static int expectedPercent(LocalDate start, LocalDate deadline, LocalDate day) {
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
