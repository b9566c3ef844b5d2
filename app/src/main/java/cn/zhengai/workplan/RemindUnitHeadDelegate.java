package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.notification.Notifications;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds a unit's heads that their plan is due soon. */
@ModelBean("提醒单位负责人计划即将到期")
@Component(AnnualWorkPlanProcess.Beans.REMIND_UNIT_HEAD)
class RemindUnitHeadDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final UnitTaskComments comments;

  RemindUnitHeadDelegate(Notifications notifications, UnitTaskComments comments) {
    this.notifications = notifications;
    this.comments = comments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object year = execution.getVariable(YEAR);
    String due = day((Date) execution.getVariable(SUBMISSION_DUE_AT));
    String message = "请于 " + due + " 前在任务列表中提交本单位 " + year + " 年度工作计划，逾期将升级至质管办督办。";
    notifications.send((String) execution.getVariable(UNIT_HEAD_GROUP), Notifications.Kind.REMINDER,
        year + " 年度工作计划即将截止：" + execution.getVariable(UNIT_NAME), message, execution.getProcessInstanceId());
    comments.onOpenPlanTask(execution, "【系统提醒】" + message);
  }

  static String day(Date date) {
    return CollegeTime.day(date).toString();
  }
}
