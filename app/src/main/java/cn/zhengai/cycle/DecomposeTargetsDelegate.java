package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTarget;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Decomposes the year's targets: every unit that owns one plans and organises its part, in the college's order. */
@ModelBean("分解年度目标：每个承担目标的单位计划并组织落实")
@Component(SchoolAnnualCycleProcess.Beans.DECOMPOSE_TARGETS)
class DecomposeTargetsDelegate implements JavaDelegate {

  private final YearData yearData;
  private final OrgUnitRepository units;

  DecomposeTargetsDelegate(YearData yearData, OrgUnitRepository units) {
    this.yearData = yearData;
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> owners = yearData.targets(YEAR.get(execution)).stream().map(YearTarget::ownerUnitId)
        .collect(Collectors.toSet());
    PLANNING_UNITS.set(execution, new ArrayList<>(units.findAll().stream().map(OrgUnit::id).filter(owners::contains).toList()));
  }
}
