package cn.zhengai.cycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each unit's year-end review (unit_review), filled step by step as the review goes on. */
@Repository
public class UnitReviews {

  /** The columns a step may write, so that no step names a column of its own making. */
  enum Column {
    TARGETS_TOTAL, TARGETS_MET, TASKS_TOTAL, TASKS_DONE, TASKS_OVERDUE, ESCALATIONS, ATTAINMENT_SUMMARY, SELF_ASSESSMENT,
    SELF_GRADE, GRADE, FINDINGS, DIAGNOSED_BY, PERFORMANCE_RESULT, PERFORMANCE_BY, ACCOUNTABILITY_DECISION,
    ACCOUNTABILITY_MEASURES, ACCOUNTABILITY_BY, PROBLEMS, CAUSES, IMPROVEMENT_MEASURES, NEXT_YEAR_TARGETS,
    IMPROVEMENT_APPROVED_BY
  }

  private final JdbcTemplate jdbc;

  UnitReviews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes some columns of a unit's review, creating the row on the first write. */
  void write(int year, String unitId, Map<Column, Object> values, Instant at) {
    Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM unit_review WHERE plan_year = ? AND unit_id = ?", Integer.class,
        year, unitId);
    if (exists == null || exists == 0) {
      jdbc.update("INSERT INTO unit_review (plan_year, unit_id, updated_at) VALUES (?, ?, ?)", year, unitId, Timestamp.from(at));
    }
    List<Object> arguments = new ArrayList<>(values.values());
    arguments.addAll(List.of(Timestamp.from(at), year, unitId));
    String columns = String.join("", values.keySet().stream().map(column -> column.name().toLowerCase() + " = ?, ").toList());
    jdbc.update("UPDATE unit_review SET " + columns + "updated_at = ? WHERE plan_year = ? AND unit_id = ?", arguments.toArray());
  }

  /** Every unit's review of a year, column names in camel case, in the order units were reviewed. */
  public List<Map<String, Object>> ofYear(int year) {
    return jdbc.query("SELECT r.*, u.name AS unit_name FROM unit_review r JOIN org_unit u ON u.id = r.unit_id"
        + " WHERE r.plan_year = ? ORDER BY u.sort_order, u.id", (rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("year", rs.getInt("plan_year"));
          row.put("unitId", rs.getString("unit_id"));
          row.put("unitName", rs.getString("unit_name"));
          for (Column column : Column.values()) {
            row.put(camel(column.name()), rs.getObject(column.name().toLowerCase()));
          }
          return row;
        }, year);
  }

  private static String camel(String name) {
    StringBuilder camel = new StringBuilder();
    for (String part : name.toLowerCase().split("_")) {
      camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return camel.toString();
  }
}
