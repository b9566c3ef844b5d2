package cn.zhengai.tasks;

import static cn.zhengai.processes.SharedVariables.SUBJECT_NAME;
import static cn.zhengai.processes.SharedVariables.UNIT;
import static cn.zhengai.processes.SharedVariables.UNIT_NAME;
import static cn.zhengai.processes.SharedVariables.YEAR;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.CycleDecisions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the unit's name and the year (and the subject below the unit, a major, where there is one) onto the new task, in every process whose tasks name it. Tasklist's filters
 * show only variables of the task and its own execution, so without this the 院办 reviewer would face nineteen
 * identical "审核年度工作计划" cards. A task outside any unit's scope (the cycle's targets and standards) concerns
 * the whole school and says so, rather than showing an empty unit. The unit's id goes with them: the task's history
 * then says which unit's row of the 诊改驾驶舱 it belongs to, also after its unit's scope has ended.
 */
@ModelBean("在任务上显示单位和年度（任务创建时）")
@Component(CycleDecisions.SHOW_UNIT)
class ShowUnitInTasklistListener implements TaskListener {

  static final String WHOLE_SCHOOL = "全校";

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(UNIT.name(), UNIT.find(task).orElse(null));
    task.setVariableLocal(UNIT_NAME.name(), UNIT_NAME.find(task).orElse(WHOLE_SCHOOL));
    task.setVariableLocal(YEAR.name(), YEAR.find(task).orElse(null));
    // a major's task names the major too, on its card and in the 驾驶舱
    SUBJECT_NAME.find(task).ifPresent(subject -> SUBJECT_NAME.setLocal(task, subject));
  }
}
