package cn.zhengai.statedata;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every run of a source: when, how it was started, how many rows were read, loaded and refused, and
 * every problem of a failed run. Written in transactions of their own, so that a run that fails and rolls its readings
 * back is still recorded.
 */
@Component
class SourceRuns {

  /** Problems past this many are counted, not kept. */
  static final int MAX_KEPT_PROBLEMS = 200;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  SourceRuns(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  enum Status {
    RUNNING("进行中"), SUCCEEDED("成功"), FAILED("失败");

    final String label;

    Status(String label) {
      this.label = label;
    }
  }

  /** How a run was started. */
  enum Start {
    SCHEDULE("按计划"), FOLDER("文件夹"), UPLOAD("上传"), MANUAL("手动"), PUSH("推送");

    final String label;

    Start(String label) {
      this.label = label;
    }
  }

  record Run(long id, String sourceCode, String sourceName, Instant startedAt, Instant endedAt, Status status, String statusLabel,
      Start startedHow, String startedHowLabel, String startedBy, String fileName, int rowsRead, int rowsLoaded, int rowsRefused,
      List<String> problems) {}

  long start(String sourceCode, Start how, String by, String fileName) {
    return ownTransaction.execute(status -> {
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      jdbc.update(connection -> {
        var statement = connection.prepareStatement("INSERT INTO data_source_run (source_code, started_at, status, started_how,"
            + " started_by, file_name, rows_read, rows_loaded, rows_refused) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0)", new String[] {"id"});
        statement.setString(1, sourceCode);
        statement.setTimestamp(2, Timestamp.from(Instant.now(clock)));
        statement.setString(3, Status.RUNNING.name());
        statement.setString(4, how.name());
        statement.setString(5, by);
        statement.setString(6, fileName);
        return statement;
      }, key);
      return key.getKey().longValue();
    });
  }

  void finish(long run, Status status, int read, int loaded, int refused, List<String> problems) {
    ownTransaction.executeWithoutResult(transaction -> {
      jdbc.update("UPDATE data_source_run SET ended_at = ?, status = ?, rows_read = ?, rows_loaded = ?, rows_refused = ? WHERE id = ?",
          Timestamp.from(Instant.now(clock)), status.name(), read, loaded, refused, run);
      List<String> kept = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_KEPT_PROBLEMS)));
      if (problems.size() > MAX_KEPT_PROBLEMS) {
        kept.add("……另有 " + (problems.size() - MAX_KEPT_PROBLEMS) + " 处问题未列出");
      }
      for (int i = 0; i < kept.size(); i++) {
        String problem = kept.get(i);
        jdbc.update("INSERT INTO data_source_run_problem (run_id, position, problem) VALUES (?, ?, ?)", run, i,
            problem.length() > 1000 ? problem.substring(0, 999) + "…" : problem);
      }
    });
  }

  /** The runs, newest first, of one source or of all. */
  List<Run> list(String sourceCode, long offset, int limit) {
    List<Run> runs = jdbc.query(SELECT + where(sourceCode) + " ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?",
        (rs, n) -> run(rs, List.of()), parameters(sourceCode, limit, offset));
    Map<Long, List<String>> problems = new HashMap<>();
    if (!runs.isEmpty()) {
      jdbc.query("SELECT run_id, problem FROM data_source_run_problem WHERE run_id BETWEEN ? AND ? ORDER BY run_id, position", rs -> {
        problems.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
      }, runs.stream().mapToLong(Run::id).min().orElseThrow(), runs.stream().mapToLong(Run::id).max().orElseThrow());
    }
    return runs.stream().map(run -> withProblems(run, problems.getOrDefault(run.id(), List.of()))).toList();
  }

  long count(String sourceCode) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM data_source_run r" + where(sourceCode), Long.class,
        sourceCode == null ? new Object[0] : new Object[] {sourceCode});
  }

  Optional<Run> find(long id) {
    List<String> problems = jdbc.queryForList("SELECT problem FROM data_source_run_problem WHERE run_id = ? ORDER BY position",
        String.class, id);
    return jdbc.query(SELECT + " WHERE r.id = ?", (rs, n) -> run(rs, problems), id).stream().findFirst();
  }

  private static final String SELECT = "SELECT r.*, s.name AS source_name FROM data_source_run r JOIN data_source s ON s.code = r.source_code";

  private static String where(String sourceCode) {
    return sourceCode == null ? "" : " WHERE r.source_code = ?";
  }

  private static Object[] parameters(String sourceCode, int limit, long offset) {
    return sourceCode == null ? new Object[] {limit, offset} : new Object[] {sourceCode, limit, offset};
  }

  private static Run run(java.sql.ResultSet rs, List<String> problems) throws java.sql.SQLException {
    Status status = Status.valueOf(rs.getString("status"));
    Start how = Start.valueOf(rs.getString("started_how"));
    Timestamp ended = rs.getTimestamp("ended_at");
    return new Run(rs.getLong("id"), rs.getString("source_code"), rs.getString("source_name"), rs.getTimestamp("started_at").toInstant(),
        ended == null ? null : ended.toInstant(), status, status.label, how, how.label, rs.getString("started_by"),
        rs.getString("file_name"), rs.getInt("rows_read"), rs.getInt("rows_loaded"), rs.getInt("rows_refused"), problems);
  }

  private static Run withProblems(Run run, List<String> problems) {
    return new Run(run.id(), run.sourceCode(), run.sourceName(), run.startedAt(), run.endedAt(), run.status(), run.statusLabel(),
        run.startedHow(), run.startedHowLabel(), run.startedBy(), run.fileName(), run.rowsRead(), run.rowsLoaded(), run.rowsRefused(),
        problems);
  }
}
