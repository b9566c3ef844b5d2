package cn.zhengai.statedata;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data platform's scenarios on PostgreSQL, and a query source against a college system: a database of its own on
 * the same embedded server, read through an account that may only read.
 */
public abstract class DataScenariosWithCollegeDatabase extends DataScenarios {

  @Autowired FolderSources schedule;

  @Test
  void aQueryOnACollegeSystemsReadOnlyAccountRunsOnItsScheduleAndCannotWrite() throws Exception {
    indicators(null);
    String url = EmbeddedPostgresDatabase.newDatabase().replaceAll("\\?.*", "");
    String reader = "jw_reader_" + id.toLowerCase();
    try (Connection owner = DriverManager.getConnection(url, "postgres", ""); Statement statement = owner.createStatement()) {
      statement.execute("CREATE TABLE jw_graduates (dept VARCHAR(20), ym CHAR(7), graduates INTEGER, employed INTEGER)");
      statement.execute("INSERT INTO jw_graduates VALUES ('教务处', '2026-07', 200, 190)");
      statement.execute("CREATE ROLE " + reader + " LOGIN PASSWORD 'reader-2026'");
      statement.execute("GRANT SELECT ON jw_graduates TO " + reader);
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("url", url);
    settings.put("username", reader);
    settings.put("password", "reader-2026");
    settings.put("query", "SELECT 'GRAD_" + id + "' AS indicator, dept AS subject, ym AS period, graduates AS value FROM jw_graduates"
        + " UNION ALL SELECT 'EMP_" + id + "', dept, ym, employed FROM jw_graduates");
    qa().put("/api/data/sources/jw-" + id, Map.of("name", "教务系统 " + id, "kind", "JDBC", "schedule", "* * * * * *",
        "settings", settings)).expect(200);
    assertThat(qa().get("/api/data/sources").expect(200).body()).doesNotContain("reader-2026");

    Thread.sleep(1100); // the schedule's next second after the source was saved
    schedule.poll();
    // the app's own minutely poll may have run it as well: every run is a scheduled one, and the last loaded the rows
    JsonNode runs = qa().get("/api/data/runs?source=jw-" + id).expect(200).json();
    assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.get("startedHow").asText()).isEqualTo("SCHEDULE"));
    assertThat(runs.get(0).get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(runs.get(0).get("rowsLoaded").asInt()).isEqualTo(2);
    assertThat(series("RATE_" + id, "教务处")).containsExactly("2026-07=95");

    // a query that would write fails, loads nothing and leaves the college's data as it was
    settings.put("password", "******");
    settings.put("query", "WITH gone AS (DELETE FROM jw_graduates RETURNING *) SELECT 'GRAD_" + id + "' AS indicator, dept AS subject,"
        + " ym AS period, graduates AS value FROM gone");
    qa().put("/api/data/sources/jw-" + id, Map.of("name", "教务系统 " + id, "kind", "JDBC", "settings", settings)).expect(200);
    JsonNode failed = qa().post("/api/data/sources/jw-" + id + "/run", null).expect(400).json().get(0);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(texts(failed.get("problems"))).singleElement().asString().startsWith("查询数据库失败（" + url + "）：");
    try (Connection owner = DriverManager.getConnection(url, "postgres", ""); Statement statement = owner.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM jw_graduates")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }
}
