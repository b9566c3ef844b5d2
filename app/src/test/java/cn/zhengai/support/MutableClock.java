package cn.zhengai.support;

import cn.zhengai.calendar.SharedClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The product's clock, which a test sets to the day it needs: setting the engine's clock ({@link ClockUtil}) moves
 * the application's {@link SharedClock} with it, so the date rules and the engine (its timers and due dates) read the
 * same time; no bean of the test's own is needed. A test that sets it resets {@link ClockUtil} afterwards.
 */
public final class MutableClock extends SharedClock {

  /** Noon of a day in the college's time zone, held there until the next call. */
  public void setDay(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(getZone()).toInstant()));
  }
}
