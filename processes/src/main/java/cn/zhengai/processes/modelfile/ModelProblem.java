package cn.zhengai.processes.modelfile;

/**
 * One reason a model file cannot be deployed, naming the element it concerns (when there is one) by id and name.
 */
public record ModelProblem(String elementId, String elementName, String message) {

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
