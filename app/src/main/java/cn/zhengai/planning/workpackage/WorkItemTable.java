package cn.zhengai.planning.workpackage;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 表2, each duty of 表1 made concrete as SMART work, on a post in an office. */
@Component
public class WorkItemTable extends WorkPackageTable {

  static final int UNIT = 0;
  static final int DUTY = 1;
  static final int DESCRIPTION = 2;
  static final int POST = 3;
  static final int OFFICE = 4;

  private static final List<Field> FIELDS = List.of(
      field("unit", ColumnSpec.text("部门名称", true).withMaxLength(100).carryingDown()),
      field("duty", ColumnSpec.text("部门职责", true)),
      field("description", ColumnSpec.text("具体化的工作", true)),
      field("post", ColumnSpec.text("工作归属岗位", true).withMaxLength(100)),
      field("office", ColumnSpec.text("岗位所在科室", true).withMaxLength(100)));

  WorkItemTable(PlanningSupport support) {
    super(support, "work-items", "表2 职能部门岗位工作", FIELDS, DESCRIPTION);
  }

  @Override
  protected StoredRow row(WorkItem item) {
    return new StoredRow(item.id(), List.of(item.unitName(), item.duty(), item.description(), item.post(), item.office()));
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    if (oneUnit(row, UNIT, batch, problems) != null
        && !batch.memo("duties", this::dutyIds).containsKey(dutyKey(row.value(UNIT), row.value(DUTY)))) {
      problems.at(row, DUTY, "部门职责“" + row.value(DUTY) + "”不在" + row.value(UNIT) + "的表1中，请先在表1中建立");
    }
  }

  private Map<String, Long> dutyIds() {
    Map<String, Long> ids = new HashMap<>();
    jdbc.query("SELECT d.id, d.description, u.name FROM duty d JOIN org_unit u ON u.id = d.unit_id", rs -> {
      ids.put(dutyKey(rs.getString("name"), rs.getString("description")), rs.getLong("id"));
    });
    return ids;
  }

  private static String dutyKey(String unitName, String duty) {
    return unitName + "／" + duty;
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    Map<String, Long> duties = dutyIds();
    for (Change change : changes) {
      TableRow row = change.row();
      String unit = batch.units().unitNamed(row.value(UNIT)).id();
      Long duty = duties.get(dutyKey(batch.units().unit(unit).name(), row.value(DUTY)));
      if (change.current() == null) {
        jdbc.update("INSERT INTO work_item (unit_id, duty_id, description, post, office, updated_by, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", unit, duty, row.value(DESCRIPTION), row.value(POST), row.value(OFFICE),
            batch.user(), timestamp(batch));
      } else {
        jdbc.update("UPDATE work_item SET unit_id = ?, duty_id = ?, description = ?, post = ?, office = ?, updated_by = ?,"
                + " updated_at = ? WHERE id = ?", unit, duty, row.value(DESCRIPTION), row.value(POST), row.value(OFFICE),
            batch.user(), timestamp(batch), change.current().id());
      }
    }
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    jdbc.update("DELETE FROM work_item WHERE id = ?", row.id());
  }
}
