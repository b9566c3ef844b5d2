package cn.zhengai.planning.targetchain;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningAccess;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.security.CurrentUser;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The targets of the plans, with their indicators: each belongs to a plan of 表4, serves a target above it, and
 * is owned by one unit and person. The seed names the chain but not the indicator columns; these are the field's
 * usual ones (target, standard and warning value, comparison, earlier years).
 */
@Component
public class TargetTable extends PlanningTable {

  static final int CODE = 0;
  static final int NAME = 1;
  static final int PLAN = 2;
  static final int PARENT = 3;
  static final int UNIT_OF_MEASURE = 4;
  static final int COMPARISON = 5;
  static final int TARGET_VALUE = 6;
  static final int STANDARD_VALUE = 7;
  static final int WARNING_VALUE = 8;
  static final int CURRENT_VALUE = 9;
  static final int OWNER = 10;
  static final int PERSON = 11;
  static final int PERIOD = 12;
  static final int EARLIER_VALUES = 13;
  static final int CYCLE_YEAR = 14;
  static final int MAJOR = 15;

  private static final List<Field> FIELDS = List.of(
      field("code", ColumnSpec.text("目标编号", true).withMaxLength(64)),
      field("name", ColumnSpec.text("目标名称", true).withMaxLength(300)),
      field("plan", ColumnSpec.text("所属规划", true).withMaxLength(200)),
      field("parent", ColumnSpec.text("上级目标编号", false).withMaxLength(64)),
      field("unitOfMeasure", ColumnSpec.text("计量单位", false).withMaxLength(32)),
      field("comparison", ColumnSpec.choice("比较方式", true, Comparison.symbols())),
      field("targetValue", ColumnSpec.number("目标值", true)),
      field("standardValue", ColumnSpec.number("标准值", false)),
      field("warningValue", ColumnSpec.number("预警值", false)),
      field("currentValue", ColumnSpec.number("当前值", false)),
      field("owner", ColumnSpec.text("责任部门", true).withMaxLength(100)),
      field("person", ColumnSpec.text("责任人", false).withMaxLength(64)),
      field("period", ColumnSpec.text("周期", true).withMaxLength(32)),
      field("earlierValues", ColumnSpec.text("往年数值", false)),
      // the year of an annual target, the one the school's yearly cycle works on; blank for a plan's longer targets
      field("cycleYear", ColumnSpec.number("年度", false)),
      // a target of one major of the owner unit, measured in that major's yearly self-diagnosis
      field("major", ColumnSpec.text("所属专业代码", false).withMaxLength(16)));

  private static final String SELECT = "SELECT t.*, p.name AS plan_name, up.code AS parent_code, u.name AS owner_name"
      + " FROM target t JOIN plan p ON p.id = t.plan_id LEFT JOIN target up ON up.id = t.parent_id"
      + " JOIN org_unit u ON u.id = t.owner_unit_id";

  private final MeasuredValues measured;

  TargetTable(PlanningSupport support, MeasuredValues measured) {
    super(support, "targets", "目标指标", FIELDS, OWNER);
    this.measured = measured;
  }

  @Override
  protected String storageTable() {
    return "target";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    return jdbc.query(SELECT + " ORDER BY t.id", (rs, n) -> row(rs));
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return jdbc.query(SELECT + " WHERE t.id = ?", (rs, n) -> row(rs), id).stream().findFirst();
  }

  private static StoredRow row(ResultSet rs) throws SQLException {
    return new StoredRow(rs.getLong("id"), List.of(rs.getString("code"), rs.getString("name"), rs.getString("plan_name"),
        orBlank(rs.getString("parent_code")), orBlank(rs.getString("unit_of_measure")),
        Comparison.ofCode(rs.getString("comparison")).symbol(), number(rs, "target_value"), number(rs, "standard_value"),
        number(rs, "warning_value"), number(rs, "current_value"), rs.getString("owner_name"),
        orBlank(rs.getString("owner_person")), rs.getString("target_period"), orBlank(rs.getString("earlier_values")),
        orBlank(rs.getObject("cycle_year")), orBlank(rs.getString("major_code"))));
  }

  private static String number(ResultSet rs, String column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? "" : Indicator.plain(value);
  }

  /** 院办 drafts the year's targets for every unit (the yearly cycle's first step); the QA office coordinates. */
  @Override
  protected List<String> coordinators() {
    return List.of(PlanningAccess.QA_OFFICE, PlanningAccess.PRESIDENTS_OFFICE);
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(CODE);
  }

