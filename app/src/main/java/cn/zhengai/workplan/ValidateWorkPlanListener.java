package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.KeyTask;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.tasks.FormValueException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to submit a plan while the unit has no key tasks of the year in 表5, and keeps the key tasks as submitted
 * for the review, which compares them with the next submission after a return.
 */
@ModelBean("检查单位已在表5录入本年度重点任务（即年度工作计划），并把提交时的重点任务交给审核")
@Component(AnnualWorkPlanProcess.Beans.VALIDATE_WORK_PLAN)
class ValidateWorkPlanListener implements TaskListener {

  private final YearData yearData;

  ValidateWorkPlanListener(YearData yearData) {
    this.yearData = yearData;
  }

  @Override
  public void notify(DelegateTask task) {
    int year = YEAR.get(task);
    String unit = UNIT.get(task);
    List<KeyTask> keyTasks = yearData.keyTasks(year, unit);
    List<String> problems = WorkPlanRules.checkPlan(task.getVariables(), keyTasks, unit, UNIT_NAME.get(task),
        year);
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    KEY_TASKS.set(task, WorkPlanRules.keyTasksText(keyTasks));
  }
}
