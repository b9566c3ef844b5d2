package cn.zhengai.processes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.modelfile.ModelDialect;
import cn.zhengai.processes.modelfile.ModelFile;
import cn.zhengai.processes.modelfile.ModelFileException;
import cn.zhengai.processes.modelfile.ModelProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Each check of a model file refusing a file crafted to break it, and the dialects normalised. */
class ModelFileTest {

  private static String shipped() throws Exception {
    return new String(ModelResources.bytes(AnnualWorkPlanProcess.MODEL), StandardCharsets.UTF_8);
  }

  /** The escalation ladder: the shipped model with timers. */
  private static String ladder() throws Exception {
    return new String(ModelResources.bytes(TaskEscalationProcess.MODEL), StandardCharsets.UTF_8);
  }

  @Test
  void theShippedModelsPassEveryCheck() throws Exception {
    for (ProcessModel model : ProcessCatalogue.ALL) {
      ModelFile file = ModelFile.read(ModelResources.bytes(model));
      assertThat(file.dialect()).isEqualTo(ModelDialect.CAMUNDA);
      assertThat(file.check()).as(model.resource()).isEmpty();
      assertThat(file.process().getId()).isEqualTo(model.key());
    }
  }

  @Test
  void anEmptyFileOrOneThatIsNotXmlOrNotBpmnIsRefused() {
    assertThat(refusal(new byte[0])).isEqualTo("文件为空");
    assertThat(refusal("<definitions><process".getBytes(StandardCharsets.UTF_8))).startsWith("不是格式良好的 XML（第 1 行）");
    assertThat(refusal("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("不是 BPMN 2.0 文件：根元素应为 BPMN 命名空间中的 definitions");
    assertThat(refusal(new byte[ModelFile.MAX_BYTES + 1])).startsWith("文件过大");
  }

  @Test
  void aFileWithAnExternalEntityIsRefusedUnread() throws Exception {
    String xxe = shipped().replaceFirst("<\\?xml[^>]*\\?>",
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
        .replace("<bpmn:documentation>", "<bpmn:documentation>&secret;");
    assertThat(refusal(xxe.getBytes(StandardCharsets.UTF_8))).isEqualTo("文件含有 DOCTYPE 声明（可能引用外部实体），出于安全原因拒绝");
  }

  @Test
  void aFileAgainstTheBpmnSchemaIsRefusedWithItsLine() throws Exception {
    String invalid = ladder().replace("attachedToRef=\"SubProcess_EscalationLadder\" cancelActivity=\"true\"",
        "attachedToRef=\"SubProcess_EscalationLadder\" cancelActivity=\"perhaps\"");
    assertThat(invalid).contains("perhaps");
    List<ModelProblem> problems = ModelFile.read(invalid.getBytes(StandardCharsets.UTF_8)).check();
    assertThat(problems).singleElement().extracting(ModelProblem::describe).asString()
        .startsWith("不符合 BPMN 2.0 规范（第 ").contains("perhaps");
  }

  @Test
  void anElementWithoutItsShapeInTheDiagramIsNamed() throws Exception {
    String withoutShape = shipped().replaceAll("(?s)<bpmndi:BPMNShape id=\"Task_ReviewWorkPlan_di\".*?</bpmndi:BPMNShape>", "");
    assertThat(ModelFile.read(withoutShape.getBytes(StandardCharsets.UTF_8)).check()).extracting(ModelProblem::describe)
        .containsExactly("元素 Task_ReviewWorkPlan（审核年度工作计划）：在流程图中没有图形（BPMNShape），请在建模器中重新保存完整的流程图");
  }

  @Test
  void anInvalidTimerIsNamed() throws Exception {
    String badTimer = ladder().replace("${remindAt}</bpmn:timeDate>", "下周一</bpmn:timeDate>");
    assertThat(ModelFile.read(badTimer.getBytes(StandardCharsets.UTF_8)).check()).extracting(ModelProblem::describe)
        .containsExactly("元素 Timer_BeforeDue（到期前）：定时器日期 \"下周一\" 不是 ISO 8601 日期时间（例如 2027-02-26T09:00:00）");
    String goodLiterals = ladder().replace("${remindAt}</bpmn:timeDate>", "2027-02-23T09:00:00</bpmn:timeDate>");
    assertThat(ModelFile.read(goodLiterals.getBytes(StandardCharsets.UTF_8)).check()).isEmpty();
  }

  @Test
  void aCronTheEnginesParserRefusesIsNamed() throws Exception {
    for (String cron : List.of("0 0 7 * * * *", "a b c d e f", "0 0 25 * * *")) {
      assertThat(ModelFile.read(withReminderCycle(cron)).check()).extracting(ModelProblem::describe).as(cron)
          .containsExactly("元素 Timer_BeforeDue（到期前）：定时器周期 \"" + cron + "\" 不是流程引擎能识别的 cron 表达式："
              + "应为 6 个字段“秒 分 时 日 月 星期”（例如 0 0 9 * * MON-FRI 表示工作日 9 点），或 ISO 8601 重复间隔（例如 R/P1M）");
    }
    for (String cycle : List.of("0 0 9 * * MON-FRI", "0 30 8 1 * ?", "R/P1M", "R3/2027-03-01T09:00:00/P1D")) {
      assertThat(ModelFile.read(withReminderCycle(cycle)).check()).as(cycle).isEmpty();
    }
  }

  @Test
  void aFlowableModelerFileNotesOnlyWhatMattersOnePerAttribute() throws Exception {
    for (ProcessModel model : ProcessCatalogue.ALL) {
      ModelFile file = ModelFile.read(FlowableModeler.openAndSave(ModelResources.bytes(model)));
      assertThat(file.dialect()).isEqualTo(ModelDialect.FLOWABLE);
      // the edges' dockers only place the diagram: dropped without a word
      assertThat(file.notes()).as(model.resource()).isEmpty();
      assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).doesNotContain("DockerX", "flowable:");
    }
    String skipped = shipped().replace("camunda:candidateGroups=\"", "flowable:skipExpression=\"${false}\" camunda:candidateGroups=\"")
        .replace("<bpmn:definitions ", "<bpmn:definitions xmlns:flowable=\"http://flowable.org/bpmn\" ");
    assertThat(ModelFile.read(skipped.getBytes(StandardCharsets.UTF_8)).notes()).containsExactly(
        "已忽略 flowable:skipExpression（Camunda 无对应属性），共 3 处，元素 Task_SubmitWorkPlan、Task_ReviewWorkPlan、Task_ReviseWorkPlan");
  }

  @Test
  void anActivitiFileIsNormalisedToCamunda() throws Exception {
    String activiti = shipped().replace("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"", "xmlns:activiti=\"http://activiti.org/bpmn\"")
        .replace("camunda:", "activiti:")
        .replace("activiti:historyTimeToLive=\"3650\"", "activiti:historyTimeToLive=\"3650\" activiti:skipExpression=\"${false}\"")
        .replace("activiti:delegateExpression=\"${openUnitPlanDelegate}\"", "activiti:delegateExpression=\"${openUnitPlanDelegate}\" activiti:async=\"true\"");
    ModelFile file = ModelFile.read(activiti.getBytes(StandardCharsets.UTF_8));

    assertThat(file.dialect()).isEqualTo(ModelDialect.ACTIVITI);
    assertThat(file.check()).isEmpty();
    // the same model, but for the unit's opening made asynchronous in the Activiti file
    assertThat(ModelInventory.of(file.bytes())).containsExactlyElementsOf(ModelInventory.of(ModelResources.bytes(AnnualWorkPlanProcess.MODEL))
        .stream().map(fact -> fact.replace("async Task_OpenUnitPlan before=false", "async Task_OpenUnitPlan before=true")).toList());
    UserTask review = file.model().getModelElementById(AnnualWorkPlanProcess.Elements.TASK_REVIEW_WORK_PLAN);
    assertThat(review.getCamundaCandidateGroups()).isEqualTo("yb");
    ServiceTask opening = file.model().getModelElementById(AnnualWorkPlanProcess.Elements.TASK_OPEN_UNIT_PLAN);
    assertThat(opening.isCamundaAsyncBefore()).as("Activiti's async is Camunda's asyncBefore").isTrue();
    assertThat(file.notes()).containsExactly("已忽略 activiti:skipExpression（Camunda 无对应属性），元素 annual-work-plan");
  }

  /** The shipped ladder with its reminder timer as a cycle. */
  private static byte[] withReminderCycle(String cycle) throws Exception {
    String reminder = "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${remindAt}</bpmn:timeDate>";
    assertThat(ladder()).contains(reminder);
    return ladder().replace(reminder, "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">" + cycle + "</bpmn:timeCycle>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String refusal(byte[] bytes) {
    try {
      ModelFile.read(bytes);
    } catch (ModelFileException e) {
      return e.problems().get(0).describe();
    }
    throw new AssertionError("the file was accepted");
  }
}
