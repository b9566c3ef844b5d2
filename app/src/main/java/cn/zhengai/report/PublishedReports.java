package cn.zhengai.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual quality report's versions: submitted by 质管办 (the generated draft or its edited .docx), then published
 * or returned by the leading group. The document and its SHA-256 are written once, at submission; publishing only
 * adds the version number, who and when, so what was approved is what is published, byte for byte.
 */
@Repository
class PublishedReports {

  static final String ANNUAL = "ANNUAL_QUALITY";

  enum Status {
    SUBMITTED("待领导小组审批"), PUBLISHED("已发布"), RETURNED("已退回");

    final String label;

    Status(String label) {
      this.label = label;
    }
  }

  /** A version without its document; {@code version} is null until it is published. */
  record Version(long id, String periodCode, Status status, Integer version, String fileName, String sha256, String note,
      String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt, String returnReason) {}

  private static final String COLUMNS = "id, period_code, status, version, file_name, sha256, note, submitted_by, submitted_at,"
      + " decided_by, decided_at, return_reason";

  private final JdbcTemplate jdbc;

  PublishedReports(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long submit(String periodCode, String fileName, byte[] content, String note, String by, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO report_version (kind, period_code, status, file_name,"
          + " content, sha256, note, submitted_by, submitted_at) VALUES (?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      Object[] values = {ANNUAL, periodCode, fileName, content, sha256(content), note, by, Timestamp.from(at)};
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  /** Publishes a submitted version under the next version number of its year. */
  @Transactional
  Version publish(long id, String by, Instant at) {
    Version submitted = awaitingDecision(id);
    Integer last = jdbc.queryForObject("SELECT MAX(version) FROM report_version WHERE kind = ? AND period_code = ?",
        Integer.class, ANNUAL, submitted.periodCode());
    jdbc.update("UPDATE report_version SET status = 'PUBLISHED', version = ?, decided_by = ?, decided_at = ? WHERE id = ?"
        + " AND status = 'SUBMITTED'", last == null ? 1 : last + 1, by, Timestamp.from(at), id);
    return find(id).orElseThrow();
  }

  Version returnForRevision(long id, String reason, String by, Instant at) {
    awaitingDecision(id);
    if (reason == null || reason.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写退回理由（reason）");
    }
    jdbc.update("UPDATE report_version SET status = 'RETURNED', return_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        reason.strip(), by, Timestamp.from(at), id);
    return find(id).orElseThrow();
  }

  List<Version> ofPeriod(String periodCode) {
    return jdbc.query("SELECT " + COLUMNS + " FROM report_version WHERE kind = ? AND period_code = ? ORDER BY id DESC",
        (rs, n) -> version(rs), ANNUAL, periodCode);
  }

  Optional<Version> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM report_version WHERE id = ?", (rs, n) -> version(rs), id).stream().findFirst();
  }

  /** The newest version's id of any year, 0 when there is none. */
  long lastId() {
    return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM report_version", Long.class);
  }

  byte[] content(long id) {
    return jdbc.queryForObject("SELECT content FROM report_version WHERE id = ?", byte[].class, id);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Version awaitingDecision(long id) {
    Version version = find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "质量年报版本 " + id + " 不存在"));
    if (version.status() != Status.SUBMITTED) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "质量年报版本 " + id + " " + version.status().label + "，不能再审批；"
          + "如需更正，请质管办重新提交");
    }
    return version;
  }

  private static Version version(ResultSet rs) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new Version(rs.getLong("id"), rs.getString("period_code"), Status.valueOf(rs.getString("status")),
        (Integer) rs.getObject("version"), rs.getString("file_name"), rs.getString("sha256"), rs.getString("note"),
        rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(), rs.getString("return_reason"));
  }
}
