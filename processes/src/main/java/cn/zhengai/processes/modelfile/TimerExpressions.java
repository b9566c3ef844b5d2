package cn.zhengai.processes.modelfile;

import java.text.ParseException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * Checks a timer's definition the way the engine will read it: an expression is taken as it is (its value comes
 * from data at run time), anything else must be an ISO 8601 date, duration or repeating interval, or a cron that
 * the engine's own parser reads.
 */
final class TimerExpressions {

  private TimerExpressions() {}

  static Optional<String> check(TimerEventDefinition timer) {
    Expression date = timer.getTimeDate();
    Expression duration = timer.getTimeDuration();
    Expression cycle = timer.getTimeCycle();
    int defined = (date == null ? 0 : 1) + (duration == null ? 0 : 1) + (cycle == null ? 0 : 1);
    if (defined != 1) {
      return Optional.of("定时器应恰好设置 timeDate、timeDuration、timeCycle 之一");
    }
    String text = (date != null ? date : duration != null ? duration : cycle).getTextContent();
    if (text == null || text.isBlank()) {
      return Optional.of("定时器表达式为空");
    }
    text = text.trim();
    if (text.startsWith("${") || text.startsWith("#{")) {
      return Optional.empty();
    }
    if (date != null && !isDate(text)) {
      return Optional.of("定时器日期 \"" + text + "\" 不是 ISO 8601 日期时间（例如 2027-02-26T09:00:00）");
    }
    if (duration != null && !isDuration(text)) {
      return Optional.of("定时器时长 \"" + text + "\" 不是 ISO 8601 时长（例如 P3D、PT2H）");
    }
    if (cycle != null && text.startsWith("R") && !isRepeatingInterval(text)) {
      return Optional.of("定时器周期 \"" + text + "\" 不是 ISO 8601 重复间隔（例如 R/P1M、R3/PT10M）");
    }
    if (cycle != null && !text.startsWith("R") && !isCron(text)) {
      return Optional.of("定时器周期 \"" + text + "\" 不是流程引擎能识别的 cron 表达式：应为 6 个字段“秒 分 时 日 月 星期”"
          + "（例如 0 0 9 * * MON-FRI 表示工作日 9 点），或 ISO 8601 重复间隔（例如 R/P1M）");
    }
    return Optional.empty();
  }

  private static boolean isDate(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException withoutOffset) {
      try {
        LocalDateTime.parse(text);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }

  private static boolean isDuration(String text) {
    try {
      Duration.parse(text);
      return true;
    } catch (DateTimeParseException notHoursOrDays) {
      try {
        Period.parse(text);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }

  private static boolean isRepeatingInterval(String text) {
    String[] parts = text.split("/");
    if (parts.length < 2 || !parts[0].matches("R\\d*")) {
      return false;
    }
    String interval = parts[parts.length - 1];
    return isDuration(interval) && (parts.length == 2 || isDate(parts[1]));
  }

  /** The parser the engine's cycle calendar uses for anything that does not start with "R". */
  private static boolean isCron(String text) {
    try {
      CronTimer.parse(text);
      return true;
    } catch (ParseException e) {
      return false;
    }
  }
}
