package cn.zhengai.integration.org;

/** Kinds of organisational unit; the label is also the type of the unit's Camunda group. */
public enum UnitKind {
  LEADERSHIP("领导小组"),
  FUNCTIONAL_DEPARTMENT("职能部门"),
  TEACHING_UNIT("教学单位"),
  QA_BODY("质量保证组织"),
  MAJOR("专业"),
  COURSE("课程");

  private final String label;

  UnitKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Departments and teaching units have heads, and so a head group. */
  public boolean hasHeads() {
    return this == FUNCTIONAL_DEPARTMENT || this == TEACHING_UNIT;
  }
}
