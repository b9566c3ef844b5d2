package cn.zhengai.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.escalation.EscalationRecords.Escalation;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.processes.MajorAssessmentProcess.Elements;
import cn.zhengai.processes.TaskEscalationProcess;
import cn.zhengai.support.AppTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nobody is escalated to themselves: a unit's overdue task goes to 质管办, 质管办's own to the leading group, and the
 * leading group's own is reminded and goes nowhere else; an expert's own review reminds the expert. A major's assessment
 * holds tasks of all of them.
 */
@AppTest
class EscalationBodiesTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EscalationRecords records;
  @Autowired JdbcTemplate jdbc;
  @Autowired Notifications notifications;

  private String assessment;

  @AfterEach
  void endTheAssessment() {
    runtimeService.deleteProcessInstance(assessment, "test finished");
    jdbc.update("DELETE FROM process_round WHERE business_key = '2034-2036/460702'");
    jdbc.update("DELETE FROM escalation_record WHERE process_instance_id = ?", assessment);
    jdbc.update("DELETE FROM notification WHERE process_instance_id = ?", assessment);
  }

  @Test
  void anExpertIsRemindedInPersonAndTheirLateReviewGoesToTheQaOfficeThenTheLeadingGroup() {
    assessment = runtimeService.startProcessInstanceByKey(MajorAssessmentProcess.KEY, Map.of(
        MajorAssessmentProcess.Variables.PERIOD.name(), "2034-2036", MajorAssessmentProcess.Variables.MAJOR.name(), "460702")).getId();
    runtimeService.setVariable(assessment, MajorAssessmentProcess.Variables.EXPERT_REVIEW_DUE_AT.name(),
        CollegeTime.endOfDay(LocalDate.of(2035, 4, 30)));
    runtimeService.createProcessInstanceModification(assessment).startBeforeActivity(Elements.TASK_EXPERT_REVIEW + "#multiInstanceBody")
        .setVariable(MajorAssessmentProcess.Variables.EXPERTS.name(), List.of("songkai")).execute();
    climbTheWholeLadder(Elements.TASK_EXPERT_REVIEW);

    assertThat(rungs(Elements.TASK_EXPERT_REVIEW)).as("the expert first, then the bodies above the major's 二级学院")
        .containsExactly("REMINDER→songkai", "QA_OFFICE→zgb", "LEADING_GROUP→qa-leading-group");
    assertThat(notifications.mine("songkai", List.of(), 0, 10)).extracting(Notifications.Notification::subject)
        .contains("【催办】「专家评审打分（宋凯）」将于 2035-04-30 到期（汽车工程学院）");
    assertThat(notifications.mine("zhouqiang", List.of(OrgGroups.QA_OFFICE), 0, 10)).extracting(Notifications.Notification::subject)
        .contains("【逾期升级】「专家评审打分（宋凯）」已于 2035-04-30 到期，仍未办理（汽车工程学院）");
  }

  @Test
  void theQaOfficesOverdueTaskGoesToTheLeadingGroupAndTheLeadingGroupsOwnNowhereElse() {
    assessment = runtimeService.startProcessInstanceByKey(MajorAssessmentProcess.KEY, Map.of(
        MajorAssessmentProcess.Variables.PERIOD.name(), "2034-2036", MajorAssessmentProcess.Variables.MAJOR.name(), "460702")).getId();
    climbTheWholeLadder(Elements.TASK_FORM_PANEL);
    climbTheWholeLadder(Elements.TASK_SUBMIT_MATERIALS);
    runtimeService.createProcessInstanceModification(assessment).startBeforeActivity(Elements.TASK_DECIDE_SANCTION).execute();
    climbTheWholeLadder(Elements.TASK_DECIDE_SANCTION);

    assertThat(rungs(Elements.TASK_FORM_PANEL)).as("质管办's own task: the leading group is told at the due date, once")
        .containsExactly("REMINDER→head-zgb", "LEADING_GROUP→qa-leading-group");
    assertThat(rungs(Elements.TASK_SUBMIT_MATERIALS)).as("the 二级学院 working group's task, reminded to its heads").containsExactly(
        "REMINDER→head-qcxy", "QA_OFFICE→zgb", "LEADING_GROUP→qa-leading-group");
    assertThat(rungs(Elements.TASK_DECIDE_SANCTION)).as("the leading group's own task").containsExactly(
        "REMINDER→qa-leading-group");
  }

  private void climbTheWholeLadder(String activity) {
    String task = taskService.createTaskQuery().processInstanceId(assessment).taskDefinitionKey(activity).singleResult().getId();
    String ladder = runtimeService.createProcessInstanceQuery().processDefinitionKey(TaskEscalationProcess.KEY)
        .processInstanceBusinessKey(task).singleResult().getId();
    for (String timer : List.of(TaskEscalationProcess.Elements.TIMER_BEFORE_DUE, TaskEscalationProcess.Elements.TIMER_DUE,
        TaskEscalationProcess.Elements.TIMER_LONG_OVERDUE)) {
      managementService.executeJob(managementService.createJobQuery().processInstanceId(ladder).activityId(timer).singleResult()
          .getId());
    }
  }

  private List<String> rungs(String activity) {
    return records.findAll(null).stream().filter(rung -> rung.processInstanceId().equals(assessment))
        .filter(rung -> rung.activityId().equals(activity)).map(rung -> rung.stage() + "→" + rung.escalatedTo()).toList();
  }
}
