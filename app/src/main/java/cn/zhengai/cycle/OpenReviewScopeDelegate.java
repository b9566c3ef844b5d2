package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.cycle.ReviewingBodies.Bodies;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.processes.SharedVariables;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.UnitScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a unit's year-end scope: its heads, and the bodies that review it, never the unit itself. */
@ModelBean("在年末诊断子流程中开启单位范围（单位名称、负责人组、审核机构：不由本单位审核自己）")
@Component(SchoolAnnualCycleProcess.Beans.OPEN_REVIEW_SCOPE)
class OpenReviewScopeDelegate implements JavaDelegate {

  private final OrgUnitRepository units;
  private final ReviewingBodies reviewingBodies;

  OpenReviewScopeDelegate(OrgUnitRepository units, ReviewingBodies reviewingBodies) {
    this.units = units;
    this.reviewingBodies = reviewingBodies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitScope.open(execution, units, UNIT_LOCAL);
    Bodies bodies = reviewingBodies.of(Subject.unit(SharedVariables.UNIT.get(execution)));
    execution.setVariableLocal(DIAGNOSIS_GROUP, bodies.diagnosis());
    execution.setVariableLocal(PERFORMANCE_GROUP, bodies.performance());
    execution.setVariableLocal(IMPROVEMENT_APPROVER_GROUP, bodies.improvementApproval());
  }
}
