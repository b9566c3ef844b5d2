package cn.zhengai.planning.tasks;

import cn.zhengai.planning.tasks.TaskMonths.Progress;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The progress departments report on their tasks (task_progress): only ever added to. */
@Repository
public class TaskProgressLog {

  private final JdbcTemplate jdbc;

  TaskProgressLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(long taskId, LocalDate reportedOn, int percent, String note, String user, Instant at) {
    jdbc.update("INSERT INTO task_progress (task_id, reported_on, percent, note, reported_by, reported_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", taskId, Date.valueOf(reportedOn), percent, note, user, Timestamp.from(at));
  }

  /** Every report of a year's tasks, by task. */
  public Map<Long, List<Progress>> ofYear(int year) {
    return byTask("", year);
  }

  /** Every report of one unit's tasks of a year, by task. */
  public Map<Long, List<Progress>> ofYear(int year, String unitId) {
    return byTask(" AND t.unit_id = ?", year, unitId);
  }

  private Map<Long, List<Progress>> byTask(String condition, Object... arguments) {
    Map<Long, List<Progress>> byTask = new HashMap<>();
    jdbc.query("SELECT p.* FROM task_progress p JOIN work_task t ON t.id = p.task_id WHERE t.plan_year = ?" + condition, rs -> {
      byTask.computeIfAbsent(rs.getLong("task_id"), id -> new ArrayList<>()).add(progress(rs));
    }, arguments);
    return byTask;
  }

  public List<Report> ofTask(long taskId) {
    return jdbc.query("SELECT * FROM task_progress WHERE task_id = ? ORDER BY reported_on, id",
        (rs, n) -> new Report(rs.getDate("reported_on").toLocalDate(), rs.getInt("percent"), rs.getString("note"),
            rs.getString("reported_by"), rs.getTimestamp("reported_at").toInstant()), taskId);
  }

  private static Progress progress(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Progress(rs.getDate("reported_on").toLocalDate(), rs.getInt("percent"), rs.getLong("id"));
  }

  /** A report as kept: what it says and who made it when. */
  public record Report(LocalDate reportedOn, int percent, String note, String reportedBy, Instant reportedAt) {}
}
