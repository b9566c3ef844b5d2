package cn.zhengai.processes.modelfile;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * One reason a model file cannot be deployed, naming the element it concerns (when there is one) by id and name.
 */
public record ModelProblem(String elementId, String elementName, String message) {

  /** A problem of one element, named by its id and, for flow elements, its name. */
  public static ModelProblem at(BaseElement element, String message) {
    String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
    return new ModelProblem(element == null ? null : element.getId(), name, message);
  }

  public static ModelProblem ofFile(String message) {
    return new ModelProblem(null, null, message);
  }

  /** "元素 Task_X（提交年度工作计划）：…" or just the message for file-level problems. */
  public String describe() {
    if (elementId == null) {
      return message;
    }
    String name = elementName == null || elementName.isBlank() ? "" : "（" + elementName + "）";
    return "元素 " + elementId + name + "：" + message;
  }
}
