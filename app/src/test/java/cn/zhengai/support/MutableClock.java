package cn.zhengai.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock a test sets to the day it needs, for the product's own date rules (the engine keeps its own clock). */
public final class MutableClock extends Clock {

  private static final ZoneId COLLEGE = ZoneId.of("Asia/Shanghai");
  private volatile Instant now = Instant.now();

  /** Noon of a day in the college's time zone. */
  public void setDay(LocalDate day) {
    now = day.atTime(12, 0).atZone(COLLEGE).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return COLLEGE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // the product asks for its zone; every caller shares this clock's instant
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
