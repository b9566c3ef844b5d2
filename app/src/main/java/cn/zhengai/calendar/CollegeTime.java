package cn.zhengai.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/** The college's own time (Beijing time): its days, and the moment a day's deadline ends. */
public final class CollegeTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** The last second of a day: the moment a day's deadline ends. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private CollegeTime() {}

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** The last second of a day, as the engine's due dates and timers take it. */
  public static Date endOfDay(LocalDate day) {
    return moment(day.atTime(END_OF_DAY));
  }

  /** A college date and time as the engine's {@link Date}. */
  public static Date moment(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }

  /** The first second of a day, when a timer set for that day fires. */
  public static Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(ZONE).toInstant());
  }

  /** The day a moment falls on. */
  public static LocalDate day(Date moment) {
    return moment.toInstant().atZone(ZONE).toLocalDate();
  }
}
