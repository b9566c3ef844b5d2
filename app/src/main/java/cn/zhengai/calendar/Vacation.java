package cn.zhengai.calendar;

import java.time.LocalDate;

/** A vacation: the days between one term's end and the next term's start. */
public record Vacation(String label, LocalDate from, LocalDate to) {

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
