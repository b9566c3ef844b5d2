package cn.zhengai.monitoring;

import static cn.zhengai.processes.MonitoringCheckpointProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.notification.Notifications;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks a unit's data at its checkpoint; each deviation is recorded for correction and the unit's heads are warned.
 * A 表6 task past its 完成时限 is the daily deadline scan's to announce ({@code DeadlineWarnings}, once per task and due
 * date): the checkpoint asks for its correction but warns of it only together with a deviation the scan does not see.
 */
@ModelBean("核查单位在监测点的数据：记录每项偏差并预警单位负责人")
@Component(MonitoringCheckpointProcess.Beans.EVALUATE)
class EvaluateCheckpointDelegate implements JavaDelegate {

  private final CheckpointEvaluation evaluation;
  private final DeviationWarnings warnings;
  private final Notifications notifications;
  private final MonitoringSettings settings;
  private final Clock clock;

  EvaluateCheckpointDelegate(CheckpointEvaluation evaluation, DeviationWarnings warnings, Notifications notifications,
      MonitoringSettings settings, Clock clock) {
    this.evaluation = evaluation;
    this.warnings = warnings;
    this.notifications = notifications;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = YEAR.get(execution);
    String unit = UNIT.get(execution);
    LocalDate checkpoint = LocalDate.parse(CHECKPOINT.get(execution));
    List<Deviation> deviations = evaluation.deviations(year, unit, checkpoint);
    String listed = String.join("\n", deviations.stream().map(Deviation::subject).toList());
    DEVIATION_COUNT.set(execution, deviations.size());
    DEVIATIONS.set(execution, listed);
    if (deviations.isEmpty()) {
      return;
    }
    deviations.forEach(deviation -> warnings.record(year, checkpoint, unit, deviation, execution.getProcessInstanceId(), clock.instant()));
    LocalDate today = CollegeTime.today(clock);
    CORRECTION_DUE_AT.set(execution, settings.correctionDueAt(today));
    VERIFICATION_DUE_AT.set(execution, settings.verificationDueAt(today));
    // an overdue 表6 task is the daily deadline scan's to announce: the warning names only what the scan does not see
    List<Deviation> announced = deviations.stream().filter(deviation -> deviation.kind() != Deviation.Kind.TASK_OVERDUE).toList();
    if (announced.isEmpty()) {
      return;
    }
    notifications.send(UNIT_HEAD_GROUP.get(execution), Notifications.Kind.DEVIATION,
        "【监测预警】" + UNIT_NAME.get(execution) + " " + checkpoint + " 检查点发现 " + announced.size() + " 项偏差",
        String.join("\n", announced.stream().map(Deviation::subject).toList()) + "\n请在任务列表中提交纠偏措施。",
        execution.getProcessInstanceId());
  }
}
