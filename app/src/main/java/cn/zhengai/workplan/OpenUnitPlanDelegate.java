package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.tasks.UnitScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts one unit's plan: names the unit, routes its tasks to the unit's heads, and declares the form variables
 * locally so that parallel units' submissions never overwrite each other at process level.
 */
@ModelBean("为单位开启计划：单位名称、负责人组、本单位的表单变量")
@Component(AnnualWorkPlanProcess.Beans.OPEN_UNIT_PLAN)
class OpenUnitPlanDelegate implements JavaDelegate {

  private final OrgUnitRepository units;

  OpenUnitPlanDelegate(OrgUnitRepository units) {
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitScope.open(execution, units, UNIT_LOCAL);
  }
}
