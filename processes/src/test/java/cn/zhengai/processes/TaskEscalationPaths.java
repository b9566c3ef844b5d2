package cn.zhengai.processes;

import static cn.zhengai.processes.TaskEscalationProcess.Elements.*;
import static cn.zhengai.processes.TaskEscalationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/** The escalation ladder, path by path: closed before any rung, after the reminder, and climbed to the top. */
abstract class TaskEscalationPaths extends ModelPathsSupport {


  private final List<String> steps = new ArrayList<>();

  @Override
  ProcessModel model() {
    return TaskEscalationProcess.MODEL;
  }

  @Override
  void bindBeans() {
    Mocks.register(TaskEscalationProcess.Beans.STEPS, new Steps());
  }

  /** The steps bean: each method records its rung. */
  public class Steps {
    public void remind(DelegateExecution execution) {
      steps.add("remind " + UNIT.get(execution));
    }

    public void escalateToQaOffice(DelegateExecution execution) {
      steps.add("qa-office " + UNIT.get(execution));
    }

    public void escalateToLeadingGroup(DelegateExecution execution) {
      steps.add("leading-group " + UNIT.get(execution));
    }
  }

  @Test
  void aTaskDoneBeforeItsReminderEndsTheLadderWithoutARung() {
    ProcessInstance ladder = startLadder("task-1");
    assertThat(rungWaiting(ladder)).containsExactly(TIMER_BEFORE_DUE);

    closeTask("task-1");

    assertThat(ended(ladder)).isTrue();
    assertThat(passedThrough(ladder, END_TASK_CLOSED)).isTrue();
    assertThat(steps).isEmpty();
  }

  @Test
  void theReminderGoesOutBeforeTheDueDateAndClosingTheTaskStopsTheRest() {
    ProcessInstance ladder = startLadder("task-2");
    fire(ladder, TIMER_BEFORE_DUE);
    assertThat(steps).containsExactly("remind jwc");
    assertThat(rungWaiting(ladder)).containsExactly(TIMER_DUE);

    closeTask("task-2");

    assertThat(ended(ladder)).isTrue();
    assertThat(steps).containsExactly("remind jwc");
  }

  @Test
  void aTaskLeftOpenClimbsToTheQaOfficeAndThenToTheLeadingGroup() {
    ProcessInstance ladder = startLadder("task-3");
    fire(ladder, TIMER_BEFORE_DUE);
    fire(ladder, TIMER_DUE);
    assertThat(steps).containsExactly("remind jwc", "qa-office jwc");
    fire(ladder, TIMER_LONG_OVERDUE);

    assertThat(steps).containsExactly("remind jwc", "qa-office jwc", "leading-group jwc");
    assertThat(ended(ladder)).isTrue();
    assertThat(passedThrough(ladder, END_LADDER_CLIMBED)).isTrue();
    // the other ladders are not disturbed by one task's message
    closeTask("task-3");
  }

  @Test
  void closingOneTaskLeavesTheLaddersOfOtherTasksClimbing() {
    ProcessInstance first = startLadder("task-4");
    ProcessInstance second = startLadder("task-5");

    closeTask("task-4");

    assertThat(ended(first)).isTrue();
    assertThat(ended(second)).isFalse();
    assertThat(rungWaiting(second)).containsExactly(TIMER_BEFORE_DUE);
  }

  private ProcessInstance startLadder(String taskId) {
    Instant due = Instant.now().plus(Duration.ofDays(10));
    Map<String, Object> variables = new HashMap<>();
    variables.put(TASK_ID.name(), taskId);
    variables.put(TASK_NAME.name(), "提交年度工作计划");
    variables.put(TASK_ACTIVITY.name(), "Task_SubmitWorkPlan");
    variables.put(TASK_PROCESS_INSTANCE.name(), "plan-2027");
    variables.put(TASK_BUSINESS_KEY.name(), "2027");
    variables.put(UNIT.name(), "jwc");
    variables.put(REMINDED_GROUP.name(), "head-jwc");
    variables.put(REMIND_AT.name(), Date.from(due.minus(Duration.ofDays(3))));
    variables.put(DUE_AT.name(), Date.from(due));
    variables.put(LEADING_GROUP_AT.name(), Date.from(due.plus(Duration.ofDays(7))));
    // the task's id is the ladder's business key
    return engine.getRuntimeService().startProcessInstanceByKey(TaskEscalationProcess.KEY, taskId, variables);
  }

  private void closeTask(String taskId) {
    engine.getRuntimeService().createMessageCorrelation(TaskEscalationProcess.MESSAGE_TASK_CLOSED)
        .processInstanceBusinessKey(taskId).correlateAll();
  }

  private List<String> rungWaiting(ProcessInstance ladder) {
    return super.waitingAt(ladder).stream().filter(activity -> !activity.equals(SUB_PROCESS_LADDER)).toList();
  }
}
