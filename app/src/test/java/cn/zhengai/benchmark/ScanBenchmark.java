package cn.zhengai.benchmark;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.planning.ChangeLog;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.UnitDirectory;
import cn.zhengai.planning.schedule.ScheduleDue;
import cn.zhengai.planning.warnings.DeadlineWarnings;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P6: the daily deadline scan and the change history over a large college's years: 10 years × 60 units of 表6
 * tasks (40 a unit and year) and 表8 items (10 a unit and year), most of them done, and 100,000 change-log rows.
 * <ul>
 *   <li>the scan as it runs every day once the day's warnings are recorded (nothing new to record), against the
 *       scan's earlier shape in the same run: every open task of every year, and a {@code COUNT} per item and unit;</li>
 *   <li>a row's history (the workbench's first page of 20 and the total) and a table's pages of 500 and the total,
 *       against one full pass over the change log;</li>
 * </ul>
 * each with the indexes of migration V8 and again after dropping those the queries use. Best of five runs.
 */
final class ScanBenchmark implements Benchmark {

  private static final int YEARS = 10;
  private static final int UNITS = 60;
  private static final int TASKS_PER_UNIT_AND_YEAR = 40;
  private static final int SCHEDULE_PER_UNIT_AND_YEAR = 10;
  private static final int CHANGES = 100_000;
  private static final int RUNS = 5;
  private static final int ROW_QUERIES = 200;
  private static final LocalDate TODAY = LocalDate.of(2027, 5, 13);
  private static final int DAYS_BEFORE_DUE = 7;
  private static final int TABLE_QUERIES = 20;
  /** The indexes of migration V8 these queries use (H2 has indexed foreign keys by itself all along). */
  private static final List<String> V8_INDEXES = List.of("planning_change_table", "planning_change_row", "work_task_deadline",
      "deadline_warning_due");

  @Override
  public String id() {
    return "P6";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "scan",
        "zhengai.warnings.days-before-due=" + DAYS_BEFORE_DUE)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      List<String> rowKeys = fill(jdbc);
      figures.note(String.format("P6 数据：%d 项任务（表6），%d 项建设进程（表8），%d 条修改记录，%d 个单位 × %d 年", count(jdbc, "work_task"),
          count(jdbc, "schedule_item"), count(jdbc, "planning_change"), UNITS, YEARS));
      DeadlineWarnings warnings = app.getBean(DeadlineWarnings.class);
      Scan earlierShape = new Scan(jdbc, app.getBean(AcademicCalendar.class), app.getBean(PlanningSupport.class).directory());
      ChangeLog changeLog = app.getBean(ChangeLog.class);
      figures.note("P6 今天 " + TODAY + " 首次扫描记录 " + warnings.scan(TODAY) + " 条预警");

