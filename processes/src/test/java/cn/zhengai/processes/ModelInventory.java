package cn.zhengai.processes;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * Everything a process needs from its file, one line per fact: elements, flows and conditions, timers, candidate
 * groups, forms, due dates, listeners, delegates, multi-instance settings. Two files run the same when their
 * inventories are equal.
 */
final class ModelInventory {

  private ModelInventory() {}

  static List<String> of(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    List<String> facts = new ArrayList<>();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      facts.add("element " + element.getElementType().getTypeName() + " " + element.getId() + " " + element.getName());
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node instanceof EventBasedGateway) {
        continue; // it cannot be asynchronous: Camunda's model API refuses to read the settings
      }
      facts.add("async " + node.getId() + " before=" + node.isCamundaAsyncBefore() + " after=" + node.isCamundaAsyncAfter());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      facts.add("flow " + flow.getId() + " " + flow.getSource().getId() + "->" + flow.getTarget().getId()
          + (flow.getConditionExpression() == null ? "" : " if " + flow.getConditionExpression().getTextContent().trim()));
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      facts.add("default " + gateway.getId() + " " + (gateway.getDefault() == null ? "-" : gateway.getDefault().getId()));
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      facts.add("candidates " + task.getId() + " " + task.getCamundaCandidateGroups());
      facts.add("form " + task.getId() + " " + task.getCamundaFormKey());
      facts.add("due " + task.getId() + " " + task.getCamundaDueDate());
      facts.add("assignee " + task.getId() + " " + task.getCamundaAssignee());
      listeners(task.getId(), task.getExtensionElements() == null ? List.of()
          : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list(), facts);
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      facts.add("delegate " + task.getId() + " " + task.getCamundaDelegateExpression() + " " + task.getCamundaClass()
          + " " + task.getCamundaExpression());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      facts.add("start " + start.getId() + " form=" + start.getCamundaFormKey() + " initiator=" + start.getCamundaInitiator());
    }
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      facts.add("boundary " + boundary.getId() + " on " + boundary.getAttachedTo().getId() + " interrupting=" + boundary.cancelActivity());
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String owner = ((FlowElement) timer.getParentElement()).getId();
      facts.add("timer " + owner + " date=" + text(timer.getTimeDate()) + " duration=" + text(timer.getTimeDuration())
          + " cycle=" + text(timer.getTimeCycle()));
    }
    for (TerminateEventDefinition terminate : model.getModelElementsByType(TerminateEventDefinition.class)) {
      facts.add("terminate " + ((FlowElement) terminate.getParentElement()).getId());
    }
    for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
      if (subProcess.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
        facts.add("multi-instance " + subProcess.getId() + " over " + loop.getCamundaCollection() + " as "
            + loop.getCamundaElementVariable() + " sequential=" + loop.isSequential());
      }
    }
    facts.sort(String::compareTo);
    return facts;
  }

  private static void listeners(String owner, Collection<CamundaTaskListener> listeners, List<String> facts) {
    for (CamundaTaskListener listener : listeners) {
      facts.add("task-listener " + owner + " " + listener.getCamundaEvent() + " " + listener.getCamundaDelegateExpression()
          + " " + listener.getCamundaClass() + " " + listener.getCamundaExpression());
    }
  }

  private static String text(org.camunda.bpm.model.bpmn.instance.Expression expression) {
    return expression == null ? "-" : expression.getTextContent().trim();
  }
}
