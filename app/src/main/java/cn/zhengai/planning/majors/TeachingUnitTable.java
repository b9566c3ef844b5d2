package cn.zhengai.planning.majors;

import cn.zhengai.org.OrgGroups;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningAccess;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.security.CurrentUser;
import java.util.List;

/**
 * A sheet of what a teaching unit keeps about its own people (its majors and their leaders, its QA working group): of
 * the unit's staff only its heads change a row, since appointing people is not every teacher's business.
 */
abstract class TeachingUnitTable extends PlanningTable {

  TeachingUnitTable(PlanningSupport support, String id, String sheetName, List<Field> fields, int ownerColumn) {
    super(support, id, sheetName, fields, ownerColumn);
  }

  @Override
  protected final boolean mayChange(CurrentUser user, List<String> owningUnits) {
    return PlanningAccess.mayChange(user, owningUnits.stream().map(OrgGroups::headsOf).toList(), coordinators());
  }

  @Override
  protected final String owningStaff() {
    return "该教学单位负责人";
  }
}
