package cn.zhengai.calendar;

import java.time.LocalDate;

/**
 * Work done once a day for the college's date: by its feature's own schedule, and by the training clock for each
 * day it passes, so that a moved clock opens what the day would have opened.
 */
public interface DailyWork {

  /** Does the day's work (again: a second run on the same day finds nothing left to do); returns a line for the log. */
  String runOn(LocalDate day);
}
