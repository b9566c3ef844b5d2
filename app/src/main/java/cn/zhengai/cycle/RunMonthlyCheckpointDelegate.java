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

/** Starts this month's checkpoint for every planning unit, then sets the next one (none after the last month). */
@ModelBean("为每个单位启动本月监测点，并定下一次监测时间")
@Component(SchoolAnnualCycleProcess.Beans.RUN_MONTHLY_CHECKPOINT)
class RunMonthlyCheckpointDelegate implements JavaDelegate {

  private final MonitoringCheckpoints checkpoints;
  private final CycleCalendar calendar;

  RunMonthlyCheckpointDelegate(MonitoringCheckpoints checkpoints, CycleCalendar calendar) {
    this.checkpoints = checkpoints;
    this.calendar = calendar;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    LocalDate checkpoint = CollegeTime.day((Date) execution.getVariable(NEXT_CHECKPOINT_AT));
    checkpoints.start((Integer) execution.getVariable(YEAR), checkpoint, (List<String>) execution.getVariable(PLANNING_UNITS));
    execution.setVariable(NEXT_CHECKPOINT_AT, calendar.checkpointAfter(checkpoint).map(CollegeTime::endOfDay).orElse(null));
  }
}
