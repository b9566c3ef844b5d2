package cn.zhengai.benchmark;

import cn.zhengai.monitoring.Monitors;
import cn.zhengai.statedata.ReadingLoads;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P9: 1,000,000 readings (500 indicators × 20 units × 100 months) loaded the way a source run loads them (recorded,
 * every row checked: indicator, subject, period, value; written in one transaction in batches of 1,000, the targets
 * refreshed) and then evaluated by the monitors, as every load is, against a bare JDBC batch insert of the same rows
 * into the same table, batches of 1,000 in one transaction, measured first. Time and peak heap increase of each, one
 * run each. Then, on a database of its own, the monitors' daily evaluation of 5,000 indicators × 36 months (every
 * series' control chart and run rules) against a bare JDBC read of the same readings, best of three.
 */
final class ReadingLoadBenchmark implements Benchmark {

  private static final int INDICATORS = 500;
  private static final int SUBJECTS = 20;
  private static final int MONTHS = 100;
  private static final int DAILY_INDICATORS = 5_000;
  private static final int DAILY_MONTHS = 36;

  @Override
  public String id() {
    return "P9";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "readings")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      ReadingLoads.createIndicators(app, INDICATORS);
      List<String> subjects = jdbc.queryForList("SELECT id FROM org_unit ORDER BY id", String.class).subList(0, SUBJECTS);
      List<String> months = months(MONTHS);
      long readings = (long) INDICATORS * SUBJECTS * MONTHS;
      Measurement baseline = Measurement.once(() -> bareInsert(app, jdbc, subjects, months));
      // the baseline's rows stay (deleting a million rows in one H2 transaction does not fit the heap): the product then
      // writes into a table twice as full, which counts against it
      Measurement product = Measurement.once(() -> ReadingLoads.load(app, subjects, months, INDICATORS));
      if (product.count() != readings || baseline.count() != readings) {
        throw new IllegalStateException("P9 载入行数不符：" + product.count() + " / " + baseline.count());
      }
      figures.note(String.format("P9 读数：%d 个指标 × %d 个单位 × %d 个月 = %,d 条", INDICATORS, SUBJECTS, MONTHS, readings));
      figures.add("P9", "载入并评估 " + readings + " 条读数（检查、一个事务、运行记录、数据监测）：时间（基线 JDBC 批量插入）", database, product.millis(),
          baseline.millis(), "ms");
      figures.add("P9", "载入读数：峰值堆增量", database, product.peakMb(), baseline.peakMb(), "MB");
    }
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "monitors")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      ReadingLoads.createIndicators(app, DAILY_INDICATORS);
      List<String> subjects = jdbc.queryForList("SELECT id FROM org_unit ORDER BY id", String.class).subList(0, 1);
      List<String> months = months(DAILY_MONTHS);
      ReadingLoads.load(app, subjects, months, DAILY_INDICATORS);
      Monitors monitors = app.getBean(Monitors.class);
      LocalDate today = LocalDate.now();
      Measurement baseline = Measurement.best(3, () -> bareRead(jdbc), () -> {});
      Measurement evaluation = Measurement.best(3, () -> {
        monitors.evaluate(today);
        return (long) DAILY_INDICATORS * DAILY_MONTHS;
      }, () -> {});
      figures.note(String.format("P9 每日评估：%d 个指标 × %d 个月 = %,d 条读数（%,d 条基线读出）", DAILY_INDICATORS, DAILY_MONTHS,
          evaluation.count(), baseline.count()));
      figures.add("P9", "每日评估 " + DAILY_INDICATORS + " 个指标 × " + DAILY_MONTHS + " 期（控制图与判异规则）：时间（基线 JDBC 读出同样读数）",
          database, evaluation.millis(), baseline.millis(), "ms");
      figures.add("P9", "每日评估：峰值堆增量", database, evaluation.peakMb(), baseline.peakMb(), "MB");
    }
  }

  private static List<String> months(int count) {
    List<String> months = new ArrayList<>();
    YearMonth first = YearMonth.now().minusMonths(count);
    for (int i = 0; i < count; i++) {
      months.add(first.plusMonths(i).toString());
    }
    return months;
  }

  /** Every reading read once in series order and summed, nothing judged. */
  private static long bareRead(JdbcTemplate jdbc) {
    long[] rows = {0};
    double[] sum = {0};
    jdbc.query("SELECT indicator_id, subject_level, subject_id, period_end, reading_value FROM reading"
        + " ORDER BY indicator_id, subject_level, subject_id, period_end", rs -> {
          sum[0] += rs.getDouble(5);
          rows[0]++;
        });
    return rows[0];
  }

  /** The same rows into the same table, nothing checked: JDBC batches of 1,000 in one transaction. */
  private static long bareInsert(ConfigurableApplicationContext app, JdbcTemplate jdbc, List<String> subjects, List<String> months)
      throws Exception {
    Map<String, Long> ids = new HashMap<>();
    jdbc.query("SELECT id, code FROM indicator", rs -> {
      ids.put(rs.getString("code"), rs.getLong("id"));
    });
    Timestamp now = Timestamp.from(Instant.now());
    long rows = 0;
    try (var connection = jdbc.getDataSource().getConnection();
        var insert = connection.prepareStatement("INSERT INTO reading (indicator_id, subject_level, subject_id, period_code, period_end,"
            + " source_code, reading_value, loaded_at, run_id, loaded_by) VALUES (?, 'SCHOOL', ?, ?, ?, 'baseline', ?, ?, NULL, 'benchmark')")) {
      connection.setAutoCommit(false);
      for (int indicator = 0; indicator < INDICATORS; indicator++) {
        for (String subject : subjects) {
          for (String month : months) {
            insert.setLong(1, ids.get(ReadingLoads.code(indicator)));
            insert.setString(2, subject);
            insert.setString(3, month);
            insert.setDate(4, Date.valueOf(YearMonth.parse(month).atEndOfMonth()));
            insert.setBigDecimal(5, new java.math.BigDecimal(ReadingLoads.value(rows)));
            insert.setTimestamp(6, now);
            insert.addBatch();
            if (++rows % 1000 == 0) {
              insert.executeBatch();
            }
          }
        }
      }
      insert.executeBatch();
      connection.commit();
      connection.setAutoCommit(true);
    }
    return rows;
  }
}
