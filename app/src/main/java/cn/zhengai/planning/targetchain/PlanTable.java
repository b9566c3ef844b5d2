package cn.zhengai.planning.targetchain;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.Labelled;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 表4, the target chain's plans as a tree: the total plan, the special plans each owned by a department, the
 * teaching units' sub-plans, and the annual and per-level plans. A plan may name the plan it serves (上级规划, the
 * column the seed's table leaves implicit); a special plan that names none serves the total plan.
 */
@Component
public class PlanTable extends PlanningTable {

  static final int CATEGORY = 0;
  static final int NAME = 1;
  static final int RESPONSIBLE = 2;
  static final int PARENT = 3;

  private static final List<Field> FIELDS = List.of(
      field("category", ColumnSpec.choice("规划类别", true, Labelled.labels(PlanCategory.class)).carryingDown()),
      field("name", ColumnSpec.text("规划名称", true).withMaxLength(200)),
      field("responsible", ColumnSpec.text("责任部门", true).withMaxLength(200)),
      field("parent", ColumnSpec.text("上级规划", false).withMaxLength(200)));

  private static final String SELECT = "SELECT p.*, up.name AS parent_name FROM plan p LEFT JOIN plan up ON up.id = p.parent_id";

  PlanTable(PlanningSupport support) {
    super(support, "plans", "表4 发展规划目标链", FIELDS, RESPONSIBLE);
  }

  @Override
  protected String storageTable() {
    return "plan";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    return jdbc.query(SELECT + " ORDER BY p.id", (rs, n) -> row(rs));
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return jdbc.query(SELECT + " WHERE p.id = ?", (rs, n) -> row(rs), id).stream().findFirst();
  }

  private static StoredRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredRow(rs.getLong("id"), List.of(PlanCategory.valueOf(rs.getString("category")).label(),
        rs.getString("name"), rs.getString("responsible"), orBlank(rs.getString("parent_name"))));
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(NAME);
  }

  /** A special plan with no parent serves the total plan, when there is exactly one. */
  @Override
  protected List<String> completed(TableRow row, Batch batch) {
    if (!row.value(PARENT).isEmpty() || category(row.value(CATEGORY)) != PlanCategory.SPECIAL) {
      return row.values();
    }
    Set<String> totalPlans = new HashSet<>(batch.<Set<String>>memo("totalPlans", () -> new HashSet<>(rows(batch.scope()).stream()
        .filter(plan -> category(plan.value(CATEGORY)) == PlanCategory.TOTAL).map(plan -> plan.value(NAME)).toList())));
    batch.offeredRows().stream().filter(plan -> category(plan.value(CATEGORY)) == PlanCategory.TOTAL)
        .forEach(plan -> totalPlans.add(plan.value(NAME)));
    if (totalPlans.size() != 1) {
      return row.values();
    }
    List<String> values = new java.util.ArrayList<>(row.values());
    values.set(PARENT, totalPlans.iterator().next());
    return values;
  }

  private static PlanCategory category(String label) {
    return label.isEmpty() ? null : Labelled.ofLabel(PlanCategory.class, label);
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    String parent = row.value(PARENT);
    if (parent.isEmpty()) {
      return;
    }
    Map<String, String> parents = batch.memo("parents", () -> parentsByName(batch));
    if (!parents.containsKey(parent)) {
      problems.at(row, PARENT, "上级规划“" + parent + "”不存在（既不在系统中，也不在本次导入的行中）");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String up = parent; up != null && !up.isEmpty(); up = parents.get(up)) {
      if (up.equals(row.value(NAME)) || !seen.add(up)) {
        problems.at(row, PARENT, "上级规划“" + parent + "”会使规划互为上级，形成循环");
        return;
      }
    }
  }

  /** Every plan's parent by name, as it will be once the offered rows are written. */
  private Map<String, String> parentsByName(Batch batch) {
    Map<String, String> parents = new HashMap<>();
    rows(batch.scope()).forEach(stored -> parents.put(stored.value(NAME), stored.value(PARENT)));
    for (TableRow offered : batch.offeredRows()) {
      parents.put(offered.value(NAME), offered.value(PARENT));
    }
    return parents;
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    for (Change change : changes) {
      String category = Labelled.ofLabel(PlanCategory.class, change.value(CATEGORY)).name();
      if (change.current() == null) {
        jdbc.update("INSERT INTO plan (category, name, responsible, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
            category, change.value(NAME), change.value(RESPONSIBLE), batch.user(), timestamp(batch));
      } else {
        jdbc.update("UPDATE plan SET category = ?, name = ?, responsible = ?, updated_by = ?, updated_at = ? WHERE id = ?",
            category, change.value(NAME), change.value(RESPONSIBLE), batch.user(), timestamp(batch), change.current().id());
      }
    }
    // parents last: a row may serve a plan offered after it
    for (Change change : changes) {
      String parent = orNull(change.value(PARENT));
      jdbc.update("UPDATE plan SET parent_id = (SELECT up.id FROM plan up WHERE up.name = ?) WHERE name = ?",
          parent, change.value(NAME));
    }
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    jdbc.update("DELETE FROM plan WHERE id = ?", row.id());
  }
}
