package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.integration.org.Organisation;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts one unit's plan: names the unit, routes its tasks to the unit's heads, and declares the form variables
 * locally so that parallel units' submissions never overwrite each other at process level.
 */
@Component(AnnualWorkPlanProcess.Beans.OPEN_UNIT_PLAN)
class OpenUnitPlanDelegate implements JavaDelegate {

  private final OrgUnitRepository units;

  OpenUnitPlanDelegate(OrgUnitRepository units) {
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String unitId = (String) execution.getVariable(UNIT);
    OrgUnit unit = units.findById(unitId)
        .orElseThrow(() -> new IllegalStateException("单位 " + unitId + " 不在组织数据中，无法派发年度工作计划任务"));
    execution.setVariableLocal(UNIT_NAME, unit.name());
    execution.setVariableLocal(UNIT_HEAD_GROUP, Organisation.headGroupOf(unit.id()));
    UNIT_LOCAL.forEach(name -> execution.setVariableLocal(name, null));
  }
}
