package cn.zhengai.cycle;

import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTarget;
import cn.zhengai.planning.YearData.YearTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What the data says of a unit's year, shown to the unit before it assesses itself and to its reviewers: each
 * target 达成, 预警 (missed, but not past its warning value) or 未达成 by its current value, each task's state, and
 * how often its tasks were escalated. The year is judged on one day, the year-end date, so that a review and the
 * checkpoints before it judge the same tasks alike. Testable without an engine.
 */
@Service
public class UnitAttainment {

  private final YearData yearData;
  private final JdbcTemplate jdbc;

  UnitAttainment(YearData yearData, JdbcTemplate jdbc) {
    this.yearData = yearData;
    this.jdbc = jdbc;
  }

  public Measure measure(int year, String unitId, LocalDate judgedOn) {
    List<YearTarget> targets = yearData.targets(year).stream().filter(target -> target.ownerUnitId().equals(unitId)).toList();
    List<String> perTarget = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (YearTarget target : targets) {
      perTarget.add(target.code() + " " + target.reading() + " " + target.verdict());
      if (!target.attained()) {
        missed.add(target.reading());
      }
    }
    List<YearTask> tasks = yearData.tasks(year, unitId);
    int done = (int) tasks.stream().filter(YearTask::doneInTime).count();
    List<String> overdue = tasks.stream().filter(task -> !task.doneInTime() && task.deadline().isBefore(judgedOn))
        .map(YearTask::title).toList();
    List<String> perTask = tasks.stream().map(task -> task.title() + "（截止 " + task.deadline() + "）"
        + "：" + (task.doneInTime() ? "按期完成" : task.stateOn(judgedOn).label())).toList();
    Integer escalations = jdbc.queryForObject("SELECT COUNT(*) FROM escalation_record WHERE unit_id = ? AND stage <> 'REMINDER'"
        + " AND (business_key = ? OR business_key LIKE ?)", Integer.class, unitId, String.valueOf(year), year + "-%");
    return new Measure(targets.size(), targets.size() - missed.size(), perTarget, missed, tasks.size(), done, perTask, overdue,
        escalations == null ? 0 : escalations, judgedOn);
  }

  /** A unit's year in figures. */
  public record Measure(int targets, int targetsMet, List<String> perTarget, List<String> missedTargets, int tasks,
      int tasksDoneInTime, List<String> perTask, List<String> overdueTasks, int escalations, LocalDate judgedOn) {

    /** Targets missed or tasks overdue: the leading group decides on accountability (问责). */
    public boolean accountable() {
      return !missedTargets.isEmpty() || !overdueTasks.isEmpty();
    }

    public String summary() {
      StringBuilder text = new StringBuilder("截至 " + judgedOn + "：目标 " + targets + " 项，达成 " + targetsMet + " 项；任务 " + tasks + " 项，按期完成 "
          + tasksDoneInTime + " 项，逾期 " + overdueTasks.size() + " 项；升级督办 " + escalations + " 次。");
      perTarget.forEach(reading -> text.append("\n· ").append(reading));
      perTask.forEach(task -> text.append("\n· 任务 ").append(task));
      if (!missedTargets.isEmpty()) {
        text.append("\n未达成目标：").append(String.join("、", missedTargets));
      }
      if (!overdueTasks.isEmpty()) {
        text.append("\n逾期任务：").append(String.join("、", overdueTasks));
      }
      return text.toString();
    }
  }
}
