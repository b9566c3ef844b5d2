package cn.zhengai.processes;

import static cn.zhengai.processes.MajorAssessmentProcess.Elements.*;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.MajorAssessmentProcess.Beans;
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
 * The three-yearly assessment of a major, path by path, with its delegates replaced by recording mocks: the panel
 * formed while the materials are submitted, one review task per expert, and the three conclusions — 合格 recorded,
 * 基本合格 rectified (and returned once), 不合格 decided by the leading group and rectified.
 */
abstract class MajorAssessmentPaths extends ModelPathsSupport {

  private static final String MAJOR_CODE = "460702";
  private static final List<String> PANEL = List.of("expert-chen", "expert-li", "expert-zhao");
  private final List<String> recorded = new ArrayList<>();

  @Override
  ProcessModel model() {
    return MajorAssessmentProcess.MODEL;
  }

  @Override
  void bindBeans() {
    Mocks.register(Beans.OPEN_ASSESSMENT, (JavaDelegate) execution -> {
      execution.setProcessBusinessKey(MajorAssessmentProcess.businessKey(PERIOD.get(execution), MAJOR.get(execution)));
      MAJOR_NAME.set(execution, "新能源汽车技术");
      OWNER_GROUP.set(execution, "major-" + MAJOR.get(execution));
      WORKING_GROUP.set(execution, "qa-wg-qcxy");
      UNIT.set(execution, "qcxy");
      UNIT_NAME.set(execution, "汽车工程学院");
      UNIT_HEAD_GROUP.set(execution, "head-qcxy");
      PANEL_DUE_AT.set(execution, inDays(30));
      MATERIALS_DUE_AT.set(execution, inDays(30));
    });
    Mocks.register(Beans.CHECK_EXPERT_PANEL, (TaskListener) task -> {});
    Mocks.register(Beans.RECORD_ASSESSMENT_STEP, (TaskListener) task -> {
      if (TASK_SCHEDULE_SITE_VISIT.equals(task.getTaskDefinitionKey())) {
        EXPERT_REVIEW_DUE_AT.set(task, inDays(40));
      }
      if (TASK_CONCLUDE_ASSESSMENT.equals(task.getTaskDefinitionKey())) {
        RECTIFICATION_DUE_AT.set(task, inDays(90));
      }
    });
    Mocks.register(Beans.SUMMARISE_EXPERT_REVIEWS, (JavaDelegate) execution -> PANEL_SUMMARY.set(execution, "三位专家均评基本合格"));
    Mocks.register(Beans.RECORD_ASSESSMENT, (JavaDelegate) execution -> recorded.add(CONCLUSION.get(execution)));
    for (String listener : List.of(CycleDecisions.CHECK_DECISION, CycleDecisions.SHOW_UNIT,
        CycleDecisions.LIST_CHANGES_SINCE_RETURN, TaskEscalationProcess.Beans.LADDER_LISTENER)) {
      Mocks.register(listener, (TaskListener) task -> {});
    }
    Mocks.register(SchoolAnnualCycleProcess.Beans.DEADLINES, new MajorAnnualDiagnosisPaths.Deadlines());
  }

  @Test
  void thePanelIsFormedWhileTheMaterialsComeInAndEachExpertReviewsInTheirOwnTask() {
    ProcessInstance assessment = start();
    assertThat(assessment.getBusinessKey()).isEqualTo("2025-2027/" + MAJOR_CODE);
    assertThat(waitingAt(assessment)).containsExactlyInAnyOrder(TASK_FORM_PANEL, TASK_SUBMIT_MATERIALS);
    assertThat(candidateGroupsOf(task(assessment, TASK_FORM_PANEL, null))).containsExactly("zgb");
    assertThat(candidateGroupsOf(task(assessment, TASK_SUBMIT_MATERIALS, null))).containsExactly("qa-wg-qcxy");

    prepareAndReview(assessment);
    conclude(assessment, "合格");

    assertThat(ended(assessment)).isTrue();
    assertThat(passedThrough(assessment, TASK_RECTIFY)).isFalse();
    assertThat(recorded).containsExactly("合格");
  }

