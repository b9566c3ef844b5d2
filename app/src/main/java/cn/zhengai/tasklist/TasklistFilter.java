package cn.zhengai.tasklist;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The product's shared Tasklist filters: what each shows in Tasklist and the task query it stands for. The query is
 * the one definition both {@link TasklistFilters} saves and {@link FilterPages} recognises.
 */
public enum TasklistFilter {

  UNIT_TODO("本单位待办", "我所在单位和角色的任务（含已认领）", -10, "#1f6fb2") {
    @Override
    TaskQuery query(TaskService tasks) {
      return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }
  },
  MINE("我的任务", "已认领或分配给我的任务", 0, "#2e8b57") {
    @Override
    TaskQuery query(TaskService tasks) {
      return tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    }
  },
  OVERDUE("已逾期", "已过到期日期的任务", 10, "#c0392b") {
    @Override
    TaskQuery query(TaskService tasks) {
      return tasks.createTaskQuery().dueBeforeExpression("${now()}");
    }
  },
  ALL_VISIBLE("全部可见任务", "我有权查看的全部任务（质管办用于监控）", 20, "#7f8c8d") {
    @Override
    TaskQuery query(TaskService tasks) {
      return tasks.createTaskQuery();
    }
  };

  private final String label;
  private final String description;
  private final int priority;
  private final String color;

  TasklistFilter(String label, String description, int priority, String color) {
    this.label = label;
    this.description = description;
    this.priority = priority;
    this.color = color;
  }

  /** The task query the filter stands for, expressions unevaluated (they are evaluated for each user). */
  abstract TaskQuery query(TaskService tasks);

  /** The filter's name in Tasklist. */
  public String label() {
    return label;
  }

  String description() {
    return description;
  }

  int priority() {
    return priority;
  }

  String color() {
    return color;
  }
}
