package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.tasks.FormValueException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses to complete a submit or revise task whose plan is incomplete; nothing is saved then. */
@ModelBean("检查年度工作计划填写完整，不完整不能提交")
@Component(AnnualWorkPlanProcess.Beans.VALIDATE_WORK_PLAN)
class ValidateWorkPlanListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    int year = ((Number) task.getVariable(YEAR)).intValue();
    List<String> problems = WorkPlanRules.checkPlan(task.getVariables(), year);
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
  }
}
