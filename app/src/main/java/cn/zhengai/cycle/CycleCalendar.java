package cn.zhengai.cycle;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.Milestone;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A year's cycle dates, from the academic calendar: the phases' due dates and the monthly checkpoints. A month's
 * checkpoint is its last working day in term, so that none falls in a vacation; a month spent in the summer break
 * has none, its progress is reported at the next checkpoint.
 */
@Component
class CycleCalendar {

  private final AcademicCalendar calendar;
  private final CycleSettings settings;

  CycleCalendar(AcademicCalendar calendar, CycleSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  /** A phase's date: set by 院办 for the year, else generated from the milestone's rule. */
  LocalDate dateOf(int year, Milestone milestone) {
    return calendar.dateOf(year, milestone);
  }

  /** The first checkpoint: the first on or after the day the key tasks are assigned. */
  LocalDate firstCheckpoint(int year) {
    LocalDate organised = dateOf(year, Milestone.CYCLE_ORGANISE_DUE);
    Optional<LocalDate> inThatMonth = calendar.lastWorkingDayInTerm(YearMonth.from(organised)).filter(day -> !day.isBefore(organised));
    return inThatMonth.or(() -> checkpointAfter(organised)).orElseThrow(() -> new IllegalStateException(
        year + " 年重点任务落实日期 " + organised + " 之后直到第 " + settings.lastCheckpointMonth() + " 月没有学期内的月度检查日"));
  }

  /** The checkpoint after one: that of the next month with a working day in term, none after the last checkpoint month. */
  Optional<LocalDate> checkpointAfter(LocalDate checkpoint) {
    for (YearMonth next = YearMonth.from(checkpoint).plusMonths(1);
        next.getYear() == checkpoint.getYear() && next.getMonthValue() <= settings.lastCheckpointMonth(); next = next.plusMonths(1)) {
      Optional<LocalDate> day = calendar.lastWorkingDayInTerm(next);
      if (day.isPresent()) {
        return day;
      }
    }
    return Optional.empty();
  }
}
