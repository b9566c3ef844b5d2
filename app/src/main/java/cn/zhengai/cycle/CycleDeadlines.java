package cn.zhengai.cycle;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Due dates the models ask for by expression, e.g. {@code camunda:dueDate="${cycleDeadlines.reviewDue()}"}. */
@ModelBean("评审期限：reviewDue() 为自任务开启起规定天数当天结束，用于 camunda:dueDate")
@Component(SchoolAnnualCycleProcess.Beans.DEADLINES)
public class CycleDeadlines {

  private final CycleSettings settings;
  private final Clock clock;

  CycleDeadlines(CycleSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The end of the day {@code reviewDays} from today. */
  public Date reviewDue() {
    return CollegeTime.endOfDay(CollegeTime.today(clock).plusDays(settings.reviewDays()));
  }
}
