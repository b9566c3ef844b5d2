package cn.zhengai.org;

import cn.zhengai.processes.SharedVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, in Chinese, each showing the unit and year of a task beside its name. A filter
 * only selects; what a user sees of it is still limited by their authorizations.
 */
@Component
class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;

  TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  List<String> ensure() {
    List<String> changes = new ArrayList<>();
    ensure("本单位待办", "我所在单位和角色的任务（含已认领）", -10, "#1f6fb2",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        changes);
    ensure("我的任务", "已认领或分配给我的任务", 0, "#2e8b57",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), changes);
    ensure("已逾期", "已过到期日期的任务", 10, "#c0392b",
        taskService.createTaskQuery().dueBeforeExpression("${now()}"), changes);
    ensure("全部可见任务", "我有权查看的全部任务（质管办用于监控）", 20, "#7f8c8d",
        taskService.createTaskQuery(), changes);
    return changes;
  }

  /** What every card shows: the unit, the subject below it (a major), the year. */
  private static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", SharedVariables.UNIT_NAME.name(), "label", "单位"),
      Map.of("name", SharedVariables.SUBJECT_NAME.name(), "label", "诊改对象"),
      Map.of("name", SharedVariables.YEAR.name(), "label", "年度"));

  private void ensure(String name, String description, int priority, String color, TaskQuery query, List<String> changes) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      // a filter of an earlier release gets the cards' variables of this one; the rest is the users' to change
      if (!CARD_VARIABLES.equals(existing.getProperties().get("variables"))) {
        existing.getProperties().put("variables", CARD_VARIABLES);
        filterService.saveFilter(existing);
        changes.add("任务过滤器 " + name + " 的卡片变量");
      }
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("variables", CARD_VARIABLES);
    Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
    filterService.saveFilter(filter);
    changes.add("任务过滤器 " + name);
  }
}