      for (String indexes : List.of("有 V8 索引", "无 V8 索引")) {
        if (indexes.startsWith("无")) {
          V8_INDEXES.forEach(index -> jdbc.execute("DROP INDEX " + index));
        }
        Runnable touched = () -> touch(jdbc);
        Measurement baseline = Measurement.best(RUNS, () -> earlierShape.run(TODAY), touched);
        Measurement scan = Measurement.best(RUNS, () -> warnings.scan(TODAY), touched);
        figures.add("P6", "每日到期扫描（" + indexes + "；基线：原先逐项 COUNT 的全量扫描，" + baseline.count() + " 次查询）", database,
            scan.millis(), baseline.millis(), "ms");

        // a full pass over the change log: what a query without a usable index costs (H2 answers a bare count(*)
        // from its row count, so the pass filters on a column no index holds)
        Measurement fullScan = Measurement.best(RUNS, () -> {
          long counted = 0;
          for (int i = 0; i < TABLE_QUERIES; i++) {
            counted += jdbc.queryForObject("SELECT count(*) FROM planning_change WHERE changed_by <> ?", Long.class, "someone" + i);
          }
          return counted;
        }, touched);
        Random random = new Random(6);
        Measurement row = Measurement.best(RUNS, () -> {
          long shown = 0;
          for (int i = 0; i < ROW_QUERIES; i++) {
            String key = rowKeys.get(random.nextInt(rowKeys.size()));
            shown += changeLog.newest(List.of("task-tracking", "key-tasks"), key, 0, 20).size()
                + changeLog.count(List.of("task-tracking", "key-tasks"), key);
          }
          return shown;
        }, touched);
        figures.add("P6", "一行的修改记录：第一页（20 条）与总数，每次（" + indexes + "；基线：修改记录全表扫描一遍）", database,
            row.millis() / (double) ROW_QUERIES, fullScan.millis() / (double) TABLE_QUERIES, "ms");
        Measurement table = Measurement.best(RUNS, () -> {
          long shown = 0;
          for (int i = 0; i < TABLE_QUERIES; i++) {
            shown += changeLog.newest(List.of("task-tracking"), null, i * 500L, 500).size() + changeLog.count(List.of("task-tracking"), null);
          }
          return shown;
        }, touched);
        figures.add("P6", "一张表的修改记录：一页 500 条（第 1–20 页）与总数，每次（" + indexes + "；基线同上）", database,
            table.millis() / (double) TABLE_QUERIES, fullScan.millis() / (double) TABLE_QUERIES, "ms");
      }
    }
  }

  /**
   * Writes to the tables the queries read, as a day of work does: H2 answers a query repeated unchanged over
   * unchanged tables from its last result, which would measure nothing.
   */
  private static void touch(JdbcTemplate jdbc) {
    Map.of("work_task", "id", "schedule_item", "id", "task_progress", "id", "deadline_warning", "item_id", "planning_change", "id")
        .forEach((table, key) -> jdbc.update("UPDATE " + table + " SET " + key + " = " + key + " WHERE " + key + " = (SELECT MIN("
            + key + ") FROM " + table + ")"));
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  /** Units, their tasks and schedule items of ten years (most done), the warnings of earlier years, the change log. */
  private static List<String> fill(JdbcTemplate jdbc) {
    Random random = new Random(16);
    Timestamp now = Timestamp.from(Instant.parse("2027-05-01T00:00:00Z"));
    List<Object[]> units = new ArrayList<>();
    List<Object[]> tasks = new ArrayList<>();
    List<Object[]> schedule = new ArrayList<>();
    List<String> rowKeys = new ArrayList<>();
    for (int u = 1; u <= UNITS; u++) {
      String unit = String.format("bench%02d", u);
      String unitName = "基准教学单位" + u;
      units.add(new Object[] {unit, unitName, "TEACHING_UNIT", 1000 + u});
      for (int year = TODAY.getYear() - YEARS + 1; year <= TODAY.getYear(); year++) {
        for (int t = 0; t < TASKS_PER_UNIT_AND_YEAR; t++) {
          String title = "基准任务 " + year + "-" + t;
          LocalDate deadline = LocalDate.of(year, t % 12 + 1, 1).plusDays(random.nextInt(28));
          tasks.add(new Object[] {year, unit, title, Date.valueOf(deadline), now});
          rowKeys.add(unitName + "｜" + title);
        }
        for (int s = 0; s < SCHEDULE_PER_UNIT_AND_YEAR; s++) {
          int month = s + 1;
          boolean past = LocalDate.of(year, month, 28).isBefore(TODAY);
          // items of the past are done, but one in ten was forgotten
          Date done = past && random.nextInt(10) > 0 ? Date.valueOf(LocalDate.of(year, month, 20)) : null;
          schedule.add(new Object[] {"基准进程", "基准建设内容 " + unit + " " + year + "-" + s, unitName,
              String.format("%d.%02d", year, month), done, units.size() * 1000 + schedule.size(), now});
        }
      }
    }
    jdbc.batchUpdate("INSERT INTO org_unit (id, name, kind, sort_order) VALUES (?, ?, ?, ?)", units);
    jdbc.batchUpdate("INSERT INTO work_task (plan_year, source, kind, title, unit_id, deadline, updated_by, updated_at)"
        + " VALUES (?, '学校年度工作要点', 'ROUTINE', ?, ?, ?, 'benchmark', ?)",
        tasks.stream().map(task -> new Object[] {task[0], task[2], task[1], task[3], task[4]}).toList());
    jdbc.batchUpdate("INSERT INTO schedule_item (project, content, responsible, due_text, done_on, sort_order, updated_by, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, 'benchmark', ?)", schedule);
    // tasks past their deadline are done, but one in ten was never reported
    jdbc.update("INSERT INTO task_progress (task_id, reported_on, percent, reported_by, reported_at)"
        + " SELECT id, deadline, 100, 'benchmark', updated_at FROM work_task WHERE updated_by = 'benchmark' AND deadline < ?"
        + " AND MOD(id, 10) <> 0", Date.valueOf(TODAY));
    // what earlier years' scans recorded: the overdue warning of every task left open
    jdbc.update("INSERT INTO deadline_warning (item_table, item_id, due_date, stage, unit_id, warned_at, warned_on, item_text)"
        + " SELECT 'task-tracking', id, deadline, 'OVERDUE', unit_id, updated_at, deadline, title FROM work_task"
        + " WHERE updated_by = 'benchmark' AND deadline < ? AND MOD(id, 10) = 0", Date.valueOf(TODAY.withDayOfYear(1)));
    List<Object[]> changes = new ArrayList<>();
    for (int c = 0; c < CHANGES; c++) {
      changes.add(new Object[] {c % 5 == 0 ? "schedule" : "task-tracking", rowKeys.get(random.nextInt(rowKeys.size())),
          c % 20 == 0 ? "CREATED" : "CHANGED", Timestamp.from(Instant.parse("2018-01-01T00:00:00Z").plus(c * 30L, ChronoUnit.MINUTES))});
    }
    for (int from = 0; from < changes.size(); from += 10_000) {
      jdbc.batchUpdate("INSERT INTO planning_change (table_id, row_key, action, changed_by, changed_at) VALUES (?, ?, ?, 'benchmark', ?)",
          changes.subList(from, Math.min(from + 10_000, changes.size())));
    }
    // fresh statistics after the bulk load, as the database's own maintenance would have them
    jdbc.execute("ANALYZE");
    return rowKeys;
  }

  /**
   * The scan's earlier shape, kept here as the baseline: every open task of every year and every schedule item
   * not done, and for each item in a stage a {@code COUNT} per unit to learn whether it was warned before.
   */
  private record Scan(JdbcTemplate jdbc, AcademicCalendar calendar, UnitDirectory units) {

    long run(LocalDate today) {
      List<Object[]> items = new ArrayList<>();
      jdbc.query("SELECT t.id, t.deadline, t.unit_id FROM work_task t"
          + " WHERE NOT EXISTS (SELECT 1 FROM task_progress p WHERE p.task_id = t.id AND p.percent = 100)", rs -> {
            items.add(new Object[] {"task-tracking", rs.getLong(1), rs.getDate(2).toLocalDate(), List.of(rs.getString(3))});
          });
      jdbc.query("SELECT * FROM schedule_item ORDER BY sort_order", rs -> {
        Optional<ScheduleDue> due = ScheduleDue.parse(rs.getString("due_text"));
        Date doneOn = rs.getDate("done_on");
        Optional<LocalDate> date = due.filter(d -> !d.doneIn(today.getYear(), doneOn == null ? null : doneOn.toLocalDate()))
            .map(d -> d.dueIn(today.getYear(), calendar));
        if (date.isPresent()) {
          items.add(new Object[] {"schedule", rs.getLong("id"), date.get(), units.resolve(rs.getString("responsible")).unitIds()});
        }
      });
      long queries = 0;
      for (Object[] item : items) {
        LocalDate due = (LocalDate) item[2];
        boolean inStage = today.isAfter(due) || ChronoUnit.DAYS.between(today, due) <= DAYS_BEFORE_DUE;
        if (inStage) {
          for (Object unit : (List<?>) item[3]) {
            jdbc.queryForObject("SELECT COUNT(*) FROM deadline_warning WHERE item_table = ? AND item_id = ? AND due_date = ?"
                + " AND stage = ? AND unit_id = ?", Integer.class, item[0], item[1], Date.valueOf(due),
                today.isAfter(due) ? "OVERDUE" : "DUE_SOON", unit);
            queries++;
          }
        }
      }
      return queries;
    }
  }
}
