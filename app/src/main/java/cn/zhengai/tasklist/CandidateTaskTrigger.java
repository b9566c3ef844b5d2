package cn.zhengai.tasklist;

import static cn.zhengai.tasklist.CandidateTaskIndex.REFRESH;
import static cn.zhengai.tasklist.CandidateTaskIndex.TASK_CHANGED;
import static cn.zhengai.tasklist.CandidateTaskIndex.TASK_GONE;
import static cn.zhengai.tasklist.CandidateTaskIndex.TASK_RESOURCE;

import cn.zhengai.tasklist.CandidateTaskIndex.Positional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * {@link CandidateTaskIndex}'s triggers on H2 (one instance per trigger, called by H2 in the changing transaction):
 * the index's statements on the trigger's connection. Public with a public constructor because H2 creates it; the
 * database file keeps its name, so a release that renames or moves it drops the triggers first (the next start then
 * creates them again and fills the index).
 */
public final class CandidateTaskTrigger implements Trigger {

  private static final List<Positional> REFRESH_STATEMENTS = REFRESH.stream().map(Positional::of).toList();
  private static final List<Positional> TASK_GONE_STATEMENTS = TASK_GONE.stream().map(Positional::of).toList();
  private static final Positional TASK_CHANGED_STATEMENT = Positional.of(TASK_CHANGED);

  private String table;
  /** The table's columns' positions in a row, by name. */
  private final Map<String, Integer> columns = new HashMap<>();

  @Override
  public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    this.table = table.toUpperCase();
    try (ResultSet found = connection.getMetaData().getColumns(null, schema, table, null)) {
      while (found.next()) {
        columns.put(found.getString("COLUMN_NAME").toUpperCase(), found.getInt("ORDINAL_POSITION") - 1);
      }
    }
  }

  @Override
  public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
    switch (table) {
      case "ACT_RU_TASK" -> {
        if (after == null) {
          run(connection, TASK_GONE_STATEMENTS, Map.of("task", value(before, "ID_")));
        } else if (changed(before, after, "CREATE_TIME_", "TENANT_ID_", "SUSPENSION_STATE_")) {
          Map<String, Object> values = new HashMap<>();
          values.put("task", value(after, "ID_"));
          values.put("created", value(after, "CREATE_TIME_"));
          values.put("tenant", value(after, "TENANT_ID_"));
          values.put("state", value(after, "SUSPENSION_STATE_"));
          run(connection, List.of(TASK_CHANGED_STATEMENT), values);
        }
      }
      case "ACT_RU_IDENTITYLINK" -> {
        refresh(connection, before, "TASK_ID_");
        refresh(connection, after, "TASK_ID_");
      }
      case "ACT_RU_AUTHORIZATION" -> {
        for (Object[] row : new Object[][] {before, after}) {
          if (row != null && Objects.equals(value(row, "RESOURCE_TYPE_"), TASK_RESOURCE)) {
            refresh(connection, row, "RESOURCE_ID_");
          }
        }
      }
      default -> throw new SQLException("候选任务索引的触发器不应建在表 " + table + " 上");
    }
  }

  /** Recomputes the rows of the group and task {@code row} names (none: nothing to do), the task's row locked first. */
  private void refresh(Connection connection, Object[] row, String taskColumn) throws SQLException {
    Object group = row == null ? null : value(row, "GROUP_ID_");
    Object task = row == null ? null : value(row, taskColumn);
    if (group == null || task == null) {
      return;
    }
    try (PreparedStatement lock = connection.prepareStatement("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE")) {
      lock.setObject(1, task);
      lock.executeQuery().close();
    }
    run(connection, REFRESH_STATEMENTS, Map.of("group", group, "task", task));
  }

  private boolean changed(Object[] before, Object[] after, String... names) {
    for (String name : names) {
      if (!Objects.equals(value(before, name), value(after, name))) {
        return true;
      }
    }
    return false;
  }

  private Object value(Object[] row, String column) {
    return row[columns.get(column)];
  }

  private static void run(Connection connection, List<Positional> statements, Map<String, Object> values) throws SQLException {
    for (Positional statement : statements) {
      try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
        for (int i = 0; i < statement.names().size(); i++) {
          prepared.setObject(i + 1, values.get(statement.names().get(i)));
        }
        prepared.executeUpdate();
      }
    }
  }
}
