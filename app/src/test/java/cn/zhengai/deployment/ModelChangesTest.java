package cn.zhengai.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.zhengai.deployment.ModelUpload.Change;
import cn.zhengai.deployment.ModelUpload.ChangeKind;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.FlowableModeler;
import cn.zhengai.processes.ModelResources;
import cn.zhengai.processes.ProcessCatalogue;
import cn.zhengai.processes.ProcessModel;
import cn.zhengai.processes.TaskEscalationProcess;
import cn.zhengai.processes.modelfile.ModelFile;
import cn.zhengai.support.NoAppTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** The audit's diff of two versions of a model: every change that decides the flow, and nothing else. */
@NoAppTest
class ModelChangesTest {

  private static final String REMINDER_TIMER = "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${remindAt}</bpmn:timeDate>";

  @Test
  void anIdenticalModelHasNoChange() throws Exception {
    for (ProcessModel model : ProcessCatalogue.ALL) {
      BpmnModelInstance shipped = model(new String(ModelResources.bytes(model), StandardCharsets.UTF_8));
      assertThat(ModelChanges.between(shipped, model(new String(ModelResources.bytes(model), StandardCharsets.UTF_8))))
          .as(model.key()).isEmpty();
    }
  }

  @Test
  void aChangedTimerShowsOldAndNewDefinition() throws Exception {
    List<Change> changes = ModelChanges.between(model(ladder()), model(ladder().replace(REMINDER_TIMER,
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P7D</bpmn:timeDuration>")));
    assertThat(changes).containsExactly(new Change("Timer_BeforeDue", "到期前", ChangeKind.CHANGED, "定时器",
        "日期 ${remindAt}", "时长 P7D", "定时器 Timer_BeforeDue（到期前）：日期 ${remindAt} → 时长 P7D"));
  }

  @Test
  void anAddedListenerIsAChange() throws Exception {
    String executionListener = shipped().replace(
        "camunda:delegateExpression=\"${prepareAnnualPlanRoundDelegate}\">",
        "camunda:delegateExpression=\"${prepareAnnualPlanRoundDelegate}\">\n      <bpmn:extensionElements>"
            + "<camunda:executionListener event=\"start\" delegateExpression=\"${openUnitPlanDelegate}\" />"
            + "</bpmn:extensionElements>");
    assertThat(texts(executionListener)).containsExactly(
        "监听器 Task_PrepareRound（确定参与单位与截止日期）：新增 开始时 ${openUnitPlanDelegate}");

    String taskListener = shipped().replace(
        "<camunda:taskListener event=\"complete\" delegateExpression=\"${checkReviewDecisionListener}\" />",
        "<camunda:taskListener event=\"complete\" delegateExpression=\"${checkReviewDecisionListener}\" />"
            + "<camunda:taskListener event=\"assignment\" expression=\"${unit}\" />");
    assertThat(changes(taskListener)).singleElement().satisfies(change -> {
      assertThat(change.aspect()).isEqualTo("监听器");
      assertThat(change.before()).isNull();
      assertThat(change.after()).isEqualTo("指派时 表达式 ${unit}");
      assertThat(change.text()).isEqualTo("监听器 Task_ReviewWorkPlan（审核年度工作计划）：新增 指派时 表达式 ${unit}");
    });

    String listenerChanged = shipped().replace("<camunda:taskListener event=\"complete\" delegateExpression=\"${checkReviewDecisionListener}\" />",
        "<camunda:taskListener event=\"complete\" delegateExpression=\"${validateWorkPlanListener}\" />");
    assertThat(texts(listenerChanged)).containsExactly(
        "监听器 Task_ReviewWorkPlan（审核年度工作计划）：完成时 ${checkReviewDecisionListener} → 完成时 ${validateWorkPlanListener}");
  }

  @Test
  void changedExpressionsAndConditionsShowOldAndNew() throws Exception {
    assertThat(texts(shipped().replace("${openUnitPlanDelegate}", "${prepareAnnualPlanRoundDelegate}"))).containsExactly(
        "实现（委托表达式） Task_OpenUnitPlan（确定单位负责人）：${openUnitPlanDelegate} → ${prepareAnnualPlanRoundDelegate}");
    assertThat(texts(shipped().replace("${decision == 'approve'}", "${decision == 'approve' &amp;&amp; year &gt; 2026}")))
        .containsExactly("条件 Flow_PlanApproved（通过）：${decision == 'approve'} → ${decision == 'approve' && year > 2026}");
    assertThat(texts(shipped().replace("default=\"Flow_PlanReturned\"", "")))
        .containsExactly("默认流向 Gateway_PlanApproved（审核通过？）：Flow_PlanReturned → （无）");
  }

  @Test
  void whoWorksATaskItsFormAndItsDueDateAreChanges() throws Exception {
    assertThat(texts(shipped().replace("camunda:candidateGroups=\"yb\"", "camunda:candidateGroups=\"zgb\"")))
        .containsExactly("候选组 Task_ReviewWorkPlan（审核年度工作计划）：yb → zgb");
    assertThat(texts(shipped().replace("annual-work-plan-review.form", "annual-work-plan-start.form")))
        .containsExactly("表单 Task_ReviewWorkPlan（审核年度工作计划）：camunda-forms:deployment:annual-work-plan-review.form"
            + " → camunda-forms:deployment:annual-work-plan-start.form");
    assertThat(texts(shipped().replace("camunda:dueDate=\"${submissionDueAt}\"", "camunda:dueDate=\"${revisionDueAt}\"")))
        .containsExactly("到期时间 Task_SubmitWorkPlan（提交年度工作计划）：${submissionDueAt} → ${revisionDueAt}");
    assertThat(texts(shipped().replace("camunda:candidateGroups=\"yb\"", "camunda:candidateGroups=\"yb\" camunda:followUpDate=\"P3D\"")))
        .containsExactly("跟进时间 Task_ReviewWorkPlan（审核年度工作计划）：（无） → P3D");
  }

  @Test
  void multiInstanceAsyncAndProcessSettingsAreChanges() throws Exception {
    String edited = shipped()
        .replace("camunda:elementVariable=\"unit\" />", "camunda:elementVariable=\"unit\" camunda:asyncBefore=\"true\">"
            + "<bpmn:completionCondition xsi:type=\"bpmn:tFormalExpression\">${nrOfCompletedInstances == 1}</bpmn:completionCondition>"
            + "</bpmn:multiInstanceLoopCharacteristics>")
        .replace("camunda:collection=\"${participatingUnits}\"", "camunda:collection=\"${units}\"")
        .replace("<bpmn:serviceTask id=\"Task_OpenUnitPlan\"", "<bpmn:serviceTask id=\"Task_OpenUnitPlan\" camunda:asyncBefore=\"true\"")
        .replace("camunda:historyTimeToLive=\"3650\"", "camunda:historyTimeToLive=\"180\" camunda:isStartableInTasklist=\"false\"")
        .replace("name=\"年度工作计划\"", "name=\"年度计划\"");
    assertThat(texts(edited)).containsExactly(
        "改名 流程 annual-work-plan：年度工作计划 → 年度计划",
        "历史保留天数 annual-work-plan（年度计划）：3650 → 180",
        "可在任务列表发起 annual-work-plan（年度计划）：（无） → 否",
        "多实例异步（之前） SubProcess_UnitPlan（单位年度工作计划）：（无） → 是",
        "多实例集合 SubProcess_UnitPlan（单位年度工作计划）：${participatingUnits} → ${units}",
        "多实例完成条件 SubProcess_UnitPlan（单位年度工作计划）：（无） → ${nrOfCompletedInstances == 1}",
        "异步（之前） Task_OpenUnitPlan（确定单位负责人）：（无） → 是");
  }

  @Test
  void renamedAddedAndRemovedElements() throws Exception {
    assertThat(changes(shipped().replace("name=\"修改年度工作计划\"", "name=\"修改计划\""))).containsExactly(new Change(
        "Task_ReviseWorkPlan", "修改计划", ChangeKind.RENAMED, "名称", "修改年度工作计划", "修改计划",
        "改名 用户任务 Task_ReviseWorkPlan：修改年度工作计划 → 修改计划"));

    List<Change> replaced = changes(shipped().replace("Task_ReviseWorkPlan", "Task_RevisePlan"));
    assertThat(replaced).extracting(Change::kind, Change::elementId).containsExactlyInAnyOrder(
        tuple(ChangeKind.ADDED, "Task_RevisePlan"),
        tuple(ChangeKind.CHANGED, "Flow_PlanReturned"),
        tuple(ChangeKind.CHANGED, "Flow_ResubmittedForReview"),
        tuple(ChangeKind.REMOVED, "Task_ReviseWorkPlan"));
    assertThat(replaced).extracting(Change::text).contains(
        "新增 用户任务 Task_RevisePlan（修改年度工作计划）：候选组 ${unitHeadGroup}；到期时间 ${revisionDueAt}；"
            + "表单 camunda-forms:deployment:annual-work-plan-submit.form；监听器 创建时 ${showUnitInTasklistListener}；完成时 ${validateWorkPlanListener}；"
            + "创建时 ${escalationLadder}；完成时 ${escalationLadder}；删除时 ${escalationLadder}",
        "删除 用户任务 Task_ReviseWorkPlan（修改年度工作计划）",
        "终点 Flow_PlanReturned（退回修改）：Task_ReviseWorkPlan → Task_RevisePlan");
  }

  @Test
  void onlyEventsWhoseTriggerChangedAreReevaluatedOnMigration() throws Exception {
    BpmnModelInstance shipped = model(ladder());
    assertThat(ModelChanges.changedEventTriggers(shipped, model(ladder().replace(REMINDER_TIMER,
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P7D</bpmn:timeDuration>")))).containsExactly("Timer_BeforeDue");
    assertThat(ModelChanges.changedEventTriggers(shipped, model(ladder().replace("name=\"到期前\"", "name=\"到期之前\"")
        .replace("name=\"升级至质管办\"", "name=\"告知质管办\"")))).isEmpty();

    String ladder = ladder();
    String edited = ladder.replace(">${dueAt}<", ">P3D<").replace("timeDate xsi:type=\"bpmn:tFormalExpression\">P3D</bpmn:timeDate",
        "timeDuration xsi:type=\"bpmn:tFormalExpression\">P3D</bpmn:timeDuration").replace("name=\"zhengai.taskClosed\"", "name=\"zhengai.taskDone\"");
    assertThat(ModelChanges.changedEventTriggers(model(ladder), model(edited))).containsExactlyInAnyOrder("Timer_Due", "Boundary_TaskClosed");
    assertThat(ModelChanges.between(model(ladder), model(edited))).extracting(Change::text).containsExactlyInAnyOrder(
        "定时器 Timer_Due（到期未办）：日期 ${dueAt} → 时长 P3D",
        "事件 Boundary_TaskClosed（任务已办结）：消息 zhengai.taskClosed → 消息 zhengai.taskDone");
  }

  @Test
  void aFlowableModelerRoundTripChangesNothing() throws Exception {
    for (ProcessModel model : ProcessCatalogue.ALL) {
      byte[] shipped = ModelResources.bytes(model);
      ModelFile saved = ModelFile.read(FlowableModeler.openAndSave(shipped));
      // as the upload does: Flowable Modeler drops the history time to live, the deployed version's value carries over
      saved.keepHistoryTimeToLive(model(new String(shipped, StandardCharsets.UTF_8)).getModelElementsByType(Process.class)
          .iterator().next().getCamundaHistoryTimeToLiveString());
      assertThat(ModelChanges.between(model(new String(shipped, StandardCharsets.UTF_8)), saved.model()))
          .as(model.key()).extracting(Change::text).isEmpty();
    }
  }

  @Test
  void aNewProcessIsOneChange() throws Exception {
    assertThat(ModelChanges.newProcess(model(shipped()))).extracting(Change::text).containsExactly("新流程 annual-work-plan（年度工作计划）");
  }

  private static List<String> texts(String edited) throws Exception {
    return changes(edited).stream().map(Change::text).toList();
  }

  private static List<Change> changes(String edited) throws Exception {
    return ModelChanges.between(model(shipped()), model(edited));
  }

  private static BpmnModelInstance model(String bpmn) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
  }

  private static String shipped() throws Exception {
    return new String(ModelResources.bytes(AnnualWorkPlanProcess.MODEL), StandardCharsets.UTF_8);
  }

  /** The escalation ladder, the shipped model with timers. */
  private static String ladder() throws Exception {
    return new String(ModelResources.bytes(TaskEscalationProcess.MODEL), StandardCharsets.UTF_8);
  }
}
