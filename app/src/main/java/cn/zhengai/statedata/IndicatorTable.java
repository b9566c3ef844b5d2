package cn.zhengai.statedata;

import cn.zhengai.statedata.Formula.FormulaException;
import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningException;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.spiral.Level;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The indicators as a sheet (指标): code, name, unit of measure, level, which way is better, the owning unit, the
 * formula deriving it from other indicators' readings (blank: it is measured), and the targets (目标指标, by code)
 * and standards (表7, by name) it serves. Kept in the 工作台 and in Excel like the chains' tables.
 */
@Component
public class IndicatorTable extends PlanningTable {

  static final int CODE = 0;
  static final int NAME = 1;
  static final int UNIT_OF_MEASURE = 2;
  static final int LEVEL = 3;
  static final int BETTER = 4;
  static final int OWNER = 5;
  static final int FORMULA = 6;
  static final int TARGETS = 7;
  static final int STANDARDS = 8;

  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[、，,；;]\\s*");
  private static final Map<String, String> BETTER_LABELS = Map.of("HIGHER", "越高越好", "LOWER", "越低越好");

  private static final List<Field> FIELDS = List.of(
      field("code", ColumnSpec.text("指标编号", true).withMaxLength(64)),
      field("name", ColumnSpec.text("指标名称", true).withMaxLength(200)),
      field("unitOfMeasure", ColumnSpec.text("计量单位", false).withMaxLength(32)),
      field("level", ColumnSpec.choice("层面", true, Arrays.stream(Level.values()).map(Level::label).toList())),
      field("better", ColumnSpec.choice("较优方向", true, List.of("越高越好", "越低越好"))),
      field("owner", ColumnSpec.text("责任部门", true).withMaxLength(100)),
      field("formula", ColumnSpec.text("计算公式", false).withMaxLength(1000)),
      field("targets", ColumnSpec.text("服务目标", false).withMaxLength(1000)),
      field("standards", ColumnSpec.text("服务标准", false).withMaxLength(2000)));

  private final TargetReadings targetReadings;

  IndicatorTable(PlanningSupport support, TargetReadings targetReadings) {
    super(support, "indicators", "指标", FIELDS, OWNER);
    this.targetReadings = targetReadings;
  }

  @Override
  protected String storageTable() {
    return "indicator";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    return query("");
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return query(" WHERE i.id = " + id).stream().findFirst();
  }

  private List<StoredRow> query(String where) {
    Map<Long, List<String>> targets = listed("SELECT indicator_id, target_code FROM indicator_target ORDER BY target_code");
    Map<Long, List<String>> standards = listed("SELECT indicator_id, standard_name FROM indicator_standard ORDER BY standard_name");
    return jdbc.query("SELECT i.*, u.name AS owner_name FROM indicator i JOIN org_unit u ON u.id = i.owner_unit_id" + where
        + " ORDER BY i.id", (rs, n) -> row(rs, targets, standards));
  }

  private Map<Long, List<String>> listed(String sql) {
    Map<Long, List<String>> lists = new HashMap<>();
    jdbc.query(sql, rs -> {
      lists.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
    });
    return lists;
  }

  private static StoredRow row(ResultSet rs, Map<Long, List<String>> targets, Map<Long, List<String>> standards) throws SQLException {
    long id = rs.getLong("id");
    return new StoredRow(id, List.of(rs.getString("code"), rs.getString("name"), orBlank(rs.getString("unit_of_measure")),
        Level.valueOf(rs.getString("level")).label(), BETTER_LABELS.get(rs.getString("better")), rs.getString("owner_name"),
        orBlank(rs.getString("formula")), String.join("、", targets.getOrDefault(id, List.of())),
        String.join("、", standards.getOrDefault(id, List.of()))));
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(CODE);
  }

  /** Lists of targets and standards in one spelling, separated by 、. */
  @Override
  protected List<String> completed(TableRow row, Batch batch) {
    String targets = String.join("、", listOf(row.value(TARGETS)));
    String standards = String.join("、", listOf(row.value(STANDARDS)));
    if (targets.equals(row.value(TARGETS)) && standards.equals(row.value(STANDARDS))) {
      return row.values();
    }
    List<String> values = new ArrayList<>(row.values());
    values.set(TARGETS, targets);
    values.set(STANDARDS, standards);
    return values;
  }

  private static Set<String> listOf(String text) {
    Set<String> items = new LinkedHashSet<>();
    for (String item : LIST_SEPARATOR.split(text.strip())) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    oneUnit(row, OWNER, batch, problems);
    Map<String, Set<String>> references = batch.memo("references", () -> references(batch));
    if (!row.value(FORMULA).isEmpty()) {
      try {
        Formula formula = Formula.parse(row.value(FORMULA));
        for (String code : formula.references()) {
          if (!references.containsKey(code)) {
            problems.at(row, FORMULA, "公式引用的指标“" + code + "”不存在");
          }
        }
        IndicatorGraph.cycleThrough(row.value(CODE), code -> references.getOrDefault(code, Set.of()))
            .ifPresent(cycle -> problems.at(row, FORMULA, "公式形成循环引用：" + cycle));
      } catch (FormulaException e) {
        problems.at(row, FORMULA, e.getMessage());
      }
    }
    Map<String, String> servedBy = batch.memo("servedBy", () -> servedBy(batch));
    Set<String> targets = batch.memo("targets", () -> new HashSet<>(jdbc.queryForList("SELECT code FROM target", String.class)));
    for (String target : listOf(row.value(TARGETS))) {
      if (!targets.contains(target)) {
        problems.at(row, TARGETS, "目标“" + target + "”不存在，请先在「目标指标」中建立");
      } else if (!servedBy.get(target).equals(row.value(CODE))) {
        problems.at(row, TARGETS, "目标“" + target + "”已由指标“" + servedBy.get(target) + "”提供当前值，一个目标只能对应一个指标");
      }
    }
    Set<String> standards = batch.memo("standards", () -> new HashSet<>(jdbc.queryForList("SELECT name FROM quality_standard", String.class)));
    for (String standard : listOf(row.value(STANDARDS))) {
      if (!standards.contains(standard)) {
        problems.at(row, STANDARDS, "标准“" + standard + "”不在表7中");
      }
    }
  }

