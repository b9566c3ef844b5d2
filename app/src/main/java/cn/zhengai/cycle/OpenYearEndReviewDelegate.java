package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.planning.YearData;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At year end every unit that owned a target or a task is reviewed, in the college's order. */
@ModelBean("年终为每个承担目标或任务的单位开启诊断")
@Component(SchoolAnnualCycleProcess.Beans.OPEN_YEAR_END_REVIEW)
class OpenYearEndReviewDelegate implements JavaDelegate {

  private final YearData yearData;
  private final OrgUnitRepository units;

  OpenYearEndReviewDelegate(YearData yearData, OrgUnitRepository units) {
    this.yearData = yearData;
    this.units = units;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Set<String> reviewed = new HashSet<>((List<String>) execution.getVariable(PLANNING_UNITS));
    reviewed.addAll(yearData.unitsWithTasks((Integer) execution.getVariable(YEAR)));
    execution.setVariable(REVIEW_UNITS, new ArrayList<>(units.findAll().stream().map(OrgUnit::id).filter(reviewed::contains).toList()));
  }
}
