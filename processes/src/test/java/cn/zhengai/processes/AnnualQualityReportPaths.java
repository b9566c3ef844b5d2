package cn.zhengai.processes;

import static cn.zhengai.processes.AnnualQualityReportProcess.Elements.*;
import static cn.zhengai.processes.AnnualQualityReportProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualQualityReportProcess.Beans;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/**
 * The annual quality report's round, path by path, with its delegates replaced by recording mocks: 质管办 writes, the
 * leading group publishes it, or returns it and 质管办 writes again.
 */
abstract class AnnualQualityReportPaths extends ModelPathsSupport {

  private final List<String> steps = new ArrayList<>();

  @Override
  ProcessModel model() {
    return AnnualQualityReportProcess.MODEL;
  }

  @Override
  void bindBeans() {
    Mocks.register(Beans.OPEN_REPORT, (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(AnnualQualityReportProcess.businessKey(YEAR.get(execution)));
      REPORT_DUE_AT.set(execution, Date.from(Instant.now().plus(Duration.ofDays(20))));
      steps.add("open");
    });
    Mocks.register(Beans.TAKE_SUBMITTED_VERSION, (TaskListener) task -> {
      SUBMITTED_VERSION.set(task, steps.size());
      steps.add("submitted");
    });
    Mocks.register(Beans.DECIDE_REPORT, (TaskListener) task -> steps.add(decided(task)));
    for (String listener : List.of(CycleDecisions.CHECK_DECISION, CycleDecisions.SHOW_UNIT,
        TaskEscalationProcess.Beans.LADDER_LISTENER)) {
      Mocks.register(listener, (TaskListener) task -> {});
    }
    Mocks.register(SchoolAnnualCycleProcess.Beans.DEADLINES, new MajorAnnualDiagnosisPaths.Deadlines());
  }

  private static String decided(DelegateTask task) {
    return TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) ? "shown" : "decided " + task.getVariable(DECISION);
  }

  @Test
  void theQaOfficeWritesAndTheLeadingGroupPublishes() {
    ProcessInstance round = start(2027);
    assertThat(round.getBusinessKey()).isEqualTo("2027");

    Task write = task(round, TASK_WRITE_REPORT, null);
    assertThat(candidateGroupsOf(write)).containsExactly("zgb");
    assertThat(write.getDueDate()).isNotNull();
    engine.getTaskService().complete(write.getId());
    Task approve = task(round, TASK_APPROVE_REPORT, null);
    assertThat(candidateGroupsOf(approve)).containsExactly("qa-leading-group");
    assertThat(approve.getDueDate()).isNotNull();
    engine.getTaskService().complete(approve.getId(), Map.of(DECISION, CycleDecisions.APPROVE));

    assertThat(ended(round)).isTrue();
    assertThat(passedThrough(round, END_REPORT_PUBLISHED)).isTrue();
    assertThat(steps).containsExactly("open", "submitted", "shown", "decided approve");
  }

  @Test
  void aReturnedReportGoesBackToTheQaOffice() {
    ProcessInstance round = start(2027);
    complete(round, TASK_WRITE_REPORT, null, Map.of());
    // anything but an approval takes the gateway's default flow back to 质管办
    complete(round, TASK_APPROVE_REPORT, null, Map.of(DECISION, CycleDecisions.RETURN, CycleDecisions.RETURN_REASON, "专题报告缺数据"));

    assertThat(waitingAt(round)).containsExactly(TASK_WRITE_REPORT);
    assertThat(steps).containsExactly("open", "submitted", "shown", "decided return");
    assertThat(passedThrough(round, END_REPORT_PUBLISHED)).isFalse();
  }

  private ProcessInstance start(int year) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(AnnualQualityReportProcess.KEY,
        Map.of(YEAR.name(), year));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
  }
}
