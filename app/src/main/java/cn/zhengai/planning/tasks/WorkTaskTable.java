package cn.zhengai.planning.tasks;

import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.planning.tasks.TaskMonths.Progress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The year's tasks (work_task), seen as 表5 (the key tasks, as decomposed) or as 表6 (every task and its state
 * month by month). Both are kept per year and keyed by responsible unit and task.
 */
abstract class WorkTaskTable extends PlanningTable {

  static final String KEY_TASKS = "key-tasks";
  static final String TASK_TRACKING = "task-tracking";
  private static final String SELECT = "SELECT t.*, u.name AS unit_name, lead.name AS lead_name FROM work_task t"
      + " JOIN org_unit u ON u.id = t.unit_id LEFT JOIN org_unit lead ON lead.id = t.lead_unit_id";

  protected final TaskProgressLog progress;
  private final int titleColumn;
  private final int deadlineColumn;

  WorkTaskTable(PlanningSupport support, TaskProgressLog progress, String id, String sheetName, List<Field> fields,
      int unitColumn, int titleColumn, int deadlineColumn) {
    super(support, id, sheetName, fields, unitColumn);
    this.progress = progress;
    this.titleColumn = titleColumn;
    this.deadlineColumn = deadlineColumn;
  }

  /** Whether the view shows a task. */
  protected abstract boolean shows(Task task);

  protected abstract StoredRow row(Task task, List<Progress> reports);

  @Override
  protected String storageTable() {
    return "work_task";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    int year = scope.requireYear();
    Map<Long, List<Progress>> reports = progress.ofYear(year);
    return jdbc.query(SELECT + " WHERE t.plan_year = ? ORDER BY t.id", (rs, n) -> task(rs), year).stream()
        .filter(this::shows).map(task -> row(task, reports.getOrDefault(task.id(), List.of()))).toList();
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return findTask(id).filter(this::shows).map(task -> row(task, progress.ofYear(task.year()).getOrDefault(id, List.of())));
  }

  Optional<Task> findTask(long id) {
    return jdbc.query(SELECT + " WHERE t.id = ?", (rs, n) -> task(rs), id).stream().findFirst();
  }

  @Override
  public boolean perYear() {
    return true;
  }

  /** 表5 and 表6 show the same tasks: a task's history is what was done to it in either. */
  @Override
  public List<String> changeLogIds() {
    return List.of(KEY_TASKS, TASK_TRACKING);
  }

  @Override
  public TableScope scopeOf(long id) {
    return findTask(id).map(task -> new TableScope(task.year())).orElse(TableScope.ALL);
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(ownerColumn()) + "／" + values.get(titleColumn);
  }

  /** Rules both views share: one responsible unit, a deadline inside the year the table is kept for. */
  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    oneUnit(row, ownerColumn(), batch, problems);
    int year = batch.scope().requireYear();
    if (LocalDate.parse(row.value(deadlineColumn)).getYear() != year) {
      problems.at(row, deadlineColumn, "完成时限 " + row.value(deadlineColumn) + " 不在 " + year + " 年内（本表为 " + year + " 年度）");
    }
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    jdbc.update("DELETE FROM work_task WHERE id = ?", row.id());
  }

  protected static java.sql.Date date(String value) {
    return java.sql.Date.valueOf(LocalDate.parse(value));
  }

  private static Task task(ResultSet rs) throws SQLException {
    return new Task(rs.getLong("id"), rs.getInt("plan_year"), rs.getString("source"), TaskKind.valueOf(rs.getString("kind")),
        rs.getString("title"), orBlank(rs.getString("work_standard")), orBlank(rs.getString("lead_name")),
        rs.getString("unit_name"), orBlank(rs.getString("person")), orBlank(rs.getString("measures")),
        orBlank(rs.getString("outcome")), rs.getDate("deadline").toLocalDate(),
        rs.getDate("start_date") == null ? null : rs.getDate("start_date").toLocalDate(), TaskMonths.start(rs));
  }

  /** A task as kept, with unit names for display. */
  protected record Task(long id, int year, String source, TaskKind kind, String title, String workStandard, String leadName,
      String unitName, String person, String measures, String outcome, LocalDate deadline, LocalDate plannedStart,
      LocalDate start) {}
}
