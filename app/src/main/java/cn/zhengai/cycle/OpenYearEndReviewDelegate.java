package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import java.util.List;
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

  private final CycleUnits cycleUnits;
  private final CycleCalendar calendar;

  OpenYearEndReviewDelegate(CycleUnits cycleUnits, CycleCalendar calendar) {
    this.cycleUnits = cycleUnits;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = YEAR.get(execution);
    REVIEW_UNITS.set(execution, cycleUnits.of(year, PLANNING_UNITS.get(execution)));
    HAND_OVER_AT.set(execution, CollegeTime.startOfDay(calendar.dateOf(year, Milestone.CYCLE_IMPROVEMENT_DUE).plusDays(1)));
  }
}
