package cn.zhengai.org;

import cn.zhengai.integration.org.Organisation;

/**
 * The organisation's vocabulary: the ids of the groups and roles the product's features name. The ids of the
 * college's own units are those of {@code org/college.yaml}; the patterns of derived groups (heads, majors) are the
 * organisation files' ({@link Organisation}). Every feature refers to groups through this class.
 */
public final class OrgGroups {

  /** 院办: opens the yearly rounds, drafts the year's targets, reviews the work plans. */
  public static final String PRESIDENTS_OFFICE = "yb";
  /** 质管办, the quality management office: coordinates the chains, receives escalations. */
  public static final String QA_OFFICE = "zgb";
  /** 教务处: keeps the majors with 质管办, accepts the majors' self-diagnoses. */
  public static final String ACADEMIC_AFFAIRS = "jwc";
  /** 人事处: records the units' performance grades. */
  public static final String PERSONNEL = "rsc";
  /** 质量保证领导小组, the QA leading group. */
  public static final String LEADING_GROUP = "qa-leading-group";
  /** 部门负责人: every head of a department or teaching unit. */
  public static final String DEPARTMENT_HEAD_ROLE = Organisation.DEPARTMENT_HEAD_ROLE;
  /** 学生. */
  public static final String STUDENT_ROLE = Organisation.STUDENT_ROLE;
  /** 流程负责人: deploy edited process models. */
  public static final String PROCESS_OWNER_ROLE = Organisation.PROCESS_OWNER_ROLE;
  /** 校外专家: every external expert. */
  public static final String EXPERTS = Organisation.EXPERT_ROLE;
  /** Prefix of the unit heads' groups. */
  public static final String HEAD_GROUP_PREFIX = Organisation.HEAD_GROUP_PREFIX;

  private OrgGroups() {}

  /** The heads of a department or teaching unit: the candidate group of the unit's tasks. */
  public static String headsOf(String unitId) {
    return Organisation.headGroupOf(unitId);
  }

  /** The unit a heads' group leads, or null when the group is not one. */
  public static String unitHeadedBy(String group) {
    return group.startsWith(HEAD_GROUP_PREFIX) ? group.substring(HEAD_GROUP_PREFIX.length()) : null;
  }

  /** A major's own group: its teachers and students. */
  public static String majorOf(String code) {
    return Organisation.majorGroupOf(code);
  }

  /** A major's leaders (专业（课程）负责人, 专业带头人): the owners of its cycle. */
  public static String majorLeadersOf(String code) {
    return Organisation.majorLeadersOf(code);
  }

  /** The major whose leaders' group this is, or null when the group is not one. */
  public static String majorLedBy(String group) {
    String prefix = majorLeadersOf("");
    return group.startsWith(prefix) ? group.substring(prefix.length()) : null;
  }

  /** A major's 专业（课程）质量保证小组. */
  public static String majorQaGroupOf(String code) {
    return Organisation.majorQaGroupOf(code);
  }

  /** A teaching unit's 二级学院质量保证工作组: its heads and the members the 工作组 sheet names. */
  public static String workingGroupOf(String teachingUnitId) {
    return Organisation.workingGroupOf(teachingUnitId);
  }

  /** The teaching unit whose working group this is, or null when the group is not one. */
  public static String unitOfWorkingGroup(String group) {
    String prefix = workingGroupOf("");
    return group.startsWith(prefix) ? group.substring(prefix.length()) : null;
  }
}