  /** A measured target's current value is its indicator's latest reading, whatever the row offers: it is never typed twice. */
  @Override
  protected List<String> completed(TableRow row, Batch batch) {
    Optional<BigDecimal> reading = Optional.empty();
    var owner = batch.units().unitNamed(row.value(OWNER));
    if (owner != null) {
      reading = measured.currentValue(row.value(CODE), owner.id(), row.value(CYCLE_YEAR));
    }
    String typed = row.value(CURRENT_VALUE);
    if (reading.isEmpty() || !typed.isEmpty() && reading.get().compareTo(new BigDecimal(typed)) == 0) {
      return row.values();
    }
    List<String> values = new java.util.ArrayList<>(row.values());
    values.set(CURRENT_VALUE, Indicator.plain(reading.get()));
    return values;
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    oneUnit(row, OWNER, batch, problems);
    if (!batch.memo("plans", this::planIds).containsKey(row.value(PLAN))) {
      problems.at(row, PLAN, "所属规划“" + row.value(PLAN) + "”不存在，请先在表4中建立");
    }
    checkParent(row, batch, problems);
    Indicator indicator = indicator(row);
    indicator.targetProblem().ifPresent(problem -> problems.at(row, TARGET_VALUE, problem));
    indicator.warningProblem().ifPresent(problem -> problems.at(row, WARNING_VALUE, problem));
    if (!row.value(CYCLE_YEAR).isEmpty() && !row.value(CYCLE_YEAR).matches("20[0-9]{2}")) {
      problems.at(row, CYCLE_YEAR, "年度应为四位年份，例如 2027");
    }
    if (Indicator.earlierValues(row.value(EARLIER_VALUES)) == null) {
      problems.at(row, EARLIER_VALUES, "“" + row.value(EARLIER_VALUES) + "”应写成 年份:数值，多个用；分隔，例如 2024:85；2025:88");
    }
    checkMajor(row, batch, problems);
  }

  private void checkMajor(TableRow row, Batch batch, RowProblems problems) {
    String major = row.value(MAJOR);
    if (major.isEmpty()) {
      return;
    }
    Map<String, String> unitOfMajor = batch.memo("majors", () -> {
      Map<String, String> units = new HashMap<>();
      jdbc.query("SELECT m.code, u.name FROM major m JOIN org_unit u ON u.id = m.unit_id",
          rs -> {
            units.put(rs.getString("code"), rs.getString("name"));
          });
      return units;
    });
    if (!unitOfMajor.containsKey(major)) {
      problems.at(row, MAJOR, "专业代码“" + major + "”不存在，请先在“专业”表中建立");
    } else if (!unitOfMajor.get(major).equals(row.value(OWNER))) {
      problems.at(row, MAJOR, "专业 " + major + " 属于" + unitOfMajor.get(major) + "，不属于责任部门" + row.value(OWNER));
    }
  }

  private void checkParent(TableRow row, Batch batch, RowProblems problems) {
    String parent = row.value(PARENT);
    if (parent.isEmpty()) {
      return;
    }
    Map<String, String> parents = batch.memo("parents", () -> {
      Map<String, String> byCode = new HashMap<>();
      rows(batch.scope()).forEach(stored -> byCode.put(stored.value(CODE), stored.value(PARENT)));
      batch.offeredRows().forEach(offered -> byCode.put(offered.value(CODE), offered.value(PARENT)));
      return byCode;
    });
    if (!parents.containsKey(parent)) {
      problems.at(row, PARENT, "上级目标“" + parent + "”不存在");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String up = parent; up != null && !up.isEmpty(); up = parents.get(up)) {
      if (up.equals(row.value(CODE)) || !seen.add(up)) {
        problems.at(row, PARENT, "上级目标“" + parent + "”会使目标互为上级，形成循环");
        return;
      }
    }
  }

  private Map<String, Long> planIds() {
    Map<String, Long> ids = new HashMap<>();
    jdbc.query("SELECT id, name FROM plan", rs -> {
      ids.put(rs.getString("name"), rs.getLong("id"));
    });
    return ids;
  }

  static Indicator indicator(TableRow row) {
    return new Indicator(Comparison.ofSymbol(row.value(COMPARISON)), new BigDecimal(row.value(TARGET_VALUE)),
        decimal(row.value(STANDARD_VALUE)), decimal(row.value(WARNING_VALUE)));
  }

