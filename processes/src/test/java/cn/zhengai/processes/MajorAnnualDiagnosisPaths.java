package cn.zhengai.processes;

import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Elements.*;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.MajorAnnualDiagnosisProcess.Beans;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/**
 * A major's yearly self-diagnosis, path by path, with its delegates replaced by recording mocks: measured before
 * the leader diagnoses, reviewed by the 二级学院's working group and accepted by 教务处, returned by either.
 */
abstract class MajorAnnualDiagnosisPaths extends ModelPathsSupport {

  private static final String MAJOR_CODE = "460702";
  private final List<String> steps = new ArrayList<>();

  @Override
  ProcessModel model() {
    return MajorAnnualDiagnosisProcess.MODEL;
  }

  /** The deadlines bean: a reviewing body has a week from the moment its task opens. */
  public static class Deadlines {
    public Date reviewDue() {
      return Date.from(Instant.now().plus(Duration.ofDays(7)));
    }
  }

  @Override
  void bindBeans() {
    Mocks.register(Beans.OPEN_MAJOR_YEAR, (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(MajorAnnualDiagnosisProcess.businessKey(YEAR.get(execution), MAJOR.get(execution)));
      MAJOR_NAME.set(execution, "新能源汽车技术");
      OWNER_GROUP.set(execution, "major-" + MAJOR.get(execution));
      WORKING_GROUP.set(execution, "qa-wg-qcxy");
      UNIT.set(execution, "qcxy");
      UNIT_NAME.set(execution, "汽车工程学院");
      UNIT_HEAD_GROUP.set(execution, "head-qcxy");
      SELF_DIAGNOSIS_DUE_AT.set(execution, Date.from(Instant.now().plus(Duration.ofDays(30))));
      steps.add("open");
    });
    Mocks.register(Beans.MEASURE_MAJOR, (JavaDelegate) execution -> {
      ATTAINMENT_SUMMARY.set(execution, "就业率 96%（目标 95%，达成）");
      steps.add("measure");
    });
    Mocks.register(Beans.RECORD_MAJOR_REVIEW, (TaskListener) task -> steps.add("self-diagnosis"));
    Mocks.register(Beans.RECORD_MAJOR_YEAR, (JavaDelegate) execution -> steps.add("record"));
    for (String listener : List.of(CycleDecisions.CHECK_DECISION, CycleDecisions.SHOW_UNIT,
        CycleDecisions.LIST_CHANGES_SINCE_RETURN, TaskEscalationProcess.Beans.LADDER_LISTENER)) {
      Mocks.register(listener, (TaskListener) task -> {});
    }
    Mocks.register(SchoolAnnualCycleProcess.Beans.DEADLINES, new Deadlines());
  }

  @Test
  void theLeaderDiagnosesWithTheFiguresInViewAndTheDiagnosisIsReviewedAcceptedAndRecorded() {
    ProcessInstance year = start(2027);
    assertThat(year.getBusinessKey()).isEqualTo("2027/" + MAJOR_CODE);

    Task diagnose = task(year, TASK_SELF_DIAGNOSE_MAJOR, null);
    assertThat(candidateGroupsOf(diagnose)).containsExactly("major-" + MAJOR_CODE);
    assertThat(diagnose.getDueDate()).isNotNull();
    assertThat(engine.getTaskService().getVariable(diagnose.getId(), ATTAINMENT_SUMMARY.name())).asString().contains("就业率");
    engine.getTaskService().complete(diagnose.getId(), selfDiagnosis());
    Task review = task(year, TASK_REVIEW_BY_WORKING_GROUP, null);
    assertThat(candidateGroupsOf(review)).containsExactly("qa-wg-qcxy");
    engine.getTaskService().complete(review.getId(), decision(CycleDecisions.APPROVE));
    Task accept = task(year, TASK_ACCEPT_BY_ACADEMIC_AFFAIRS, null);
    assertThat(candidateGroupsOf(accept)).containsExactly("jwc");
    engine.getTaskService().complete(accept.getId(), decision(CycleDecisions.APPROVE));

    assertThat(ended(year)).isTrue();
    assertThat(passedThrough(year, END_MAJOR_YEAR_DIAGNOSED)).isTrue();
    assertThat(steps).containsExactly("open", "measure", "self-diagnosis", "record");
  }

  @Test
  void theWorkingGroupAndAcademicAffairsEachReturnTheDiagnosisToTheLeader() {
    ProcessInstance year = start(2027);
    complete(year, TASK_SELF_DIAGNOSE_MAJOR, null, selfDiagnosis());
    complete(year, TASK_REVIEW_BY_WORKING_GROUP, null, decision(CycleDecisions.RETURN));
    complete(year, TASK_SELF_DIAGNOSE_MAJOR, null, selfDiagnosis());
    complete(year, TASK_REVIEW_BY_WORKING_GROUP, null, decision(CycleDecisions.APPROVE));
    complete(year, TASK_ACCEPT_BY_ACADEMIC_AFFAIRS, null, decision(CycleDecisions.RETURN));

    assertThat(waitingAt(year)).containsExactly(TASK_SELF_DIAGNOSE_MAJOR);
    assertThat(steps).containsExactly("open", "measure", "self-diagnosis", "self-diagnosis");
    assertThat(passedThrough(year, TASK_RECORD_MAJOR_YEAR)).isFalse();
  }

  private ProcessInstance start(int year) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(MajorAnnualDiagnosisProcess.KEY,
        Map.of(YEAR.name(), year, MAJOR.name(), MAJOR_CODE));
    fire(instance, TASK_MEASURE_MAJOR);
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
  }

  private static Map<String, Object> selfDiagnosis() {
    return Map.of(PROBLEMS.name(), "实训设备更新滞后", CAUSES.name(), "经费不足", IMPROVEMENT_MEASURES.name(), "校企共建实训基地",
        OBJECTIVE_REVISION.name(), "增加智能网联方向", CURRICULUM_IMPROVEMENT.name(), "新增电池管理课程", SELF_GRADE.name(), "良好");
  }

  private static Map<String, Object> decision(String decision) {
    return decision.equals(CycleDecisions.APPROVE) ? Map.of(DECISION, decision)
        : Map.of(DECISION, decision, CycleDecisions.RETURN_REASON, "原因分析不够具体");
  }
}
