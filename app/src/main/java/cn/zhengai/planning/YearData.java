package cn.zhengai.planning;

import cn.zhengai.planning.targetchain.Comparison;
import cn.zhengai.planning.targetchain.Indicator;
import cn.zhengai.planning.tasks.MonthState;
import cn.zhengai.planning.tasks.TaskKind;
import cn.zhengai.planning.tasks.TaskMonths;
import cn.zhengai.planning.tasks.TaskMonths.Progress;
import cn.zhengai.planning.tasks.TaskPlanSettings;
import cn.zhengai.planning.tasks.TaskProgressLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a year's cycle reads from the chains: the year's targets with their indicators, which of them no standard
 * in force serves, and each unit's tasks with the progress reported.
 */
@Service
public class YearData {

  private final JdbcTemplate jdbc;
  private final TaskProgressLog progress;

  private final TaskPlanSettings settings;

  YearData(JdbcTemplate jdbc, TaskProgressLog progress, TaskPlanSettings settings) {
    this.jdbc = jdbc;
    this.progress = progress;
    this.settings = settings;
  }

  /** The annual targets of a year (目标指标 with 年度 = year), in the order they were entered. */
  public List<YearTarget> targets(int year) {
    return jdbc.query("SELECT * FROM target WHERE cycle_year = ? ORDER BY id", (rs, n) -> new YearTarget(rs.getString("code"),
        rs.getString("name"), rs.getString("owner_unit_id"), new Indicator(Comparison.ofCode(rs.getString("comparison")),
            rs.getBigDecimal("target_value"), rs.getBigDecimal("standard_value"), rs.getBigDecimal("warning_value")),
        rs.getBigDecimal("current_value"), rs.getString("unit_of_measure"), rs.getString("major_code")), year);
  }

  /** Codes of the year's targets that no standard in force serves (表7's 服务目标). */
  public List<String> targetsWithoutStandard(int year) {
    return jdbc.queryForList("SELECT t.code FROM target t WHERE t.cycle_year = ? AND NOT EXISTS (SELECT 1 FROM standard_target st"
        + " JOIN quality_standard s ON s.id = st.standard_id WHERE st.target_id = t.id AND s.status = 'IN_FORCE') ORDER BY t.id",
        String.class, year);
  }

  /** A unit's tasks of a year (表5/表6), with every progress report. */
  public List<YearTask> tasks(int year, String unitId) {
    Map<Long, List<Progress>> reports = progress.ofYear(year, unitId);
    return jdbc.query("SELECT * FROM work_task WHERE plan_year = ? AND unit_id = ? ORDER BY id", (rs, n) -> new YearTask(year,
        TaskKind.valueOf(rs.getString("kind")), rs.getString("title"),
        TaskMonths.start(rs),
        rs.getDate("deadline").toLocalDate(), rs.getString("person"), reports.getOrDefault(rs.getLong("id"), List.of()),
        settings.lagTolerancePercent()), year, unitId);
  }

  /** A unit's key tasks of a year (表5), in the order they were entered. */
  public List<KeyTask> keyTasks(int year, String unitId) {
    return jdbc.query("SELECT title, work_standard, measures, deadline FROM work_task WHERE plan_year = ? AND unit_id = ?"
        + " AND kind = ? ORDER BY id", (rs, n) -> new KeyTask(rs.getString("title"), rs.getString("work_standard"),
        rs.getString("measures"), rs.getDate("deadline").toLocalDate()), year, unitId, TaskKind.KEY.name());
  }

  /** The titles of a unit's key tasks of a year (表5) whose 工作成效 is not written yet, in the order they were entered. */
  public List<String> keyTasksWithoutOutcome(int year, String unitId) {
    return jdbc.queryForList("SELECT title FROM work_task WHERE plan_year = ? AND unit_id = ? AND kind = ?"
        + " AND (outcome IS NULL OR TRIM(outcome) = '') ORDER BY id", String.class, year, unitId, TaskKind.KEY.name());
  }

  /** Units with tasks in a year. */
  public List<String> unitsWithTasks(int year) {
    return jdbc.queryForList("SELECT DISTINCT unit_id FROM work_task WHERE plan_year = ?", String.class, year);
  }

  /** An annual target: what it measures, who owns it, and its value so far (null before any is entered). */
  public record YearTarget(String code, String name, String ownerUnitId, Indicator indicator, BigDecimal currentValue,
      String unitOfMeasure, String majorCode) {

    public boolean attained() {
      return currentValue != null && indicator.attains(currentValue);
    }

    /** 达成, 预警 (missed, but not past its warning value) or 未达成 (missed, past it, or no value). */
    public String verdict() {
      if (attained()) {
        return "达成";
      }
      return currentValue != null && !indicator.warns(currentValue) ? "预警" : "未达成";
    }

    /** The target with its value against the target value, e.g. 就业率（96，目标 ≥ 95）. */
    public String reading() {
      return name + (currentValue == null ? "（无数据）"
          : "（" + currentValue.stripTrailingZeros().toPlainString() + "，目标 " + indicator.comparison().symbol()
              + " " + indicator.targetValue().stripTrailingZeros().toPlainString() + "）");
    }
  }

  /** A key task of 表5 as its unit wrote it. */
  public record KeyTask(String title, String workStandard, String measures, LocalDate deadline) {}

  /** A task of the year with its reports, judged against its own plan: from {@code start} to its deadline. */
  public record YearTask(int year, TaskKind kind, String title, LocalDate start, LocalDate deadline, String person,
      List<Progress> reports, int lagTolerancePercent) {

    public MonthState stateOn(LocalDate day) {
      return TaskMonths.stateOn(start, deadline, reports, day, lagTolerancePercent);
    }

    /** The share of the work its plan has done by a day. */
    public int expectedPercent(LocalDate day) {
      return TaskMonths.expectedPercent(start, deadline, day);
    }

    /** Done on or before its deadline. */
    public boolean doneInTime() {
      return stateOn(deadline) == MonthState.DONE;
    }
  }
}
