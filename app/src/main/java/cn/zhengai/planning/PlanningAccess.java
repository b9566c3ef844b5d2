package cn.zhengai.planning;

import cn.zhengai.integration.org.Organisation;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import java.util.Collection;

/**
 * Who may change the chains: the owning unit's staff (its members, students excepted), the QA office (质管办) and
 * administrators. Every signed-in user reads them.
 */
public final class PlanningAccess {

  public static final String QA_OFFICE = AnnualWorkPlanProcess.Groups.QA_OFFICE;

  private PlanningAccess() {}

  public static boolean mayChange(CurrentUser user, Collection<String> owningUnits) {
    if (user.isMemberOf(Access.ADMIN_GROUP) || user.isMemberOf(QA_OFFICE)) {
      return true;
    }
    return !user.isMemberOf(Organisation.STUDENT_ROLE) && owningUnits.stream().anyMatch(user::isMemberOf);
  }
}
