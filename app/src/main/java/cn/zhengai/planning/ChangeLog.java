package cn.zhengai.planning;

import cn.zhengai.JdbcBatches;
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
   * One save's changes, written as {@link JdbcBatches#insert} writes many rows (an import may change many thousand);
   * each entry is taken from the list, and its cells written as JSON, only as it is sent.
   */
  void recordAll(String table, List<Entry> entries, String user, Instant at) {
    Timestamp when = Timestamp.from(at);
    JdbcBatches.insert(jdbc, "planning_change", List.of("table_id", "row_key", "action", "changed_by", "changed_at", "cells"), entries,
        entry -> new Object[] {table, abbreviate(entry.rowKey()), entry.action().name(), user, when, write(entry.cells())});
  }

  /**
   * The newest changes first, {@code limit} of them from {@code offset}: of the given tables (all tables when none
   * is given), and of one row, by its key, when a key is given.
   */
  public List<Change> newest(List<String> tables, String rowKey, long offset, int limit) {
    List<Object> args = new ArrayList<>(arguments(tables, rowKey));
    args.add(limit);
    args.add(offset);
    // one table named in the order too (it is the same on every row): then H2 reads its index in order, as PostgreSQL does anyway
    String order = tables.size() == 1 && rowKey == null ? "table_id DESC, changed_at DESC, id DESC" : "changed_at DESC, id DESC";
    return jdbc.query("SELECT * FROM planning_change" + where(tables, rowKey) + " ORDER BY " + order + " LIMIT ? OFFSET ?",
        this::change, args.toArray());
  }

  /** How many changes {@link #newest} pages through. */
  public long count(List<String> tables, String rowKey) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM planning_change" + where(tables, rowKey), Long.class,
        arguments(tables, rowKey).toArray());
  }

  private static String where(List<String> tables, String rowKey) {
    List<String> conditions = new ArrayList<>();
    if (!tables.isEmpty()) {
      conditions.add("table_id IN (" + String.join(", ", Collections.nCopies(tables.size(), "?")) + ")");
    }
    if (rowKey != null) {
      conditions.add("row_key = ?");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static List<Object> arguments(List<String> tables, String rowKey) {
    List<Object> args = new ArrayList<>(tables);
    if (rowKey != null) {
      args.add(abbreviate(rowKey));
    }
    return args;
  }

  /** A table's changes at or after a moment, oldest first. */
  public List<Change> since(String table, Instant from) {
    return jdbc.query("SELECT * FROM planning_change WHERE table_id = ? AND changed_at >= ? ORDER BY changed_at, id",
        this::change, table, Timestamp.from(from));
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
