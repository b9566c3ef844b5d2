package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.escalation.EscalationRecords;
import cn.zhengai.escalation.EscalationRecords.Escalation;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that a unit's plan is overdue and escalates it to the QA office (质管办), once. */
@ModelBean("记录单位计划逾期并升级至质管办（一次）")
@Component(AnnualWorkPlanProcess.Beans.RECORD_ESCALATION)
class RecordPlanEscalationDelegate implements JavaDelegate {

  static final String STAGE_QA_OFFICE = "QA_OFFICE";

  private final EscalationRecords escalations;
  private final Notifications notifications;
  private final UnitTaskComments comments;
  private final Clock clock;

  RecordPlanEscalationDelegate(EscalationRecords escalations, Notifications notifications, UnitTaskComments comments,
      Clock clock) {
    this.escalations = escalations;
    this.notifications = notifications;
    this.comments = comments;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date dueAt = (Date) execution.getVariable(SUBMISSION_DUE_AT);
    boolean first = escalations.record(new Escalation(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
        (String) execution.getVariable(UNIT), Elements.TASK_SUBMIT_WORK_PLAN, STAGE_QA_OFFICE, OrgGroups.QA_OFFICE, dueAt,
        clock.instant()));
    if (first) {
      String subject = execution.getVariable(YEAR) + " 年度工作计划逾期：" + execution.getVariable(UNIT_NAME);
      String body = execution.getVariable(UNIT_NAME) + " 未在 " + RemindUnitHeadDelegate.day(dueAt)
          + " 前提交年度工作计划，已升级至质管办督办。";
      notifications.send(OrgGroups.QA_OFFICE, Notifications.Kind.ESCALATION, subject, body, execution.getProcessInstanceId());
      notifications.send((String) execution.getVariable(UNIT_HEAD_GROUP), Notifications.Kind.ESCALATION, subject, body,
          execution.getProcessInstanceId());
      comments.onOpenPlanTask(execution, "【逾期升级】" + body);
    }
  }
}
