package cn.zhengai;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Every moment the app stores is a {@code timestamp with time zone}: moments written before (the JVM's local time,
 * Asia/Shanghai, without a zone) keep their meaning through the migration, on PostgreSQL and on H2.
 */
class MomentsMigrationOnPostgresTest {

  /** 08:30 in Beijing, as the app wrote it before: local time in the JVM's zone, Asia/Shanghai (see the build's argLine). */
  private static final String WRITTEN_LOCALLY = "2027-03-01 08:30:00";
  private static final Instant MEANT = Instant.parse("2027-03-01T00:30:00Z");

  @Test
  void momentsWrittenWithoutAZoneKeepTheirMeaningOnPostgres() throws SQLException {
    String url = EmbeddedPostgresDatabase.newDatabase();
    migrateWithOldMoments(url, "postgres");
    try (Connection utc = DriverManager.getConnection(url + "&options=-c%20TimeZone%3DUTC", "postgres", "")) {
      // read in another session zone: the same instant, because the column now holds one
      assertThat(moments(utc)).containsOnly(MEANT);
      assertThat(withoutZone(utc, "SELECT table_name || '.' || column_name FROM information_schema.columns"
          + " WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'")).isEmpty();
    }
  }

  @Test
  void momentsWrittenWithoutAZoneKeepTheirMeaningOnH2() throws SQLException {
    String url = "jdbc:h2:mem:moments;DB_CLOSE_DELAY=-1";
    migrateWithOldMoments(url, "sa");
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      assertThat(moments(connection)).containsOnly(MEANT);
      assertThat(withoutZone(connection, "SELECT TABLE_NAME || '.' || COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE = 'TIMESTAMP'")).isEmpty();
    }
  }

  /** The schema as it was before moments had a zone, a moment written the old way in three tables, then the rest. */
  private static void migrateWithOldMoments(String url, String user) throws SQLException {
    Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target("7.1").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, user, ""); Statement sql = connection.createStatement()) {
      sql.execute("INSERT INTO planning_change (table_id, row_key, action, changed_by, changed_at)"
          + " VALUES ('plans', '测试规划', 'CREATED', 'wangfang', TIMESTAMP '" + WRITTEN_LOCALLY + "')");
      sql.execute("INSERT INTO escalation_record (process_instance_id, unit_id, activity_id, stage, escalated_to, due_at, escalated_at)"
          + " VALUES ('p1', 'jwc', 'Task_Submit', 'QA_OFFICE', 'zgb', TIMESTAMP '" + WRITTEN_LOCALLY + "', TIMESTAMP '"
          + WRITTEN_LOCALLY + "')");
      sql.execute("INSERT INTO notification (recipient_group, kind, subject, created_at)"
          + " VALUES ('head-jwc', 'REMINDER', '测试提醒', TIMESTAMP '" + WRITTEN_LOCALLY + "')");
    }
    Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
  }

  private static List<Instant> moments(Connection connection) throws SQLException {
    List<Instant> moments = new ArrayList<>();
    try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(
        "SELECT changed_at FROM planning_change UNION ALL SELECT due_at FROM escalation_record"
            + " UNION ALL SELECT escalated_at FROM escalation_record UNION ALL SELECT created_at FROM notification")) {
      while (rs.next()) {
        moments.add(rs.getObject(1, OffsetDateTime.class).toInstant());
      }
    }
    assertThat(moments).hasSize(4);
    return moments;
  }

  /** The columns a query names: those still holding moments without a zone (Flyway's own history aside). */
  private static List<String> withoutZone(Connection connection, String query) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        if (!rs.getString(1).toLowerCase().startsWith("flyway_schema_history.")) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }
}
