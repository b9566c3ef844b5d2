package cn.zhengai.tasks;

import cn.zhengai.calendar.CollegeTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Checks of submitted form values shared by every process; each adds its problem in Chinese to a list. */
public final class FormChecks {

  /** The longest text a form field may hold. */
  public static final int MAX_TEXT = 4000;

  private FormChecks() {}

  public static void requireText(Map<String, Object> values, String key, String label, List<String> problems) {
    Object value = values.get(key);
    if (value == null || value.toString().isBlank()) {
      problems.add("请填写" + label);
    } else if (!(value instanceof String)) {
      problems.add(label + "应为文本");
    } else if (value.toString().length() > MAX_TEXT) {
      problems.add(label + "不能超过 " + MAX_TEXT + " 字");
    }
  }

  /** One of the allowed values, e.g. a grade; the labels say what they mean. */
  public static void requireChoice(Map<String, Object> values, String key, String label, List<String> allowed,
      List<String> problems) {
    Object value = values.get(key);
    if (value == null || value.toString().isBlank()) {
      problems.add("请选择" + label);
    } else if (!allowed.contains(value.toString())) {
      problems.add(label + "“" + value + "”无效，应为 " + String.join("、", allowed));
    }
  }

  /**
   * A date as form-js date fields submit it (yyyy-MM-dd), or a {@code Date}-typed variable (its day in Beijing
   * time), or null after recording why not.
   */
  public static LocalDate date(Object value, String label, boolean required, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      if (required) {
        problems.add("请填写" + label);
      }
      return null;
    }
    if (value instanceof Date moment) {
      return CollegeTime.day(moment);
    }
    try {
      return LocalDate.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      problems.add(label + " \"" + value + "\" 不是有效日期（应为 yyyy-MM-dd）");
      return null;
    }
  }
}
