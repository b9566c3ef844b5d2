package cn.zhengai.processes;

import static cn.zhengai.processes.MonitoringCheckpointProcess.Elements.*;
import static cn.zhengai.processes.MonitoringCheckpointProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.MonitoringCheckpointProcess.Beans;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/** The monitor → warn → correct loop, path by path: on track, corrected, correction returned and redone. */
abstract class MonitoringCheckpointPaths extends ModelPathsSupport {


  /** How many deviations the evaluation finds, per test. */
  private int deviationsFound;

  @Override
  ProcessModel model() {
    return MonitoringCheckpointProcess.MODEL;
  }

  @Override
  void bindBeans() {
    Mocks.register(Beans.EVALUATE, (JavaDelegate) execution -> {
      execution.setVariable(DEVIATION_COUNT.name(), deviationsFound);
      execution.setVariable(DEVIATIONS.name(), deviationsFound == 0 ? "" : "任务「期中教学检查」滞后：进度 20%，应达 60%");
      execution.setVariable(CORRECTION_DUE_AT.name(), Date.from(Instant.now().plus(Duration.ofDays(10))));
      execution.setVariable(VERIFICATION_DUE_AT.name(), Date.from(Instant.now().plus(Duration.ofDays(15))));
    });
    Mocks.register(Beans.CHECK_CORRECTION, (TaskListener) task -> {});
    Mocks.register(CycleDecisions.CHECK_DECISION, (TaskListener) task -> {});
    Mocks.register(CycleDecisions.SHOW_UNIT, (TaskListener) task -> {});
    Mocks.register(CycleDecisions.LIST_CHANGES_SINCE_RETURN, (TaskListener) task -> {});
    Mocks.register(TaskEscalationProcess.Beans.LADDER_LISTENER, (TaskListener) task -> {});
  }

  @Test
  void aUnitOnTrackReportsAndIsDone() {
    deviationsFound = 0;
    ProcessInstance checkpoint = startCheckpoint();

    Task report = task(checkpoint, TASK_REPORT_PROGRESS, null);
    assertThat(candidateGroupsOf(report)).containsExactly("head-jwc");
    assertThat(report.getDueDate()).isNotNull();
    engine.getTaskService().complete(report.getId(), Map.of(PROGRESS_SUMMARY.name(), "完成期中教学检查方案"));

    assertThat(ended(checkpoint)).isTrue();
    assertThat(passedThrough(checkpoint, END_ON_TRACK)).isTrue();
  }

  @Test
  void aDeviationIsWarnedCorrectedByTheUnitAndVerifiedByTheQaOffice() {
    deviationsFound = 1;
    ProcessInstance checkpoint = startCheckpoint();
    complete(checkpoint, TASK_REPORT_PROGRESS, null, Map.of(PROGRESS_SUMMARY.name(), "进度滞后"));

    Task correct = task(checkpoint, TASK_CORRECT_DEVIATION, null);
    assertThat(candidateGroupsOf(correct)).containsExactly("head-jwc");
    assertThat(engine.getTaskService().getVariable(correct.getId(), DEVIATIONS.name())).asString().contains("滞后");
    engine.getTaskService().complete(correct.getId(), correction("人手不足"));
    Task verify = task(checkpoint, TASK_VERIFY_CORRECTION, null);
    assertThat(candidateGroupsOf(verify)).containsExactly("zgb");
    engine.getTaskService().complete(verify.getId(), Map.of(DECISION.name(), CycleDecisions.APPROVE));

    assertThat(ended(checkpoint)).isTrue();
    assertThat(passedThrough(checkpoint, END_CORRECTED)).isTrue();
  }

  @Test
  void aCorrectionTheQaOfficeReturnsIsRedone() {
    deviationsFound = 2;
    ProcessInstance checkpoint = startCheckpoint();
    complete(checkpoint, TASK_REPORT_PROGRESS, null, Map.of(PROGRESS_SUMMARY.name(), "进度滞后"));
    complete(checkpoint, TASK_CORRECT_DEVIATION, null, correction("原因不清"));
    complete(checkpoint, TASK_VERIFY_CORRECTION, null, Map.of(DECISION.name(), CycleDecisions.RETURN, RETURN_REASON.name(), "措施不具体"));

    Task redo = task(checkpoint, TASK_CORRECT_DEVIATION, null);
    assertThat(engine.getTaskService().getVariable(redo.getId(), RETURN_REASON.name())).isEqualTo("措施不具体");
    engine.getTaskService().complete(redo.getId(), correction("外聘两名兼职教师"));
    complete(checkpoint, TASK_VERIFY_CORRECTION, null, Map.of(DECISION.name(), CycleDecisions.APPROVE));

    assertThat(ended(checkpoint)).isTrue();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(checkpoint.getId())
        .taskDefinitionKey(TASK_CORRECT_DEVIATION).count()).isEqualTo(2);
  }

  private ProcessInstance startCheckpoint() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(UNIT.name(), "jwc");
    variables.put(UNIT_NAME.name(), "教务处");
    variables.put(UNIT_HEAD_GROUP.name(), "head-jwc");
    variables.put(VERIFIER_GROUP.name(), "zgb");
    variables.put(YEAR.name(), 2027);
    variables.put(CHECKPOINT.name(), "2027-04-30");
    variables.put(REPORT_DUE_AT.name(), Date.from(Instant.now().plus(Duration.ofDays(5))));
    ProcessInstance checkpoint = engine.getRuntimeService().startProcessInstanceByKey(MonitoringCheckpointProcess.KEY, "2027-04/jwc", variables);
    // the first step is asynchronous: starting many units' checkpoints at once never fails for one of them
    fire(checkpoint, TASK_REPORT_PROGRESS);
    return checkpoint;
  }

  private static Map<String, Object> correction(String cause) {
    return Map.of(CAUSE.name(), cause, MEASURE.name(), "每周督查进度", NEW_DATE.name(), "2027-05-31");
  }
}
