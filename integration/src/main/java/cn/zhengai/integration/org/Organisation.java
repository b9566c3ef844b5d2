package cn.zhengai.integration.org;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The college as read from its organisation files: units, roles and (in demo data) people. */
public record Organisation(String college, List<Unit> units, List<Role> roles, List<Person> people) {

  /** Prefix of the group that holds a unit's heads, the candidate group of the unit's tasks. */
  public static final String HEAD_GROUP_PREFIX = "head-";
  /** The role every unit head holds. */
  public static final String DEPARTMENT_HEAD_ROLE = "role-dept-head";
  /** The role of students: members of their teaching unit and major, but not its staff. */
  public static final String STUDENT_ROLE = "role-student";
  /** The role that may deploy edited process models (流程负责人). */
  public static final String PROCESS_OWNER_ROLE = "role-process-owner";

  public static String headGroupOf(String unitId) {
    return HEAD_GROUP_PREFIX + unitId;
  }

  /** Every Camunda group the files own: each unit, the head group of each department and teaching unit, each role. */
  public Set<String> groupIds() {
    Set<String> groups = new LinkedHashSet<>();
    for (Unit unit : units) {
      groups.add(unit.id());
      if (unit.hasHeads()) {
        groups.add(headGroupOf(unit.id()));
      }
    }
    roles.forEach(role -> groups.add(role.id()));
    return groups;
  }

  public record Unit(String id, String name, String fullName, UnitKind kind, QualitySystem system, String parent,
      boolean submitsAnnualPlan, int sortOrder) {

    public boolean hasHeads() {
      return kind.hasHeads();
    }
  }

  public record Role(String id, String name) {}

  public record Person(String id, ChineseName name, List<String> headOf, List<String> memberOf, List<String> roles) {

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
      return groups;
    }
  }
}
