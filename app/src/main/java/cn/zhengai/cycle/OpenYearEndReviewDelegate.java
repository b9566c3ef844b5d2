package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.planning.YearData;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.processes.SharedVariables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At year end every unit that owned a target or a task is reviewed, in the college's order; next year's cycle
 * starts the day after the improvement plans are due, whether or not every unit has finished.
 */
@ModelBean("年终为每个承担目标或任务的单位开启诊断，并按校历确定交接下一年度的日期（改进计划截止次日）")
@Component(SchoolAnnualCycleProcess.Beans.OPEN_YEAR_END_REVIEW)
class OpenYearEndReviewDelegate implements JavaDelegate {

  private final YearData yearData;
  private final OrgUnitRepository units;
  private final CycleCalendar calendar;

  OpenYearEndReviewDelegate(YearData yearData, OrgUnitRepository units, CycleCalendar calendar) {
    this.yearData = yearData;
    this.units = units;
    this.calendar = calendar;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    int year = SharedVariables.YEAR.get(execution);
    Set<String> reviewed = new HashSet<>((List<String>) execution.getVariable(PLANNING_UNITS));
    reviewed.addAll(yearData.unitsWithTasks(year));
    execution.setVariable(REVIEW_UNITS, new ArrayList<>(units.findAll().stream().map(OrgUnit::id).filter(reviewed::contains).toList()));
    execution.setVariable(HAND_OVER_AT, CollegeTime.startOfDay(calendar.dateOf(year, Milestone.CYCLE_IMPROVEMENT_DUE).plusDays(1)));
  }
}
