package cn.zhengai.processes.modelfile;

/** The extension namespace a modeler saved a file with. */
public enum ModelDialect {
  CAMUNDA("http://camunda.org/schema/1.0/bpmn"),
  FLOWABLE("http://flowable.org/bpmn"),
  ACTIVITI("http://activiti.org/bpmn");

  private final String namespace;

  ModelDialect(String namespace) {
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }
}
