package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.ProcessVariable;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.ProcessRounds;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a year's cycle: the year becomes the business key (one running cycle per year, see {@link ProcessRounds}), and every phase's due date and
 * the first monthly checkpoint come from the academic calendar.
 */
@ModelBean("开启年度诊改：年度作为业务键，各阶段期限和首个监测点来自校历")
@Component(SchoolAnnualCycleProcess.Beans.PREPARE_CYCLE)
class PrepareCycleDelegate implements JavaDelegate {

  private static final Map<ProcessVariable<Date>, Milestone> DUE_DATES = Map.of(
      TARGETS_DUE_AT, Milestone.CYCLE_TARGETS_DUE,
      STANDARDS_DUE_AT, Milestone.CYCLE_STANDARDS_DUE,
      PLANS_DUE_AT, Milestone.CYCLE_PLANS_DUE,
      ORGANISE_DUE_AT, Milestone.CYCLE_ORGANISE_DUE,
      SELF_ASSESSMENT_DUE_AT, Milestone.CYCLE_SELF_ASSESSMENT_DUE,
      DIAGNOSIS_DUE_AT, Milestone.CYCLE_DIAGNOSIS_DUE,
      PERFORMANCE_DUE_AT, Milestone.CYCLE_PERFORMANCE_DUE,
      IMPROVEMENT_DUE_AT, Milestone.CYCLE_IMPROVEMENT_DUE);

  private final CycleCalendar calendar;
  private final ProcessRounds rounds;

  PrepareCycleDelegate(CycleCalendar calendar, ProcessRounds rounds) {
    this.calendar = calendar;
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the start form's answer, checked here so that a wrong year is refused in Chinese
    Object value = execution.getVariable(YEAR.name());
    if (!(value instanceof Number number) || number.intValue() < 2000 || number.intValue() > 2100 || number.doubleValue() != number.intValue()) {
      throw new FormValueException(List.of("诊改年度“" + value + "”无效，应为 2000 到 2100 之间的年份"));
    }
    int year = number.intValue();
    String key = String.valueOf(year);
    rounds.claim(SchoolAnnualCycleProcess.KEY, String.valueOf(year), execution.getProcessInstanceId(), year + " 年度诊改已在进行中，不能重复开启");
    YEAR.set(execution, year);
    execution.setProcessBusinessKey(key);
    DUE_DATES.forEach((variable, milestone) -> variable.set(execution, CollegeTime.endOfDay(calendar.dateOf(year, milestone))));
    YEAR_END_AT.set(execution, CollegeTime.startOfDay(calendar.dateOf(year, Milestone.CYCLE_YEAR_END_REVIEW)));
    NEXT_CHECKPOINT_AT.set(execution, CollegeTime.endOfDay(calendar.firstCheckpoint(year)));
  }
}
