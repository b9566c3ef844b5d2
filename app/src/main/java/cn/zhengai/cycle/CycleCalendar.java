package cn.zhengai.cycle;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.tasks.FormValueException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A year's cycle dates, from the academic calendar: the phases' due dates and the monthly checkpoints. */
@Component
class CycleCalendar {

  private final AcademicCalendar calendar;
  private final CycleSettings settings;

  CycleCalendar(AcademicCalendar calendar, CycleSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  /** A phase's date; a year the calendar does not cover cannot run. */
  LocalDate dateOf(int year, Milestone milestone) {
    return calendar.dateOf(year, milestone).orElseThrow(() -> new FormValueException(List.of("校历中没有 " + year + " 年的“"
        + milestone.label() + "”日期，请先在校历中设置（PUT /api/calendar/" + year + "/" + milestone.name() + "）")));
  }

  /** The first checkpoint: the end of the month in which the key tasks are assigned. */
  LocalDate firstCheckpoint(int year) {
    return YearMonth.from(dateOf(year, Milestone.CYCLE_ORGANISE_DUE)).atEndOfMonth();
  }

  /** The checkpoint after one: the end of the next month, none after the last checkpoint month. */
  Optional<LocalDate> checkpointAfter(LocalDate checkpoint) {
    YearMonth next = YearMonth.from(checkpoint).plusMonths(1);
    return next.getMonthValue() > settings.lastCheckpointMonth() || next.getYear() != checkpoint.getYear()
        ? Optional.empty() : Optional.of(next.atEndOfMonth());
  }
}
