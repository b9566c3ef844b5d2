package cn.zhengai.planning.standards;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.Labelled;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * 表7, the standard chain: every standard with its level, responsible department, version, effective date and
 * status, and the targets it serves (the seed's own sheet, without version and status, reads as the newest versions). Versions are kept side by side: saving a version in force supersedes the
 * older one, which stays readable but can no longer be changed.
 */
@Component
public class StandardTable extends PlanningTable {

  static final int LEVEL = 0;
  static final int NAME = 1;
  static final int RESPONSIBLE = 2;
  static final int VERSION = 3;
  static final int EFFECTIVE_DATE = 4;
  static final int STATUS = 5;
  static final int TARGETS = 6;

  private static final Pattern CODE_SEPARATOR = Pattern.compile("[、，,；;\\s]+");

  private static final List<Field> FIELDS = List.of(
      field("level", ColumnSpec.choice("标准类型", true, Labelled.labels(StandardLevel.class)).carryingDown()),
      field("name", ColumnSpec.text("标准名称", true).withMaxLength(200)),
      field("responsible", ColumnSpec.text("责任部门", true).withMaxLength(200)),
      field("version", ColumnSpec.number("版本", false)),
      field("effectiveDate", ColumnSpec.date("生效日期", false)),
      field("status", ColumnSpec.choice("状态", false, Labelled.labels(StandardStatus.class))),
      field("targets", ColumnSpec.text("服务目标", false)));

  StandardTable(PlanningSupport support) {
    super(support, "standards", "表7 标准链", FIELDS, RESPONSIBLE);
  }

  @Override
  protected String storageTable() {
    return "quality_standard";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    return select("", List.of());
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return select(" WHERE s.id = ?", List.of(id)).stream().findFirst();
  }

  private List<StoredRow> select(String where, List<Object> args) {
    Map<Long, List<String>> targets = new HashMap<>();
    jdbc.query("SELECT st.standard_id, t.code FROM standard_target st JOIN target t ON t.id = st.target_id ORDER BY t.code",
        rs -> {
          targets.computeIfAbsent(rs.getLong("standard_id"), id -> new ArrayList<>()).add(rs.getString("code"));
        });
    return jdbc.query("SELECT s.* FROM quality_standard s" + where + " ORDER BY s.id", (rs, n) -> row(rs, targets),
        args.toArray());
  }

  private static StoredRow row(ResultSet rs, Map<Long, List<String>> targets) throws SQLException {
    Date effective = rs.getDate("effective_date");
    return new StoredRow(rs.getLong("id"), List.of(StandardLevel.valueOf(rs.getString("standard_level")).label(),
        rs.getString("name"), rs.getString("responsible"), String.valueOf(rs.getInt("version")),
        effective == null ? "" : effective.toLocalDate().toString(), StandardStatus.valueOf(rs.getString("status")).label(),
        String.join("、", targets.getOrDefault(rs.getLong("id"), List.of()))));
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(NAME) + " 第" + values.get(VERSION) + "版";
  }

  /**
   * The seed's 表7 states no version or status: a blank version is the standard's newest one (1 for a new
   * standard), a blank status the stored one (现行 for a new version).
   */
  @Override
  protected List<String> completed(TableRow row, Batch batch) {
    if (!row.value(VERSION).isEmpty() && !row.value(STATUS).isEmpty()) {
      return row.values();
    }
    Map<String, StoredRow> newest = batch.memo("newest", () -> {
      Map<String, StoredRow> byName = new HashMap<>();
      rows(batch.scope()).forEach(stored -> byName.merge(stored.value(NAME), stored,
          (one, other) -> Integer.parseInt(one.value(VERSION)) >= Integer.parseInt(other.value(VERSION)) ? one : other));
      return byName;
    });
    StoredRow stored = newest.get(row.value(NAME));
    List<String> values = new ArrayList<>(row.values());
    if (values.get(VERSION).isEmpty()) {
      values.set(VERSION, stored == null ? "1" : stored.value(VERSION));
    }
    if (values.get(STATUS).isEmpty()) {
      boolean storedVersion = stored != null && stored.value(VERSION).equals(values.get(VERSION));
      values.set(STATUS, storedVersion ? stored.value(STATUS) : StandardStatus.IN_FORCE.label());
    }
    return values;
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    if (!row.value(VERSION).matches("[1-9][0-9]{0,3}")) {
      problems.at(row, VERSION, "版本应为正整数，例如 1、2");
    }
    if (change.current() != null && status(change.current().value(STATUS)) == StandardStatus.SUPERSEDED) {
      problems.atRow(row, "「" + change.current().value(NAME) + "」第 " + change.current().value(VERSION)
          + " 版已被新版本替代，只读；请修改现行版本，或建立新版本");
    }
    Map<String, Long> targetIds = batch.memo("targets", this::targetIds);
    for (String code : codes(row.value(TARGETS))) {
      if (!targetIds.containsKey(code)) {
        problems.at(row, TARGETS, "目标“" + code + "”不存在，请先建立目标指标");
      }
    }
  }

  private Map<String, Long> targetIds() {
    Map<String, Long> ids = new HashMap<>();
    jdbc.query("SELECT id, code FROM target", rs -> {
      ids.put(rs.getString("code"), rs.getLong("id"));
    });
    return ids;
  }

  private static List<String> codes(String targets) {
    return Arrays.stream(CODE_SEPARATOR.split(targets.trim())).filter(code -> !code.isEmpty()).distinct().toList();
  }

  private static StandardStatus status(String label) {
    return Labelled.ofLabel(StandardStatus.class, label);
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    Map<String, Long> targetIds = targetIds();
    for (Change change : changes) {
      TableRow row = change.row();
      String effective = orNull(row.value(EFFECTIVE_DATE));
      Object[] values = {Labelled.ofLabel(StandardLevel.class, row.value(LEVEL)).name(), row.value(NAME),
          row.value(RESPONSIBLE), Integer.parseInt(row.value(VERSION)),
          effective == null ? null : Date.valueOf(LocalDate.parse(effective)), status(row.value(STATUS)).name(),
          batch.user(), timestamp(batch)};
      long id;
      if (change.current() == null) {
        jdbc.update("INSERT INTO quality_standard (standard_level, name, responsible, version, effective_date, status,"
            + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values);
        id = jdbc.queryForObject("SELECT id FROM quality_standard WHERE name = ? AND version = ?", Long.class,
            row.value(NAME), Integer.parseInt(row.value(VERSION)));
      } else {
        id = change.current().id();
        Object[] withId = Arrays.copyOf(values, values.length + 1);
        withId[values.length] = id;
        jdbc.update("UPDATE quality_standard SET standard_level = ?, name = ?, responsible = ?, version = ?,"
            + " effective_date = ?, status = ?, updated_by = ?, updated_at = ? WHERE id = ?", withId);
      }
      jdbc.update("DELETE FROM standard_target WHERE standard_id = ?", id);
      for (String code : codes(row.value(TARGETS))) {
        jdbc.update("INSERT INTO standard_target (standard_id, target_id) VALUES (?, ?)", id, targetIds.get(code));
      }
      if (status(row.value(STATUS)) == StandardStatus.IN_FORCE) {
        // one version in force: the ones before it are superseded, and stay readable
        jdbc.update("UPDATE quality_standard SET status = ?, updated_by = ?, updated_at = ?"
                + " WHERE name = ? AND status = ? AND version < ?", StandardStatus.SUPERSEDED.name(), batch.user(),
            timestamp(batch), row.value(NAME), StandardStatus.IN_FORCE.name(), Integer.parseInt(row.value(VERSION)));
      }
    }
  }

  /** The next version of a standard, in force from a date: the same standard, numbered one higher. */
  public TableRow nextVersion(StoredRow standard, LocalDate effectiveFrom) {
    int latest = jdbc.queryForObject("SELECT MAX(version) FROM quality_standard WHERE name = ?", Integer.class,
        standard.value(NAME));
    List<String> values = new ArrayList<>(standard.values());
    values.set(VERSION, String.valueOf(latest + 1));
    values.set(EFFECTIVE_DATE, effectiveFrom == null ? "" : effectiveFrom.toString());
    values.set(STATUS, StandardStatus.IN_FORCE.label());
    return new TableRow(0, null, values);
  }

  /** Deleting the version in force brings the newest version it superseded back into force. */
  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    jdbc.update("DELETE FROM quality_standard WHERE id = ?", row.id());
    if (status(row.value(STATUS)) == StandardStatus.IN_FORCE) {
      jdbc.update("UPDATE quality_standard SET status = ?, updated_by = ?, updated_at = ? WHERE id = (SELECT MAX(id) FROM"
              + " quality_standard WHERE name = ? AND status = ? AND version = (SELECT MAX(version) FROM quality_standard"
              + " WHERE name = ? AND status = ?))", StandardStatus.IN_FORCE.name(), batch.user(), timestamp(batch),
          row.value(NAME), StandardStatus.SUPERSEDED.name(), row.value(NAME), StandardStatus.SUPERSEDED.name());
    }
  }
}
