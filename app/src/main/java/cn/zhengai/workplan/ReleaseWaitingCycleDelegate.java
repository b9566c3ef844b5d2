package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A unit's plan approved in a round 院办 opened for the year ends the school cycle's call that waits for it, so the
 * cycle's 计划 step takes that plan instead of asking the unit again. The cycle's own call has nobody to tell.
 */
@ModelBean("告知等待本单位计划的诊改螺旋：院办发起的本年度征集中单位计划通过后，螺旋对该单位的调用随之结束，不再重复征集")
@Component(AnnualWorkPlanProcess.Beans.RELEASE_WAITING_CYCLE)
class ReleaseWaitingCycleDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    if (CALLING_UNIT.find(execution).isPresent()) {
      return;
    }
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(AnnualWorkPlanProcess.MESSAGE_PLAN_APPROVED_IN_ROUND)
        .processInstanceBusinessKey(AnnualWorkPlanProcess.unitPlanKey(YEAR.get(execution), UNIT.get(execution)))
        .correlateAll();
  }
}
