package cn.zhengai.planning.workpackage;

import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableScope;
import java.util.List;
import java.util.Optional;

/** The work of a department's work package (work_item), seen as 表2 (duty, post, office) or 表3 (standards). */
abstract class WorkPackageTable extends PlanningTable {

  private static final String SELECT = "SELECT w.*, u.name AS unit_name, d.description AS duty FROM work_item w"
      + " JOIN org_unit u ON u.id = w.unit_id JOIN duty d ON d.id = w.duty_id";

  /** The unit stands in the first column of both views. */
  private static final int UNIT = 0;

  private final int descriptionColumn;

  WorkPackageTable(PlanningSupport support, String id, String sheetName, List<Field> fields, int descriptionColumn) {
    super(support, id, sheetName, fields, UNIT);
    this.descriptionColumn = descriptionColumn;
  }

  protected abstract StoredRow row(WorkItem item);

  @Override
  protected String storageTable() {
    return "work_item";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    return jdbc.query(SELECT + " ORDER BY u.sort_order, w.id", (rs, n) -> row(item(rs)));
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return jdbc.query(SELECT + " WHERE w.id = ?", (rs, n) -> row(item(rs)), id).stream().findFirst();
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(ownerColumn()) + "／" + values.get(descriptionColumn);
  }

  private static WorkItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new WorkItem(rs.getLong("id"), rs.getString("unit_name"), rs.getString("duty"), rs.getString("description"),
        rs.getString("post"), rs.getString("office"), orBlank(rs.getString("work_standard")));
  }

  /** A piece of work as kept, with its unit's name and its duty. */
  protected record WorkItem(long id, String unitName, String duty, String description, String post, String office,
      String standard) {}
}
