package cn.zhengai.cycle;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A review is approved, or returned with a reason. */
@ModelBean("检查评审结论：通过，或退回并写明理由")
@Component(CycleDecisions.CHECK_DECISION)
class CheckCycleDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    FormChecks.requireChoice(task.getVariables(), CycleDecisions.DECISION, "结论", List.of(CycleDecisions.APPROVE, CycleDecisions.RETURN), problems);
    if (CycleDecisions.RETURN.equals(task.getVariable(CycleDecisions.DECISION))) {
      FormChecks.requireText(task.getVariables(), CycleDecisions.RETURN_REASON, "退回理由", problems);
    }
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
  }
}
