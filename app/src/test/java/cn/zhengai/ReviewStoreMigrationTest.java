package cn.zhengai;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import cn.zhengai.support.NoAppTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * What a school kept before the spiral's kernel survives the migrations to it, on PostgreSQL and on H2: a unit's
 * year-end review (unit_review, V5) lands in the one review store (V12), a year's running round (year_round, V9) in
 * the rounds of any business key (V13).
 */
@NoAppTest
class ReviewStoreMigrationTest {

  @Test
  void aUnitsReviewAndAYearsRoundSurviveOnPostgres() throws SQLException {
    String url = EmbeddedPostgresDatabase.newDatabase();
    migrateWithEarlierRows(url, "postgres");
    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
      assertMoved(connection);
    }
  }

  @Test
  void aUnitsReviewAndAYearsRoundSurviveOnH2() throws SQLException {
    String url = "jdbc:h2:mem:review-store;DB_CLOSE_DELAY=-1";
    migrateWithEarlierRows(url, "sa");
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      assertMoved(connection);
    }
  }

  private static void migrateWithEarlierRows(String url, String user) throws SQLException {
    Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target("11").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, user, ""); Statement sql = connection.createStatement()) {
      sql.execute("INSERT INTO unit_review (plan_year, unit_id, targets_total, targets_met, tasks_overdue, attainment_summary,"
          + " self_assessment, self_grade, grade, findings, diagnosed_by, performance_result, performance_by, problems, causes,"
          + " improvement_measures, next_year_targets, improvement_approved_by, updated_at) VALUES (2026, 'jwc', 3, 2, 1,"
          + " '目标 3 项，达成 2 项', '课程思政推进慢', '合格', '良好', '人才培养方案修订按期完成', 'zhouqiang', '良好', 'chenjie',"
          + " '示范课不足', '推进慢', '每月督办', '示范课 10 门', 'zhouqiang', TIMESTAMP '2027-01-20 10:00:00')");
      sql.execute("INSERT INTO year_round (process_key, round_year, process_instance_id, started_at)"
          + " VALUES ('school-annual-cycle', 2027, 'pi-2027', TIMESTAMP '2027-01-02 08:00:00')");
    }
    Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
  }

  private static void assertMoved(Connection connection) throws SQLException {
    assertThat(rows(connection, "SELECT level, subject_id, period_code, targets_total, targets_met, tasks_overdue, self_grade,"
        + " grade, assessed_by, performance_result, next_targets, improvement_approved_by FROM spiral_review"))
        .containsExactly(List.of("SCHOOL", "jwc", "2026", "3", "2", "1", "合格", "良好", "zhouqiang", "良好", "示范课 10 门", "zhouqiang"));
    assertThat(rows(connection, "SELECT process_key, business_key, process_instance_id FROM process_round"))
        .containsExactly(List.of("school-annual-cycle", "2027", "pi-2027"));
  }

  private static List<List<String>> rows(Connection connection, String query) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
