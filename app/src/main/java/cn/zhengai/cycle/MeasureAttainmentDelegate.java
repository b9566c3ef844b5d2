package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.cycle.UnitAttainment.Measure;
import cn.zhengai.cycle.UnitReviews.Column;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Measures the unit's year from the data and keeps the figures with its review; missed targets make a case. */
@ModelBean("按数据测量单位本年度的目标达成情况并保存")
@Component(SchoolAnnualCycleProcess.Beans.MEASURE_ATTAINMENT)
class MeasureAttainmentDelegate implements JavaDelegate {

  private final UnitAttainment attainment;
  private final UnitReviews reviews;
  private final Clock clock;

  MeasureAttainmentDelegate(UnitAttainment attainment, UnitReviews reviews, Clock clock) {
    this.attainment = attainment;
    this.reviews = reviews;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = (Integer) execution.getVariable(YEAR);
    String unit = (String) execution.getVariable(UNIT);
    Measure measure = attainment.measure(year, unit, CollegeTime.today(clock));
    Map<Column, Object> figures = new EnumMap<>(Column.class);
    figures.put(Column.TARGETS_TOTAL, measure.targets());
    figures.put(Column.TARGETS_MET, measure.targetsMet());
    figures.put(Column.TASKS_TOTAL, measure.tasks());
    figures.put(Column.TASKS_DONE, measure.tasksDoneInTime());
    figures.put(Column.TASKS_OVERDUE, measure.overdueTasks().size());
    figures.put(Column.ESCALATIONS, measure.escalations());
    figures.put(Column.ATTAINMENT_SUMMARY, measure.summary());
    reviews.write(year, unit, figures, clock.instant());
    execution.setVariable(ATTAINMENT_SUMMARY, measure.summary());
    execution.setVariable(ACCOUNTABLE, measure.accountable());
  }
}
