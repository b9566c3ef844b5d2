package cn.zhengai.monitoring;

import static cn.zhengai.processes.MonitoringCheckpointProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A correction names its cause, its measure and a new date that is not in the past. */
@ModelBean("检查纠偏措施：须写明原因、措施和不早于今天的新期限")
@Component(MonitoringCheckpointProcess.Beans.CHECK_CORRECTION)
class CheckCorrectionListener implements TaskListener {

  private final Clock clock;

  CheckCorrectionListener(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    FormChecks.requireText(task.getVariables(), CAUSE.name(), "偏差原因", problems);
    FormChecks.requireText(task.getVariables(), MEASURE.name(), "纠偏措施", problems);
    LocalDate newDate = FormChecks.date(task.getVariable(NEW_DATE.name()), "新的完成日期", true, problems);
    if (newDate != null && newDate.isBefore(CollegeTime.today(clock))) {
      problems.add("新的完成日期 " + newDate + " 已过");
    }
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
  }
}
