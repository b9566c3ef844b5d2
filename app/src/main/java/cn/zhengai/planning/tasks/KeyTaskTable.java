package cn.zhengai.planning.tasks;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.tasks.TaskMonths.Progress;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 表5, the year's key tasks as decomposed from the plans: work standard, lead and responsible department,
 * measures and target, outcome. The seed's columns, plus 完成时限, which tracking (表6) needs.
 */
@Component
public class KeyTaskTable extends WorkTaskTable {

  /** Where a key task entered through 表5 comes from, as 表6 shows it. */
  static final String SOURCE = "年度重点工作";

  static final int TITLE = 0;
  static final int WORK_STANDARD = 1;
  static final int LEAD = 2;
  static final int UNIT = 3;
  static final int MEASURES = 4;
  static final int OUTCOME = 5;
  static final int DEADLINE = 6;

  private static final List<Field> FIELDS = List.of(
      field("title", ColumnSpec.text("重点项目(任务)", true)),
      field("workStandard", ColumnSpec.text("工作标准", false).withMaxLength(2000)),
      field("lead", ColumnSpec.text("牵头部门", false).withMaxLength(100)),
      field("unit", ColumnSpec.text("责任部门", true).withMaxLength(100)),
      field("measures", ColumnSpec.text("措施及目标", false).withMaxLength(2000)),
      field("outcome", ColumnSpec.text("工作成效", false).withMaxLength(2000)),
      field("deadline", ColumnSpec.date("完成时限", true)));

  KeyTaskTable(PlanningSupport support, TaskProgressLog progress) {
    super(support, progress, KEY_TASKS, "表5 年度重点工作任务分解", FIELDS, UNIT, TITLE, DEADLINE);
  }

  @Override
  protected boolean shows(Task task) {
    return task.kind() == TaskKind.KEY;
  }

  @Override
  protected StoredRow row(Task task, List<Progress> reports) {
    return new StoredRow(task.id(), List.of(task.title(), task.workStandard(), task.leadName(), task.unitName(),
        task.measures(), task.outcome(), task.deadline().toString()));
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    super.check(change, batch, problems);
    oneUnit(change.row(), LEAD, batch, problems);
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    int year = batch.scope().requireYear();
    for (Change change : changes) {
      TableRow row = change.row();
      String lead = row.value(LEAD).isEmpty() ? null : batch.units().unitNamed(row.value(LEAD)).id();
      String unit = batch.units().unitNamed(row.value(UNIT)).id();
      if (change.current() == null) {
        jdbc.update("INSERT INTO work_task (plan_year, source, kind, title, work_standard, lead_unit_id, unit_id, measures,"
                + " outcome, deadline, entered_on, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", year,
            SOURCE, TaskKind.KEY.name(), row.value(TITLE), orNull(row.value(WORK_STANDARD)), lead, unit,
            orNull(row.value(MEASURES)), orNull(row.value(OUTCOME)), date(row.value(DEADLINE)), java.sql.Date.valueOf(today()),
            batch.user(), timestamp(batch));
      } else {
        jdbc.update("UPDATE work_task SET title = ?, work_standard = ?, lead_unit_id = ?, unit_id = ?, measures = ?,"
                + " outcome = ?, deadline = ?, updated_by = ?, updated_at = ? WHERE id = ?", row.value(TITLE),
            orNull(row.value(WORK_STANDARD)), lead, unit, orNull(row.value(MEASURES)), orNull(row.value(OUTCOME)),
            date(row.value(DEADLINE)), batch.user(), timestamp(batch), change.current().id());
      }
    }
  }
}
