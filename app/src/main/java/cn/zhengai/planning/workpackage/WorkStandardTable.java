package cn.zhengai.planning.workpackage;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 表3, the work standard of each piece of work of 表2, by office and post. It completes the work package: it
 * changes the work of 表2 (its office, post and standard) but does not create it, since work needs its duty.
 */
@Component
public class WorkStandardTable extends WorkPackageTable {

  static final int UNIT = 0;
  static final int OFFICE = 1;
  static final int POST = 2;
  static final int DESCRIPTION = 3;
  static final int STANDARD = 4;

  private static final List<Field> FIELDS = List.of(
      field("unit", ColumnSpec.text("部门名称", true).withMaxLength(100).carryingDown()),
      field("office", ColumnSpec.text("科室", true).withMaxLength(100)),
      field("post", ColumnSpec.text("岗位", true).withMaxLength(100)),
      field("description", ColumnSpec.text("具体化的工作", true)),
      field("standard", ColumnSpec.text("工作标准", false).withMaxLength(2000)));

  WorkStandardTable(PlanningSupport support) {
    super(support, "work-standards", "表3 科室岗位工作标准", FIELDS, DESCRIPTION);
  }

  @Override
  protected StoredRow row(WorkItem item) {
    return new StoredRow(item.id(), List.of(item.unitName(), item.office(), item.post(), item.description(), item.standard()));
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    if (oneUnit(row, UNIT, batch, problems) != null && change.current() == null) {
      problems.at(row, DESCRIPTION, "具体化的工作“" + row.value(DESCRIPTION) + "”不在" + row.value(UNIT)
          + "的表2中，请先在表2中建立（写明它落实的部门职责）");
    }
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    for (Change change : changes) {
      TableRow row = change.row();
      jdbc.update("UPDATE work_item SET office = ?, post = ?, description = ?, work_standard = ?, updated_by = ?,"
              + " updated_at = ? WHERE id = ?", row.value(OFFICE), row.value(POST), row.value(DESCRIPTION),
          orNull(row.value(STANDARD)), batch.user(), timestamp(batch), change.current().id());
    }
  }

  /** Removing a row of 表3 removes the standard; the work stays in 表2. */
  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    jdbc.update("UPDATE work_item SET work_standard = NULL, updated_by = ?, updated_at = ? WHERE id = ?", batch.user(),
        timestamp(batch), row.id());
  }
}
