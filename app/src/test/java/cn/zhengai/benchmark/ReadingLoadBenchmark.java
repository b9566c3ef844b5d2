package cn.zhengai.benchmark;

import cn.zhengai.statedata.ReadingLoads;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
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
 * refreshed), against a bare JDBC batch insert of the same rows into the same table, batches of 1,000 in one
 * transaction, measured first. Time and peak heap increase of each, one run each.
 */
final class ReadingLoadBenchmark implements Benchmark {

  private static final int INDICATORS = 500;
  private static final int SUBJECTS = 20;
  private static final int MONTHS = 100;

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
      List<String> months = new ArrayList<>();
      YearMonth first = YearMonth.now().minusMonths(MONTHS);
      for (int i = 0; i < MONTHS; i++) {
        months.add(first.plusMonths(i).toString());
      }
      long readings = (long) INDICATORS * SUBJECTS * MONTHS;
      Measurement baseline = Measurement.once(() -> bareInsert(app, jdbc, subjects, months));
      // the baseline's rows stay (deleting a million rows in one H2 transaction does not fit the heap): the product then
      // writes into a table twice as full, which counts against it
      Measurement product = Measurement.once(() -> ReadingLoads.load(app, subjects, months, INDICATORS));
      if (product.count() != readings || baseline.count() != readings) {
        throw new IllegalStateException("P9 载入行数不符：" + product.count() + " / " + baseline.count());
      }
      figures.note(String.format("P9 读数：%d 个指标 × %d 个单位 × %d 个月 = %,d 条", INDICATORS, SUBJECTS, MONTHS, readings));
      figures.add("P9", "载入 " + readings + " 条读数（检查、一个事务、运行记录）：时间（基线 JDBC 批量插入）", database, product.millis(),
          baseline.millis(), "ms");
      figures.add("P9", "载入读数：峰值堆增量", database, product.peakMb(), baseline.peakMb(), "MB");
    }
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
