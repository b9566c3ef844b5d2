package cn.zhengai.cycle;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.tasks.UnitScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a unit's scope in the cycle's per-unit sub-processes (plan and organise; year-end review). */
@ModelBean("在单位子流程中开启单位范围（单位名称、负责人组）")
@Component(SchoolAnnualCycleProcess.Beans.OPEN_UNIT_SCOPE)
class OpenUnitScopeDelegate implements JavaDelegate {

  private final OrgUnitRepository units;

  OpenUnitScopeDelegate(OrgUnitRepository units) {
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitScope.open(execution, units, SchoolAnnualCycleProcess.Variables.UNIT_LOCAL);
  }
}