  private static BigDecimal decimal(String value) {
    return value.isEmpty() ? null : new BigDecimal(value);
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    Map<String, Long> plans = planIds();
    for (Change change : changes) {
      TableRow row = change.row();
      String earlier = Indicator.writeEarlierValues(Indicator.earlierValues(row.value(EARLIER_VALUES)));
      Object[] values = {row.value(CODE), row.value(NAME), plans.get(row.value(PLAN)), orNull(row.value(UNIT_OF_MEASURE)),
          Comparison.ofSymbol(row.value(COMPARISON)).code(), decimal(row.value(TARGET_VALUE)),
          decimal(row.value(STANDARD_VALUE)), decimal(row.value(WARNING_VALUE)), decimal(row.value(CURRENT_VALUE)),
          batch.units().unitNamed(row.value(OWNER)).id(), orNull(row.value(PERSON)), row.value(PERIOD), orNull(earlier),
          row.value(CYCLE_YEAR).isEmpty() ? null : Integer.valueOf(row.value(CYCLE_YEAR)), orNull(row.value(MAJOR)),
          batch.user(), timestamp(batch)};
      if (change.current() == null) {
        jdbc.update("INSERT INTO target (code, name, plan_id, unit_of_measure, comparison, target_value, standard_value,"
            + " warning_value, current_value, owner_unit_id, owner_person, target_period, earlier_values, cycle_year, major_code,"
            + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
      } else {
        Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
        withId[values.length] = change.current().id();
        jdbc.update("UPDATE target SET code = ?, name = ?, plan_id = ?, unit_of_measure = ?, comparison = ?, target_value = ?,"
            + " standard_value = ?, warning_value = ?, current_value = ?, owner_unit_id = ?, owner_person = ?,"
            + " target_period = ?, earlier_values = ?, cycle_year = ?, major_code = ?, updated_by = ?, updated_at = ? WHERE id = ?",
            withId);
      }
    }
    for (Change change : changes) {
      jdbc.update("UPDATE target SET parent_id = (SELECT up.id FROM target up WHERE up.code = ?) WHERE code = ?",
          orNull(change.value(PARENT)), change.value(CODE));
    }
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    jdbc.update("DELETE FROM target WHERE id = ?", row.id());
  }

  /**
   * Drafts next year's annual targets from a year's ({@link #carriedForward}) and saves them. A target an indicator
   * serves stays served by it under its new code, so that its current value is the indicator's latest reading and the
   * monitors judge it.
   */
  @Transactional
  public void carryForward(int year, CurrentUser by) {
    List<TableRow> next = carriedForward(year);
    Set<String> drafted = new HashSet<>(next.stream().map(row -> row.value(CODE)).toList());
    String thisYear = String.valueOf(year);
    String nextYear = String.valueOf(year + 1);
    rows(TableScope.ALL).stream().filter(row -> row.value(CYCLE_YEAR).equals(thisYear)
            && drafted.contains(nextCode(row.value(CODE), thisYear, nextYear)))
        .forEach(row -> measured.serveCarriedForward(row.value(CODE), nextCode(row.value(CODE), thisYear, nextYear)));
    save(next, by, TableScope.ALL);
  }

  /**
   * Next year's draft of a year's annual targets: the same targets under the next year's code (2027 becomes 2028 in
   * it, or the year is appended), this year's value added to the earlier years', no current value yet. Targets
   * already drafted for next year are left out.
   */
  List<TableRow> carriedForward(int year) {
    String thisYear = String.valueOf(year);
    String nextYear = String.valueOf(year + 1);
    List<StoredRow> stored = rows(TableScope.ALL);
    List<String> codes = stored.stream().map(row -> row.value(CODE)).toList();
    List<TableRow> next = new java.util.ArrayList<>();
    for (StoredRow row : stored) {
      if (!row.value(CYCLE_YEAR).equals(thisYear) || codes.contains(nextCode(row.value(CODE), thisYear, nextYear))) {
        continue;
      }
      List<String> values = new java.util.ArrayList<>(row.values());
      values.set(CODE, nextCode(row.value(CODE), thisYear, nextYear));
      if (!row.value(PARENT).isEmpty() && stored.stream().anyMatch(up -> up.value(CODE).equals(row.value(PARENT))
          && up.value(CYCLE_YEAR).equals(thisYear))) {
        values.set(PARENT, nextCode(row.value(PARENT), thisYear, nextYear));
      }
      Map<Integer, BigDecimal> earlier = Indicator.earlierValues(row.value(EARLIER_VALUES));
      if (!row.value(CURRENT_VALUE).isEmpty()) {
        earlier.put(year, new BigDecimal(row.value(CURRENT_VALUE)));
      }
      values.set(EARLIER_VALUES, Indicator.writeEarlierValues(earlier));
      values.set(CURRENT_VALUE, "");
      values.set(PERIOD, nextYear + "年");
      values.set(CYCLE_YEAR, nextYear);
      next.add(new TableRow(0, null, List.copyOf(values)));
    }
    return next;
  }

  private static String nextCode(String code, String thisYear, String nextYear) {
    return code.contains(thisYear) ? code.replace(thisYear, nextYear) : code + "-" + nextYear;
  }
}
