package cn.zhengai.planning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who changed which row of which table, and when (planning_change). */
@Repository
public class ChangeLog {

  private final JdbcTemplate jdbc;

  ChangeLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(String table, String rowKey, Action action, String user, Instant at) {
    recordAll(table, List.of(new Entry(rowKey, action)), user, at);
  }

  /** One save's changes, written in one batch (an import may change many thousand rows). */
  void recordAll(String table, List<Entry> entries, String user, Instant at) {
    Timestamp when = Timestamp.from(at);
    jdbc.batchUpdate("INSERT INTO planning_change (table_id, row_key, action, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)",
        entries.stream().map(entry -> new Object[] {table, abbreviate(entry.rowKey()), entry.action().name(), user, when}).toList());
  }

  /** The newest changes, of one table and (with a key) of one row of it, or of every table. */
  public List<Change> latest(String table, String rowKey, int limit) {
    String where = table == null ? "" : rowKey == null ? " WHERE table_id = ?" : " WHERE table_id = ? AND row_key = ?";
    Object[] args = table == null ? new Object[] {limit}
        : rowKey == null ? new Object[] {table, limit} : new Object[] {table, abbreviate(rowKey), limit};
    return jdbc.query("SELECT * FROM planning_change" + where + " ORDER BY changed_at DESC, id DESC LIMIT ?",
        (rs, n) -> new Change(rs.getString("table_id"), rs.getString("row_key"), Action.valueOf(rs.getString("action")),
            rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()), args);
  }

  private static String abbreviate(String key) {
    return key.length() <= 500 ? key : key.substring(0, 499) + "…";
  }

  public enum Action { CREATED, CHANGED, DELETED }

  /** A row changed, by its key. */
  record Entry(String rowKey, Action action) {}

  public record Change(String table, String rowKey, Action action, String changedBy, Instant changedAt) {}
}
