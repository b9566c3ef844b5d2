package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.planning.YearData.KeyTask;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.workbench.WorkbenchLink;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The rules of the annual work plan, free of the engine so they can be tested alone. */
final class WorkPlanRules {

  private WorkPlanRules() {}

  /** Problems with a submitted plan: the plan is the unit's key tasks of the year in 表5, so there must be some. */
  static List<String> checkPlan(Map<String, Object> values, List<KeyTask> keyTasks, String unit, String unitName,
      int year) {
    List<String> problems = new ArrayList<>();
    if (keyTasks.isEmpty()) {
      problems.add(unitName + "尚未在“表5 年度重点工作任务分解”中录入 " + year + " 年度的重点任务，年度工作计划即这些重点任务"
          + WorkbenchLink.hint("key-tasks", year, unit));
    }
    Object note = values.get(PLAN_NOTE.name());
    if (note != null && !note.toString().isBlank()) {
      FormChecks.requireText(values, PLAN_NOTE.name(), "计划说明", problems);
    }
    return problems;
  }

  /** The key tasks as the reviewer reads them: one numbered line each, with its standard, measures and deadline. */
  static String keyTasksText(List<KeyTask> keyTasks) {
    return IntStream.range(0, keyTasks.size()).mapToObj(i -> {
      KeyTask task = keyTasks.get(i);
      StringBuilder line = new StringBuilder().append(i + 1).append(". ").append(task.title());
      if (task.workStandard() != null) {
        line.append("；工作标准：").append(task.workStandard());
      }
      if (task.measures() != null) {
        line.append("；措施及目标：").append(task.measures());
      }
      return line.append("；完成时限：").append(task.deadline()).toString();
    }).collect(Collectors.joining("\n"));
  }

  /** Problems with a review decision; a return needs a reason and a revision due date from today on. */
  static List<String> checkReview(Map<String, Object> values, LocalDate today) {
    List<String> problems = new ArrayList<>();
    Object decision = values.get(DECISION.name());
    if (!DECISION_APPROVE.equals(decision) && !DECISION_RETURN.equals(decision)) {
      problems.add("请选择审核结论（通过或退回修改）");
      return problems;
    }
    if (DECISION_RETURN.equals(decision)) {
      FormChecks.requireText(values, RETURN_REASON.name(), "退回理由", problems);
      LocalDate revisionDue = FormChecks.date(values.get(REVISION_DUE_DATE.name()), "修改截止日期", true, problems);
      if (revisionDue != null && revisionDue.isBefore(today)) {
        problems.add("修改截止日期 " + revisionDue + " 早于今天");
      }
    }
    return problems;
  }
}
