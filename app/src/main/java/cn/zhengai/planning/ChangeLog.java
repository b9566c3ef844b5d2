package cn.zhengai.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who changed which row of which table, when, and each cell from what to what (planning_change). */
@Repository
public class ChangeLog {

  private static final TypeReference<List<CellChange>> CELLS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  ChangeLog(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void record(String table, Entry entry, String user, Instant at) {
    recordAll(table, List.of(entry), user, at);
  }

  /**
   * One save's changes, written in JDBC batches (an import may change many thousand rows); each entry is taken from
   * the list, and its cells written as JSON, only as its batch is sent.
   */
  void recordAll(String table, List<Entry> entries, String user, Instant at) {
    Timestamp when = Timestamp.from(at);
    jdbc.batchUpdate("INSERT INTO planning_change (table_id, row_key, action, changed_by, changed_at, cells) VALUES (?, ?, ?, ?, ?, ?)",
        entries, PlanningTable.WRITE_BATCH, (statement, entry) -> {
          statement.setString(1, table);
          statement.setString(2, abbreviate(entry.rowKey()));
          statement.setString(3, entry.action().name());
          statement.setString(4, user);
          statement.setTimestamp(5, when);
          statement.setString(6, write(entry.cells()));
        });
  }

  public List<Change> latest(String table, int limit) {
    String where = table == null ? "" : " WHERE table_id = ?";
    Object[] args = table == null ? new Object[] {limit} : new Object[] {table, limit};
    return query(where, args);
  }

  /** The newest changes of one row, by its key, in any of the tables that show it. */
  public List<Change> ofRow(List<String> tables, String rowKey, int limit) {
    List<Object> args = new ArrayList<>(tables);
    args.add(abbreviate(rowKey));
    args.add(limit);
    return query(" WHERE table_id IN (" + String.join(", ", Collections.nCopies(tables.size(), "?")) + ") AND row_key = ?",
        args.toArray());
  }

  /** A table's changes at or after a moment, oldest first. */
  public List<Change> since(String table, Instant from) {
    return jdbc.query("SELECT * FROM planning_change WHERE table_id = ? AND changed_at >= ? ORDER BY changed_at, id",
        this::change, table, Timestamp.from(from));
  }

  private List<Change> query(String where, Object[] args) {
    return jdbc.query("SELECT * FROM planning_change" + where + " ORDER BY changed_at DESC, id DESC LIMIT ?", this::change, args);
  }

  private Change change(ResultSet rs, int rowNumber) throws SQLException {
    return new Change(rs.getString("table_id"), rs.getString("row_key"), Action.valueOf(rs.getString("action")),
        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(), read(rs.getString("cells")));
  }

  private String write(List<CellChange> cells) {
    try {
      return cells.isEmpty() ? null : json.writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<CellChange> read(String cells) {
    try {
      return cells == null ? List.of() : json.readValue(cells, CELLS);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String abbreviate(String key) {
    return key.length() <= 500 ? key : key.substring(0, 499) + "…";
  }

  public enum Action { CREATED, CHANGED, DELETED }

  /** A row changed, by its key, with the cells that changed. */
  record Entry(String rowKey, Action action, List<CellChange> cells) {}

  /** One cell: its column's header, the value before and after (blank for a row created or deleted). */
  public record CellChange(String column, String before, String after) {}

  public record Change(String table, String rowKey, Action action, String changedBy, Instant changedAt,
      List<CellChange> cells) {}
}
