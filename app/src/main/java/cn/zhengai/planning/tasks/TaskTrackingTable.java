package cn.zhengai.planning.tasks;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.Labelled;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.tasks.TaskMonths.Progress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 表6, every task of the year (key, routine, temporary) with its state in each month, January to December.
 * The months are derived from the progress reported ({@link TaskMonths}); an import takes the tasks and ignores
 * what the month columns say.
 */
@Component
public class TaskTrackingTable extends WorkTaskTable {

  static final int SOURCE = 0;
  static final int KIND = 1;
  static final int TITLE = 2;
  static final int DEADLINE = 3;
  static final int FIRST_MONTH = 4;
  static final int UNIT = 16;
  static final int PERSON = 17;
  static final int START = 18;

  private static final List<Field> FIELDS = trackingFields();

  private final TaskPlanSettings settings;

  TaskTrackingTable(PlanningSupport support, TaskProgressLog progress, TaskPlanSettings settings) {
    super(support, progress, TASK_TRACKING, "表6 部门工作任务完成情况", FIELDS, UNIT, TITLE, DEADLINE);
    this.settings = settings;
  }

  private static List<Field> trackingFields() {
    List<Field> fields = new ArrayList<>(List.of(
        field("source", ColumnSpec.text("任务来源", true).withMaxLength(200)),
        field("kind", ColumnSpec.choice("工作属性", true, Labelled.labels(TaskKind.class)).carryingDown()),
        field("title", ColumnSpec.text("工作任务", true)),
        field("deadline", ColumnSpec.date("完成时限", true))));
    for (int month = 1; month <= 12; month++) {
      fields.add(Field.computed("month" + month, ColumnSpec.text(month + "月", false)));
    }
    fields.add(field("unit", ColumnSpec.text("责任部门", true).withMaxLength(100)));
    fields.add(field("person", ColumnSpec.text("责任人", false).withMaxLength(64)));
    // after the seed's columns: when the task's work starts, for judging 滞后 against its own plan
    fields.add(field("start", ColumnSpec.date("计划开始", false)));
    return List.copyOf(fields);
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    super.check(change, batch, problems);
    TableRow row = change.row();
    if (row.value(START).isEmpty()) {
      return;
    }
    LocalDate start = LocalDate.parse(row.value(START));
    if (start.getYear() != batch.scope().requireYear()) {
      problems.at(row, START, "计划开始 " + start + " 不在 " + batch.scope().requireYear() + " 年内");
    } else if (start.isAfter(LocalDate.parse(row.value(DEADLINE)))) {
      problems.at(row, START, "计划开始 " + start + " 晚于完成时限 " + row.value(DEADLINE));
    }
  }

  private static java.sql.Date optionalDate(String value) {
    return value.isEmpty() ? null : date(value);
  }

  @Override
  protected boolean shows(Task task) {
    return true;
  }

  @Override
  protected StoredRow row(Task task, List<Progress> reports) {
    List<String> values = new ArrayList<>(List.of(task.source(), task.kind().label(), task.title(), task.deadline().toString()));
    TaskMonths.of(task.year(), task.start(), task.deadline(), reports, today(), settings.lagTolerancePercent())
        .forEach(state -> values.add(state.label()));
    values.add(task.unitName());
    values.add(task.person());
    values.add(task.plannedStart() == null ? "" : task.plannedStart().toString());
    return new StoredRow(task.id(), List.copyOf(values));
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    int year = batch.scope().requireYear();
    for (Change change : changes) {
      TableRow row = change.row();
      String kind = Labelled.ofLabel(TaskKind.class, row.value(KIND)).name();
      String unit = batch.units().unitNamed(row.value(UNIT)).id();
      if (change.current() == null) {
        jdbc.update("INSERT INTO work_task (plan_year, source, kind, title, unit_id, person, deadline, start_date, entered_on,"
                + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", year, row.value(SOURCE), kind, row.value(TITLE),
            unit, orNull(row.value(PERSON)), date(row.value(DEADLINE)), optionalDate(row.value(START)),
            java.sql.Date.valueOf(today()), batch.user(), timestamp(batch));
      } else {
        jdbc.update("UPDATE work_task SET source = ?, kind = ?, title = ?, unit_id = ?, person = ?, deadline = ?, start_date = ?,"
                + " updated_by = ?, updated_at = ? WHERE id = ?", row.value(SOURCE), kind, row.value(TITLE), unit,
            orNull(row.value(PERSON)), date(row.value(DEADLINE)), optionalDate(row.value(START)), batch.user(), timestamp(batch),
            change.current().id());
      }
    }
  }
}
