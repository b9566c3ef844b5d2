package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules of the annual work plan round, free of the engine so they can be tested alone. */
final class WorkPlanRules {

  static final ZoneId COLLEGE_ZONE = ZoneId.of("Asia/Shanghai");
  static final int MAX_TEXT = 4000;
  /** Reminders go out in the morning; a due date lasts until the end of its day. */
  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private WorkPlanRules() {}

  /** Problems with a submitted plan, each naming the field by its Chinese label. */
  static List<String> checkPlan(Map<String, Object> values, int year) {
    List<String> problems = new ArrayList<>();
    requireText(values, KEY_TASKS, "重点任务", problems);
    requireText(values, MEASURES, "主要措施", problems);
    requireText(values, TARGETS, "预期目标", problems);
    LocalDate deadline = date(values.get(PLAN_DEADLINE), "完成期限", true, problems);
    if (deadline != null && deadline.getYear() != year) {
      problems.add("完成期限 " + deadline + " 不在 " + year + " 年度内");
    }
    return problems;
  }

  /** Problems with a review decision; a return needs a reason and a revision due date from today on. */
  static List<String> checkReview(Map<String, Object> values, LocalDate today) {
    List<String> problems = new ArrayList<>();
    Object decision = values.get(DECISION);
    if (!DECISION_APPROVE.equals(decision) && !DECISION_RETURN.equals(decision)) {
      problems.add("请选择审核结论（通过或退回修改）");
      return problems;
    }
    if (DECISION_RETURN.equals(decision)) {
      requireText(values, RETURN_REASON, "退回理由", problems);
      LocalDate revisionDue = date(values.get(REVISION_DUE_DATE), "修改截止日期", true, problems);
      if (revisionDue != null && revisionDue.isBefore(today)) {
        problems.add("修改截止日期 " + revisionDue + " 早于今天");
      }
    }
    return problems;
  }

  static LocalDateTime endOfDay(LocalDate date) {
    return date.atTime(LocalTime.of(23, 59, 59));
  }

  /** The morning {@code daysBefore} days ahead of the due date, but never before {@code now}. */
  static LocalDateTime reminderBefore(LocalDate due, int daysBefore, LocalDateTime now) {
    LocalDateTime reminder = due.minusDays(daysBefore).atTime(REMINDER_TIME);
    return reminder.isBefore(now) ? now : reminder;
  }

  static LocalDate date(Object value, String label, boolean required, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      if (required) {
        problems.add("请填写" + label);
      }
      return null;
    }
    try {
      // form-js date fields submit yyyy-MM-dd
      return LocalDate.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      problems.add(label + " \"" + value + "\" 不是有效日期（应为 yyyy-MM-dd）");
      return null;
    }
  }

  private static void requireText(Map<String, Object> values, String key, String label, List<String> problems) {
    Object value = values.get(key);
    if (value == null || value.toString().isBlank()) {
      problems.add("请填写" + label);
    } else if (!(value instanceof String)) {
      problems.add(label + "应为文本");
    } else if (value.toString().length() > MAX_TEXT) {
      problems.add(label + "不能超过 " + MAX_TEXT + " 字");
    }
  }
}
