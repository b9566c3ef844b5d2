package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.cycle.UnitAttainment.Measure;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.Attainment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Measures the unit's year from the data, judged on the year-end date, before the unit assesses itself; keeps the
 * figures with its review. Missed targets or overdue tasks make an accountability case.
 */
@ModelBean("年末按数据测量单位本年度的目标达成与任务完成情况（以年末日期为准）并保存，供单位自评")
@Component(SchoolAnnualCycleProcess.Beans.MEASURE_ATTAINMENT)
class MeasureAttainmentDelegate implements JavaDelegate {

  private final UnitAttainment attainment;
  private final ReviewStore reviews;
  private final Clock clock;

  MeasureAttainmentDelegate(UnitAttainment attainment, ReviewStore reviews, Clock clock) {
    this.attainment = attainment;
    this.reviews = reviews;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = YEAR.get(execution);
    String unit = UNIT.get(execution);
    LocalDate yearEnd = CollegeTime.day(YEAR_END_AT.get(execution));
    Measure measure = attainment.measure(year, unit, yearEnd);
    reviews.record(Subject.unit(unit), Period.year(year), new Attainment(measure.targets(), measure.targetsMet(), measure.tasks(),
        measure.tasksDoneInTime(), measure.overdueTasks().size(), measure.escalations(), measure.summary(), yearEnd),
        clock.instant());
    ATTAINMENT_SUMMARY.set(execution, measure.summary());
    ACCOUNTABLE.set(execution, measure.accountable());
  }
}
