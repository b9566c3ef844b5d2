package cn.zhengai.integration.org;

/** Where an external expert (校外专家) comes from: the seed's 行企、政府、用人单位. */
public enum ExpertSector {
  INDUSTRY("行企"),
  GOVERNMENT("政府"),
  EMPLOYER("用人单位");

  private final String label;

  ExpertSector(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The sector written as its Chinese label (行企) or its name (INDUSTRY), or null. */
  public static ExpertSector of(String text) {
    for (ExpertSector sector : values()) {
      if (sector.label.equals(text) || sector.name().equals(text)) {
        return sector;
      }
    }
    return null;
  }
}
