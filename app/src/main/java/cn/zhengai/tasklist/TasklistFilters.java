package cn.zhengai.tasklist;

import cn.zhengai.processes.SharedVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, in Chinese, each showing the unit and year of a task beside its name. A filter
 * only selects; what a user sees of it is still limited by their authorizations.
 */
@Component
public class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;

  TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /** Creates the filters that do not exist yet; returns what it created or updated, in Chinese. */
  public List<String> ensure() {
    List<String> changes = new ArrayList<>();
    for (TasklistFilter filter : TasklistFilter.values()) {
      ensure(filter, changes);
    }
    return changes;
  }

  /** What every card shows: the unit, the subject below it (a major), the year. */
  private static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", SharedVariables.UNIT_NAME.name(), "label", "单位"),
      Map.of("name", SharedVariables.SUBJECT_NAME.name(), "label", "诊改对象"),
      Map.of("name", SharedVariables.YEAR.name(), "label", "年度"));

  private void ensure(TasklistFilter shared, List<String> changes) {
    String name = shared.label();
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
    properties.put("description", shared.description());
    properties.put("priority", shared.priority());
    properties.put("color", shared.color());
    properties.put("refresh", true);
    properties.put("variables", CARD_VARIABLES);
    Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(shared.query(taskService));
    filterService.saveFilter(filter);
    changes.add("任务过滤器 " + name);
  }
}
