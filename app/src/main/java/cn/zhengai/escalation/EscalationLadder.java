package cn.zhengai.escalation;

import static cn.zhengai.processes.TaskEscalationProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.EngineUserNames;
import cn.zhengai.org.Majors;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.processes.SharedVariables;
import cn.zhengai.processes.TaskEscalationProcess;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts every human task that names it on its own escalation ladder ({@link TaskEscalationProcess}): started when
 * the task is created, with dates around the task's due date and the task's id as business key, and ended when the
 * task is completed or deleted. A model makes a task escalate by adding this listener for create, complete and delete.
 */
@ModelBean("任务督办升级：任务创建时开始、完成或删除时结束（须在 create、complete、delete 三个事件上添加）")
@Component(TaskEscalationProcess.Beans.LADDER_LISTENER)
class EscalationLadder implements TaskListener {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final OrgUnitRepository units;
  private final Majors majors;
  private final EscalationSettings settings;

  // the engine's services are built after the listeners it calls
  EscalationLadder(@Lazy RuntimeService runtimeService, @Lazy IdentityService identityService, OrgUnitRepository units,
      Majors majors, EscalationSettings settings) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.units = units;
    this.majors = majors;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      start(task);
    } else {
      close(task.getId());
    }
  }

  private void start(DelegateTask task) {
    Date due = task.getDueDate();
    String group = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(id -> id != null).findFirst().orElse(null);
    // a task given to one person (an expert's review) reminds that person and answers for the unit its process is about
    String person = group == null ? task.getAssignee() : null;
    String unit = group != null ? unitAnswering(group) : SharedVariables.UNIT.find(task).orElse(null);
    if (due == null || unit == null || (group == null && person == null)) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(TASK_ID.name(), task.getId());
    variables.put(TASK_NAME.name(), person == null ? task.getName() : task.getName() + "（" + nameOf(person) + "）");
    variables.put(TASK_ACTIVITY.name(), task.getTaskDefinitionKey());
    variables.put(TASK_PROCESS_INSTANCE.name(), task.getProcessInstanceId());
    variables.put(TASK_BUSINESS_KEY.name(), task.getExecution().getProcessBusinessKey());
    variables.put(UNIT.name(), unit);
    if (person != null) {
      variables.put(REMINDED_PERSON.name(), person);
    } else {
      boolean hasHeads = units.findById(unit).map(found -> found.kind().hasHeads()).orElse(false);
      variables.put(REMINDED_GROUP.name(), hasHeads ? OrgGroups.headsOf(unit) : group);
    }
    variables.put(DUE_AT.name(), due);
    variables.put(REMIND_AT.name(), Date.from(due.toInstant().minus(Duration.ofDays(settings.remindDaysBeforeDue()))));
    variables.put(LEADING_GROUP_AT.name(), Date.from(due.toInstant().plus(Duration.ofDays(settings.leadingGroupDaysAfterDue()))));
    runtimeService.startProcessInstanceByKey(TaskEscalationProcess.KEY, task.getId(), variables);
  }

  private String nameOf(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : EngineUserNames.fullName(user);
  }

  /**
   * The unit whose heads answer for a group's tasks: the unit it heads, the 二级学院 of a working group or of a
   * major, else the group itself.
   */
  private String unitAnswering(String group) {
    String headed = OrgGroups.unitHeadedBy(group);
    if (headed != null) {
      return headed;
    }
    String workingGroupsUnit = OrgGroups.unitOfWorkingGroup(group);
    if (workingGroupsUnit != null) {
      return workingGroupsUnit;
    }
    String major = OrgGroups.majorLedBy(group);
    return major == null ? group : majors.findByCode(major).map(stored -> stored.major().unit()).orElse(group);
  }

  private void close(String taskId) {
    boolean closed = !runtimeService.createMessageCorrelation(TaskEscalationProcess.MESSAGE_TASK_CLOSED)
        .processInstanceBusinessKey(taskId).correlateAllWithResult().isEmpty();
    if (!closed) {
      // a ladder started before the task's id became its business key (earlier releases) is found by its variable
      runtimeService.createMessageCorrelation(TaskEscalationProcess.MESSAGE_TASK_CLOSED)
          .processInstanceVariableEquals(TASK_ID.name(), taskId).correlateAll();
    }
  }
}
