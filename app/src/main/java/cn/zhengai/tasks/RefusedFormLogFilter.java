package cn.zhengai.tasks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A refused form is the product doing its job, yet the engine logs the exception a task listener throws as an
 * ERROR with its stack trace (ENGINE-16004, "org.camunda.bpm.engine.context"). This drops exactly the warnings
 * and errors that carry a {@link FormValueException}; every other error is logged as before.
 */
@Component
class RefusedFormLogFilter extends TurboFilter {

  RefusedFormLogFilter() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
        && logback.getTurboFilterList().stream().noneMatch(RefusedFormLogFilter.class::isInstance)) {
      logback.addTurboFilter(this);
      start();
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (!level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    // the engine passes the exception as the last message parameter, SLF4J style
    Object last = params == null || params.length == 0 ? null : params[params.length - 1];
    return isRefusal(t) || last instanceof Throwable thrown && isRefusal(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  private static boolean isRefusal(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormValueException) {
        return true;
      }
    }
    return false;
  }
}
