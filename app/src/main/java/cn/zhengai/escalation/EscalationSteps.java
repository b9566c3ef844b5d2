package cn.zhengai.escalation;

import static cn.zhengai.processes.TaskEscalationProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.escalation.EscalationRecords.Escalation;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.org.SubjectOwners;
import cn.zhengai.processes.TaskEscalationProcess;
import cn.zhengai.processes.TaskEscalationProcess.Stages;
import cn.zhengai.spiral.Subject;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The rungs of the escalation ladder, called by its model: remind the unit's heads (for a task given to one person, such
 * as an expert's review, that person), then tell the body above the
 * unit (the QA office; for the QA office's own task the leading group), then the leading group; the leading group's
 * own tasks are reminded and go nowhere else. Each rung is recorded (task, unit, stage, to whom, when) for accountability, sent as a
 * notification, and written on the task as a comment where its workers see it.
 */
@ModelBean("督办升级各级：remind(execution) 提醒单位负责人，escalateToQaOffice(execution) 告知质管办，escalateToLeadingGroup(execution) 告知领导小组")
@Component(TaskEscalationProcess.Beans.STEPS)
public class EscalationSteps {

  private static final Map<String, String> NAMES = Map.of(OrgGroups.QA_OFFICE, "质管办", OrgGroups.LEADING_GROUP, "领导小组");

  private final EscalationRecords records;
  private final Notifications notifications;
  private final TaskService taskService;
  private final OrgUnitRepository units;
  private final SubjectOwners owners;
  private final Clock clock;

  EscalationSteps(EscalationRecords records, Notifications notifications, @Lazy TaskService taskService,
      OrgUnitRepository units, SubjectOwners owners, Clock clock) {
    this.records = records;
    this.owners = owners;
    this.notifications = notifications;
    this.taskService = taskService;
    this.units = units;
    this.clock = clock;
  }

  public void remind(DelegateExecution execution) {
    String above = above(UNIT.get(execution));
    // a person's own task (an expert's review) reminds the person; a unit's task the unit's heads
    String person = REMINDED_PERSON.find(execution).orElse(null);
    climb(execution, Stages.REMINDER, person == null ? REMINDED_GROUP.get(execution) : person, person != null,
        Notifications.Kind.REMINDER,
        "【催办】「%s」将于 %s 到期（%s）", above == null ? "请在任务列表中按期办理。"
            : "请在任务列表中按期办理；到期未办将升级至" + NAMES.get(above) + "。");
  }

  /** At the due date, the body above the task's unit: 质管办, or for 质管办's own task the leading group; none above the leading group. */
  public void escalateToQaOffice(DelegateExecution execution) {
    String above = above(UNIT.get(execution));
    if (above != null) {
      climb(execution, OrgGroups.LEADING_GROUP.equals(above) ? Stages.LEADING_GROUP : Stages.QA_OFFICE, above, false,
          Notifications.Kind.ESCALATION, "【逾期升级】「%s」已于 %s 到期，仍未办理（%s）", "已记录在案，请" + NAMES.get(above) + "督办。");
    }
  }

  /** Long after the due date, the leading group, unless the task is its own. */
  public void escalateToLeadingGroup(DelegateExecution execution) {
    if (above(UNIT.get(execution)) != null) {
      climb(execution, Stages.LEADING_GROUP, OrgGroups.LEADING_GROUP, false, Notifications.Kind.ESCALATION,
          "【再次升级】「%s」%s 到期后长期未办理（%s）", "已记录在案，作为问责依据，请领导小组过问。");
    }
  }

  /** The body a unit's overdue task goes to, so that nobody is told of their own delay as if by someone else. */
  private String above(String unitId) {
    return OrgGroups.LEADING_GROUP.equals(unitId) ? null : owners.nextBodyUpOf(Subject.unit(unitId));
  }

  private void climb(DelegateExecution execution, String stage, String recipient, boolean toPerson, Notifications.Kind kind,
      String subjectFormat, String advice) {
    String unitId = UNIT.get(execution);
    String unitName = units.findById(unitId).map(OrgUnit::name).orElse(unitId);
    Date due = DUE_AT.get(execution);
    String taskProcessInstance = TASK_PROCESS_INSTANCE.get(execution);
    String subject = String.format(subjectFormat, TASK_NAME.get(execution), CollegeTime.day(due), unitName);
    // ladders of earlier releases carry the task's business key as their own
    String businessKey = execution.hasVariable(TASK_BUSINESS_KEY.name()) ? TASK_BUSINESS_KEY.find(execution).orElse(null)
        : execution.getProcessBusinessKey();
    records.record(new Escalation(taskProcessInstance, businessKey, unitId, TASK_ACTIVITY.get(execution), stage, recipient, due,
        clock.instant()));
    if (toPerson) {
      notifications.sendToPerson(recipient, kind, subject, advice, taskProcessInstance);
    } else {
      notifications.send(recipient, kind, subject, advice, taskProcessInstance);
    }
    String taskId = TASK_ID.get(execution);
    if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
      taskService.createComment(taskId, taskProcessInstance, subject + "。" + advice);
    }
  }
}