  @Test
  void aMajorBasicallyPassedRectifiesUntilTheQaOfficeAcceptsIt() {
    ProcessInstance assessment = start();
    prepareAndReview(assessment);
    conclude(assessment, "基本合格");

    Task rectify = task(assessment, TASK_RECTIFY, null);
    assertThat(candidateGroupsOf(rectify)).containsExactly("major-" + MAJOR_CODE);
    assertThat(rectify.getDueDate()).isNotNull();
    engine.getTaskService().complete(rectify.getId(), rectification());
    complete(assessment, TASK_CHECK_RECTIFICATION, null,
        Map.of(DECISION, CycleDecisions.RETURN, CycleDecisions.RETURN_REASON, "整改效果缺少数据"));
    complete(assessment, TASK_RECTIFY, null, rectification());
    complete(assessment, TASK_CHECK_RECTIFICATION, null, Map.of(DECISION, CycleDecisions.APPROVE));

    assertThat(ended(assessment)).isTrue();
    assertThat(passedThrough(assessment, TASK_DECIDE_SANCTION)).isFalse();
    assertThat(recorded).containsExactly("基本合格");
  }

  @Test
  void aFailedMajorGoesToTheLeadingGroupBeforeItRectifies() {
    ProcessInstance assessment = start();
    prepareAndReview(assessment);
    conclude(assessment, "不合格");

    Task sanction = task(assessment, TASK_DECIDE_SANCTION, null);
    assertThat(candidateGroupsOf(sanction)).containsExactly("qa-leading-group");
    engine.getTaskService().complete(sanction.getId(), Map.of(SANCTION.name(), "限招", SANCTION_NOTE.name(), "2028 年招生计划减半"));
    complete(assessment, TASK_RECTIFY, null, rectification());
    complete(assessment, TASK_CHECK_RECTIFICATION, null, Map.of(DECISION, CycleDecisions.APPROVE));

    assertThat(ended(assessment)).isTrue();
    assertThat(recorded).containsExactly("不合格");
  }

  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(MajorAssessmentProcess.KEY,
        Map.of(PERIOD.name(), "2025-2027", MAJOR.name(), MAJOR_CODE));
  }

  private void prepareAndReview(ProcessInstance assessment) {
    complete(assessment, TASK_SUBMIT_MATERIALS, null, Map.of(STATE_DATA.name(), "近三年招生、就业数据", MARKET_SURVEY.name(), "需求旺盛",
        GRADUATE_TRACKING.name(), "对口率 82%", EMPLOYER_SATISFACTION.name(), "满意度 93%"));
    assertThat(waitingAt(assessment)).containsExactly(TASK_FORM_PANEL);
    complete(assessment, TASK_FORM_PANEL, null, Map.of(EXPERTS.name(), PANEL));
    complete(assessment, TASK_SCHEDULE_SITE_VISIT, null, Map.of(SITE_VISIT_DATE.name(), "2027-05-20", SITE_VISIT_PLAN.name(), "听课、看实训"));

    List<Task> reviews = engine.getTaskService().createTaskQuery().processInstanceId(assessment.getId())
        .taskDefinitionKey(TASK_EXPERT_REVIEW).list();
    assertThat(reviews).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(PANEL);
    assertThat(reviews).allSatisfy(review -> assertThat(review.getDueDate()).isNotNull());
    for (Task review : reviews) {
      engine.getTaskService().complete(review.getId(), Map.of(ITEM_SCORES.name(), "培养目标（10）：8", EXPERT_GRADE.name(), "基本合格",
          EXPERT_OPINION.name(), "校企合作有待深化"));
    }
  }

  private void conclude(ProcessInstance assessment, String conclusion) {
    Task conclude = task(assessment, TASK_CONCLUDE_ASSESSMENT, null);
    assertThat(engine.getTaskService().getVariable(conclude.getId(), PANEL_SUMMARY.name())).isEqualTo("三位专家均评基本合格");
    engine.getTaskService().complete(conclude.getId(), Map.of(CONCLUSION.name(), conclusion, FINDINGS.name(), "实训条件不足",
        RECTIFICATION_DUE_DATE.name(), "2027-12-31"));
  }

  private static Map<String, Object> rectification() {
    return Map.of(RECTIFICATION_MEASURES.name(), "新建电池实训室", RECTIFICATION_RESULT.name(), "已投入使用");
  }

  private static Date inDays(int days) {
    return Date.from(Instant.now().plus(Duration.ofDays(days)));
  }
}
