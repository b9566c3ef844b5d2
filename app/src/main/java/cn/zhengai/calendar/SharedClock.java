package cn.zhengai.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the product and its engine: it reads the engine's own clock ({@link ClockUtil}), which the
 * engine's timers, due dates and job acquisition read too. Real time unless something moves it: the training
 * clock (演练模式) or a test; then the date rules and the engine move together.
 */
public class SharedClock extends Clock {

  @Override
  public ZoneId getZone() {
    return CollegeTime.ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // a fixed clock of this instant: callers take a date or a time from it at once
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
