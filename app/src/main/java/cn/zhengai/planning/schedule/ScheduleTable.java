package cn.zhengai.planning.schedule;

import cn.zhengai.JdbcBatches;
import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/** 表8, the build schedule: each item with its department and due date, and when it was done. */
@Component
public class ScheduleTable extends PlanningTable {

  static final int PROJECT = 0;
  static final int CONTENT = 1;
  static final int RESPONSIBLE = 2;
  static final int DUE = 3;
  static final int REMARK = 4;
  static final int DONE_ON = 5;

  private static final List<Field> FIELDS = List.of(
      field("project", ColumnSpec.text("工作项目", true).withMaxLength(100).carryingDown()),
      field("content", ColumnSpec.text("工作内容", true).withMaxLength(300)),
      field("responsible", ColumnSpec.text("责任部门", true).withMaxLength(200)),
      field("due", ColumnSpec.text("完成时间", true).withMaxLength(32)),
      field("remark", ColumnSpec.text("备注", false)),
      field("doneOn", ColumnSpec.date("完成日期", false)));

  ScheduleTable(PlanningSupport support) {
    super(support, "schedule", "表8 建设与实施进程", FIELDS, RESPONSIBLE);
  }

  @Override
  protected String storageTable() {
    return "schedule_item";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    return jdbc.query("SELECT * FROM schedule_item ORDER BY sort_order, id", (rs, n) -> row(rs));
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return jdbc.query("SELECT * FROM schedule_item WHERE id = ?", (rs, n) -> row(rs), id).stream().findFirst();
  }

  private static StoredRow row(ResultSet rs) throws SQLException {
    Date done = rs.getDate("done_on");
    return new StoredRow(rs.getLong("id"), List.of(rs.getString("project"), rs.getString("content"),
        rs.getString("responsible"), rs.getString("due_text"), orBlank(rs.getString("remark")),
        done == null ? "" : done.toLocalDate().toString()));
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(CONTENT);
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    if (ScheduleDue.parse(change.value(DUE)).isEmpty()) {
      problems.at(change.row(), DUE, "“" + change.value(DUE) + "”不是完成时间，应写成 2027.05（当月底）、2027.05.20 或 "
          + ScheduleDue.EVERY_YEAR_START);
    }
    String done = change.value(DONE_ON);
    if (!done.isEmpty() && LocalDate.parse(done).isAfter(today())) {
      problems.at(change.row(), DONE_ON, "完成日期 " + done + " 晚于今天 " + today() + "，不能预先填写");
    }
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    int first = jdbc.queryForObject("SELECT COALESCE(MAX(sort_order), 0) FROM schedule_item", Integer.class) + 1;
    List<Change> created = changes.stream().filter(change -> change.current() == null).toList();
    JdbcBatches.insert(jdbc, "schedule_item", List.of("project", "content", "responsible", "due_text", "remark", "done_on", "sort_order",
        "updated_by", "updated_at"), IntStream.range(0, created.size()).boxed().toList(), index -> {
          TableRow row = created.get(index).row();
          return new Object[] {row.value(PROJECT), row.value(CONTENT), row.value(RESPONSIBLE), row.value(DUE),
              remark(row), doneOn(row), first + index, batch.user(), timestamp(batch)};
        });
    JdbcBatches.write(jdbc, "UPDATE schedule_item SET project = ?, content = ?, responsible = ?, due_text = ?, remark = ?, done_on = ?,"
        + " updated_by = ?, updated_at = ? WHERE id = ?", changes.stream().filter(change -> change.current() != null).toList(), change -> {
          TableRow row = change.row();
          return new Object[] {row.value(PROJECT), row.value(CONTENT), row.value(RESPONSIBLE), row.value(DUE), remark(row), doneOn(row),
              batch.user(), timestamp(batch), change.current().id()};
        });
  }

  // typed, so that a blank needs no question to the database about its column's type
  private static SqlParameterValue remark(TableRow row) {
    return new SqlParameterValue(Types.VARCHAR, orNull(row.value(REMARK)));
  }

  private static SqlParameterValue doneOn(TableRow row) {
    String done = orNull(row.value(DONE_ON));
    return new SqlParameterValue(Types.DATE, done == null ? null : Date.valueOf(LocalDate.parse(done)));
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    jdbc.update("DELETE FROM schedule_item WHERE id = ?", row.id());
  }
}
