package cn.zhengai.planning;

import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who may change the chains: the owning unit's staff (its members, students excepted), the QA office (质管办) and
 * administrators. Every signed-in user reads them.
 */
public final class PlanningAccess {

  public static final String QA_OFFICE = OrgGroups.QA_OFFICE;
  public static final String PRESIDENTS_OFFICE = OrgGroups.PRESIDENTS_OFFICE;
  private static final Map<String, String> LABELS = Map.of(QA_OFFICE, "质管办", PRESIDENTS_OFFICE, "院办",
      OrgGroups.ACADEMIC_AFFAIRS, "教务处");

  private PlanningAccess() {}

  /** A coordinating group's Chinese name, for messages. */
  public static String label(String group) {
    return LABELS.getOrDefault(group, group);
  }

  public static boolean mayChange(CurrentUser user, Collection<String> owningUnits) {
    return mayChange(user, owningUnits, List.of(QA_OFFICE));
  }

  /** The same, where more bodies than the QA office coordinate a table (院办 drafts the year's targets). */
  public static boolean mayChange(CurrentUser user, Collection<String> owningUnits, List<String> coordinators) {
    if (user.isMemberOf(Access.ADMIN_GROUP) || coordinators.stream().anyMatch(user::isMemberOf)) {
      return true;
    }
    return !user.isMemberOf(OrgGroups.STUDENT_ROLE) && owningUnits.stream().anyMatch(user::isMemberOf);
  }
}
