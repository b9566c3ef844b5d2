package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.tasks.FormChecks;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules of the annual work plan round, free of the engine so they can be tested alone. */
final class WorkPlanRules {

  /** Reminders go out in the morning; a due date lasts until the end of its day. */
  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private WorkPlanRules() {}

  /** Problems with a submitted plan, each naming the field by its Chinese label. */
  static List<String> checkPlan(Map<String, Object> values, int year) {
    List<String> problems = new ArrayList<>();
    FormChecks.requireText(values, KEY_TASKS, "重点任务", problems);
    FormChecks.requireText(values, MEASURES, "主要措施", problems);
    FormChecks.requireText(values, TARGETS, "预期目标", problems);
    LocalDate deadline = FormChecks.date(values.get(PLAN_DEADLINE), "完成期限", true, problems);
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
      FormChecks.requireText(values, RETURN_REASON, "退回理由", problems);
      LocalDate revisionDue = FormChecks.date(values.get(REVISION_DUE_DATE), "修改截止日期", true, problems);
      if (revisionDue != null && revisionDue.isBefore(today)) {
        problems.add("修改截止日期 " + revisionDue + " 早于今天");
      }
    }
    return problems;
  }

  static LocalDateTime endOfDay(LocalDate date) {
    return date.atTime(CollegeTime.END_OF_DAY);
  }

  /** The morning {@code daysBefore} days ahead of the due date, but never before {@code now}. */
  static LocalDateTime reminderBefore(LocalDate due, int daysBefore, LocalDateTime now) {
    LocalDateTime reminder = due.minusDays(daysBefore).atTime(REMINDER_TIME);
    return reminder.isBefore(now) ? now : reminder;
  }
}
