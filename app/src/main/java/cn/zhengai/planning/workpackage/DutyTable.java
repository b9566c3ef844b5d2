package cn.zhengai.planning.workpackage;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.Labelled;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 表1, each department's duties: those that support the quality system it belongs to, and those outside it.
 * The seed has one such table per department; the sheet holds all of them, with the department in a column.
 */
@Component
public class DutyTable extends PlanningTable {

  static final int UNIT = 0;
  static final int SCOPE = 1;
  static final int DESCRIPTION = 2;

  private static final List<Field> FIELDS = List.of(
      field("unit", ColumnSpec.text("部门名称", true).withMaxLength(100).carryingDown()),
      field("scope", ColumnSpec.choice("职责类别", true, Labelled.labels(DutyScope.class))),
      field("description", ColumnSpec.text("职责", true)));

  private static final String SELECT = "SELECT d.*, u.name AS unit_name FROM duty d JOIN org_unit u ON u.id = d.unit_id";

  DutyTable(PlanningSupport support) {
    super(support, "duties", "表1 职能部门职责厘清", FIELDS, UNIT);
  }

  @Override
  protected String storageTable() {
    return "duty";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    return jdbc.query(SELECT + " ORDER BY u.sort_order, d.id", (rs, n) -> row(rs));
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return jdbc.query(SELECT + " WHERE d.id = ?", (rs, n) -> row(rs), id).stream().findFirst();
  }

  private static StoredRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredRow(rs.getLong("id"), List.of(rs.getString("unit_name"),
        DutyScope.valueOf(rs.getString("scope")).label(), rs.getString("description")));
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(UNIT) + "／" + values.get(DESCRIPTION);
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    oneUnit(change.row(), UNIT, batch, problems);
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    for (Change change : changes) {
      TableRow row = change.row();
      String unit = batch.units().unitNamed(row.value(UNIT)).id();
      String scope = Labelled.ofLabel(DutyScope.class, row.value(SCOPE)).name();
      if (change.current() == null) {
        jdbc.update("INSERT INTO duty (unit_id, scope, description, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
            unit, scope, row.value(DESCRIPTION), batch.user(), timestamp(batch));
      } else {
        jdbc.update("UPDATE duty SET unit_id = ?, scope = ?, description = ?, updated_by = ?, updated_at = ? WHERE id = ?",
            unit, scope, row.value(DESCRIPTION), batch.user(), timestamp(batch), change.current().id());
      }
    }
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    jdbc.update("DELETE FROM duty WHERE id = ?", row.id());
  }
}
