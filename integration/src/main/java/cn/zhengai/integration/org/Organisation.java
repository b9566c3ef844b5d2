package cn.zhengai.integration.org;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The college as read from its organisation files: units, roles and (in demo data) majors and people. The group ids
 * the files imply are spelt here, once; the application refers to them through {@code cn.zhengai.org.OrgGroups}.
 */
public record Organisation(String college, List<Unit> units, List<Role> roles, List<Major> majors, List<Person> people) {

  /** Prefix of the group that holds a unit's heads, the candidate group of the unit's tasks. */
  public static final String HEAD_GROUP_PREFIX = "head-";
  /** The role every unit head holds. */
  public static final String DEPARTMENT_HEAD_ROLE = "role-dept-head";
  /** The role of students: members of their teaching unit and major, but not its staff. */
  public static final String STUDENT_ROLE = "role-student";
  /** The role that may deploy edited process models (流程负责人). */
  public static final String PROCESS_OWNER_ROLE = "role-process-owner";

  /** The role of external experts (校外专家): every person with an {@link Expert} entry holds it. */
  public static final String EXPERT_ROLE = "role-expert";
  /** Prefix of a major's own group (its teachers and students), followed by its 专业代码. */
  public static final String MAJOR_GROUP_PREFIX = "major-";
  /** Prefix of the group of a major's leaders (专业（课程）负责人, 专业带头人): the owners of its cycle. */
  public static final String MAJOR_LEADERS_PREFIX = "major-leaders-";
  /** Prefix of a major's quality assurance group (专业（课程）质量保证小组). */
  public static final String MAJOR_QA_PREFIX = "major-qa-";
  /** Prefix of a teaching unit's 二级学院质量保证工作组, followed by the unit's id. */
  public static final String WORKING_GROUP_PREFIX = "qa-wg-";

  public static String headGroupOf(String unitId) {
    return HEAD_GROUP_PREFIX + unitId;
  }

  public static String majorGroupOf(String code) {
    return MAJOR_GROUP_PREFIX + code;
  }

  public static String majorLeadersOf(String code) {
    return MAJOR_LEADERS_PREFIX + code;
  }

  public static String majorQaGroupOf(String code) {
    return MAJOR_QA_PREFIX + code;
  }

  public static String workingGroupOf(String teachingUnitId) {
    return WORKING_GROUP_PREFIX + teachingUnitId;
  }

  /** The 二级学院质量保证工作组 of every teaching unit. */
  public Set<String> workingGroupIds() {
    Set<String> groups = new LinkedHashSet<>();
    units.stream().filter(unit -> unit.kind() == UnitKind.TEACHING_UNIT).forEach(unit -> groups.add(workingGroupOf(unit.id())));
    return groups;
  }

  /**
   * The members the people file gives a teaching unit's working group ({@code memberOf: [qa-wg-qcxy]}), other than
   * its heads, who belong to it anyway. They seed the working group; after that the 工作组 sheet keeps it.
   */
  public List<String> workingGroupMembersOf(String teachingUnitId) {
    String group = workingGroupOf(teachingUnitId);
    return people.stream().filter(person -> person.memberOf().contains(group) && !person.headOf().contains(teachingUnitId))
        .map(Person::id).toList();
  }

  /**
   * Every Camunda group whose members the people file owns: each unit, the head group of each department and
   * teaching unit, each role, each major's own group. A major's leaders' and QA groups follow the major's entry, and
   * a teaching unit's working group follows the 工作组 sheet (also where the structure file lists it as a unit).
   */
  public Set<String> groupIds() {
    Set<String> groups = new LinkedHashSet<>();
    Set<String> workingGroups = workingGroupIds();
    for (Unit unit : units) {
      if (!workingGroups.contains(unit.id())) {
        groups.add(unit.id());
      }
      if (unit.hasHeads()) {
        groups.add(headGroupOf(unit.id()));
      }
    }
    roles.forEach(role -> groups.add(role.id()));
    majors.forEach(major -> groups.add(majorGroupOf(major.code())));
    return groups;
  }

  public record Unit(String id, String name, String fullName, UnitKind kind, QualitySystem system, String parent,
      boolean submitsAnnualPlan, int sortOrder) {

    public boolean hasHeads() {
      return kind.hasHeads();
    }
  }

  public record Role(String id, String name) {}

  /**
   * A major (专业) of a teaching unit.
   *
   * @param code the 专业代码 of the national catalogue, six digits (500211)
   * @param unit the teaching unit (二级学院) it belongs to
   * @param leaders its 专业（课程）负责人, the seed's term, at least one
   * @param chiefTeachers its 专业带头人, where the college names them besides the leaders
   * @param qaMembers the further members of its 专业（课程）质量保证小组, which its leaders and chief teachers lead
   * @param firstYear the year it first enrolled (开设年份)
   * @param firstGraduationYear the year its first class graduates (首届毕业年份)
   */
  public record Major(String code, String name, String unit, List<String> leaders, List<String> chiefTeachers,
      List<String> qaMembers, int firstYear, int firstGraduationYear) {

    public Major {
      leaders = List.copyOf(leaders);
      chiefTeachers = List.copyOf(chiefTeachers);
      qaMembers = List.copyOf(qaMembers);
    }

    /** The owners of the major's cycle: leaders, then chief teachers. */
    public Set<String> leaderGroupMembers() {
      Set<String> members = new LinkedHashSet<>(leaders);
      members.addAll(chiefTeachers);
      return members;
    }

    /** The QA group: the leaders and chief teachers, who lead it, and its further members. */
    public Set<String> qaGroupMembers() {
      Set<String> members = leaderGroupMembers();
      members.addAll(qaMembers);
      return members;
    }
  }

  /** An external expert's particulars: sector (行企/政府/用人单位), organisation (工作单位) and field (专业领域). */
  public record Expert(ExpertSector sector, String organisation, String field) {}

  /**
   * A person; {@code expert} is null for anyone who is not an external expert, {@code email} (where notifications
   * go) null when the file gives none.
   */
  public record Person(String id, ChineseName name, List<String> headOf, List<String> memberOf, List<String> roles,
      Expert expert, String email) {

    /** Every Camunda group the person belongs to: units, head groups of the units they lead, roles. */
    public Set<String> groupIds() {
      Set<String> groups = new LinkedHashSet<>(memberOf);
      for (String unit : headOf) {
        groups.add(unit);
        groups.add(headGroupOf(unit));
      }
      if (!headOf.isEmpty()) {
        groups.add(DEPARTMENT_HEAD_ROLE);
      }
      groups.addAll(roles);
      if (expert != null) {
        groups.add(EXPERT_ROLE);
      }
      return groups;
    }
  }
}