  /** Every indicator's referred codes, the stored ones as the offered rows change them. */
  private Map<String, Set<String>> references(Batch batch) {
    Map<String, Set<String>> references = new HashMap<>();
    rows(TableScope.ALL).forEach(stored -> references.put(stored.value(CODE), referredBy(stored.value(FORMULA))));
    batch.offeredRows().forEach(offered -> references.put(offered.value(CODE), referredBy(offered.value(FORMULA))));
    return references;
  }

  private static Set<String> referredBy(String formula) {
    try {
      return formula.isBlank() ? Set.of() : Formula.parse(formula).references();
    } catch (FormulaException e) {
      return Set.of();
    }
  }

  /** Which indicator serves each target: the stored ones as the offered rows change them; the first offered wins. */
  private Map<String, String> servedBy(Batch batch) {
    Map<String, String> servedBy = new HashMap<>();
    Set<String> offeredCodes = batch.offeredRows().stream().map(row -> row.value(CODE)).collect(Collectors.toSet());
    rows(TableScope.ALL).stream().filter(stored -> !offeredCodes.contains(stored.value(CODE)))
        .forEach(stored -> listOf(stored.value(TARGETS)).forEach(target -> servedBy.put(target, stored.value(CODE))));
    batch.offeredRows().forEach(offered -> listOf(offered.value(TARGETS)).forEach(target -> servedBy.putIfAbsent(target, offered.value(CODE))));
    return servedBy;
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    Map<String, String> betterCodes = new LinkedHashMap<>();
    BETTER_LABELS.forEach((code, label) -> betterCodes.put(label, code));
    List<Long> ids = new ArrayList<>();
    for (Change change : changes) {
      TableRow row = change.row();
      Object[] values = {row.value(CODE), row.value(NAME), orNull(row.value(UNIT_OF_MEASURE)), level(row.value(LEVEL)).name(),
          betterCodes.get(row.value(BETTER)), batch.units().unitNamed(row.value(OWNER)).id(), orNull(row.value(FORMULA)),
          batch.user(), timestamp(batch)};
      long id;
      if (change.current() == null) {
        jdbc.update("INSERT INTO indicator (code, name, unit_of_measure, level, better, owner_unit_id, formula, updated_by, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        id = jdbc.queryForObject("SELECT id FROM indicator WHERE code = ?", Long.class, row.value(CODE));
      } else {
        id = change.current().id();
        Object[] withId = Arrays.copyOf(values, values.length + 1);
        withId[values.length] = id;
        jdbc.update("UPDATE indicator SET code = ?, name = ?, unit_of_measure = ?, level = ?, better = ?, owner_unit_id = ?,"
            + " formula = ?, updated_by = ?, updated_at = ? WHERE id = ?", withId);
      }
      ids.add(id);
      jdbc.update("DELETE FROM indicator_target WHERE indicator_id = ?", id);
      jdbc.update("DELETE FROM indicator_standard WHERE indicator_id = ?", id);
    }
    // after every row's old links are gone: a target may move from one offered indicator to another
    for (int i = 0; i < changes.size(); i++) {
      long id = ids.get(i);
      listOf(changes.get(i).value(TARGETS)).forEach(target ->
          jdbc.update("INSERT INTO indicator_target (indicator_id, target_code) VALUES (?, ?)", id, target));
      listOf(changes.get(i).value(STANDARDS)).forEach(standard ->
          jdbc.update("INSERT INTO indicator_standard (indicator_id, standard_name) VALUES (?, ?)", id, standard));
    }
    targetReadings.refresh(ids);
  }

  private static Level level(String label) {
    return Arrays.stream(Level.values()).filter(level -> level.label().equals(label)).findFirst().orElseThrow();
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    Integer readings = jdbc.queryForObject("SELECT COUNT(*) FROM reading WHERE indicator_id = ?", Integer.class, row.id());
    if (readings > 0) {
      throw new PlanningException("指标「" + row.value(NAME) + "」（" + row.value(CODE) + "）已有 " + readings + " 条读数，不能删除");
    }
    List<String> users = rows(TableScope.ALL).stream().filter(other -> referredBy(other.value(FORMULA)).contains(row.value(CODE)))
        .map(other -> other.value(CODE)).toList();
    if (!users.isEmpty()) {
      throw new PlanningException("指标「" + row.value(CODE) + "」被指标 " + String.join("、", users) + " 的公式引用，不能删除");
    }
    jdbc.update("DELETE FROM indicator WHERE id = ?", row.id());
  }
}
