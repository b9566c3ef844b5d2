package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.monitoring.MonitoringCheckpoints;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts this month's checkpoint for every unit with targets or 表6 tasks, then sets the next one (none after the
 * last month).
 */
@ModelBean("为每个承担目标或表6任务的单位启动本月监测点，并定下一次监测时间")
@Component(SchoolAnnualCycleProcess.Beans.RUN_MONTHLY_CHECKPOINT)
class RunMonthlyCheckpointDelegate implements JavaDelegate {

  private final MonitoringCheckpoints checkpoints;
  private final CycleCalendar calendar;
  private final CycleUnits cycleUnits;

  RunMonthlyCheckpointDelegate(MonitoringCheckpoints checkpoints, CycleCalendar calendar, CycleUnits cycleUnits) {
    this.checkpoints = checkpoints;
    this.calendar = calendar;
    this.cycleUnits = cycleUnits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate checkpoint = CollegeTime.day(NEXT_CHECKPOINT_AT.get(execution));
    int year = YEAR.get(execution);
    checkpoints.start(year, checkpoint, cycleUnits.of(year, PLANNING_UNITS.get(execution)));
    NEXT_CHECKPOINT_AT.set(execution, calendar.checkpointAfter(checkpoint).map(CollegeTime::endOfDay).orElse(null));
  }
}
