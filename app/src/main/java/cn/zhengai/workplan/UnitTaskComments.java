package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.UNIT;

import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Puts a reminder or an escalation on the unit's open plan task as a comment, so that the unit head sees it in
 * Tasklist where they work the task, not only among the notifications.
 */
@Component
class UnitTaskComments {

  private final TaskService taskService;

  UnitTaskComments(TaskService taskService) {
    this.taskService = taskService;
  }

  void onOpenPlanTask(DelegateExecution execution, String message) {
    Object unit = execution.getVariable(UNIT);
    taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(Elements.TASK_SUBMIT_WORK_PLAN).list().stream()
        .filter(task -> unit.equals(taskService.getVariable(task.getId(), UNIT)))
        .forEach(task -> taskService.createComment(task.getId(), execution.getProcessInstanceId(), message));
  }
}
