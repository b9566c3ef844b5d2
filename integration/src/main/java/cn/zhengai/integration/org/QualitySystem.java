package cn.zhengai.integration.org;

/** The five systems (五纵) a department belongs to. */
public enum QualitySystem {
  DECISION_COMMAND("决策指挥"),
  QUALITY_GENERATION("质量生成"),
  RESOURCE_BUILDING("资源建设"),
  SUPPORT_SERVICE("支持服务"),
  SUPERVISION_CONTROL("监督控制");

  private final String label;

  QualitySystem(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
