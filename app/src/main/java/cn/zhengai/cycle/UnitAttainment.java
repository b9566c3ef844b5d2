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
 * What the data says of a unit's year, for the assessment diagnosis (考核性诊断): each target attained or not by
 * its current value, tasks done in time or overdue, and how often its tasks were escalated. Testable without an
 * engine.
 */
@Service
public class UnitAttainment {

  private final YearData yearData;
  private final JdbcTemplate jdbc;

  UnitAttainment(YearData yearData, JdbcTemplate jdbc) {
    this.yearData = yearData;
    this.jdbc = jdbc;
  }

  public Measure measure(int year, String unitId, LocalDate today) {
    List<YearTarget> targets = yearData.targets(year).stream().filter(target -> target.ownerUnitId().equals(unitId)).toList();
    List<String> perTarget = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (YearTarget target : targets) {
      String reading = target.name() + (target.currentValue() == null ? "（无数据）"
          : "（" + target.currentValue().stripTrailingZeros().toPlainString() + "，目标 " + target.indicator().comparison().symbol()
              + " " + target.indicator().targetValue().stripTrailingZeros().toPlainString() + "）");
      perTarget.add(target.code() + " " + reading + (target.attained() ? " 达成" : " 未达成"));
      if (!target.attained()) {
        missed.add(reading);
      }
    }
    List<YearTask> tasks = yearData.tasks(year, unitId);
    int done = (int) tasks.stream().filter(YearTask::doneInTime).count();
    List<String> overdue = tasks.stream().filter(task -> !task.doneInTime() && task.deadline().isBefore(today))
        .map(YearTask::title).toList();
    Integer escalations = jdbc.queryForObject("SELECT COUNT(*) FROM escalation_record WHERE unit_id = ? AND stage <> 'REMINDER'"
        + " AND (business_key = ? OR business_key LIKE ?)", Integer.class, unitId, String.valueOf(year), year + "-%");
    return new Measure(targets.size(), targets.size() - missed.size(), perTarget, missed, tasks.size(), done, overdue,
        escalations == null ? 0 : escalations);
  }

  /** A unit's year in figures. */
  public record Measure(int targets, int targetsMet, List<String> perTarget, List<String> missedTargets, int tasks,
      int tasksDoneInTime, List<String> overdueTasks, int escalations) {

    /** Targets missed or tasks overdue: the leading group decides on accountability (问责). */
    public boolean accountable() {
      return !missedTargets.isEmpty() || !overdueTasks.isEmpty();
    }

    public String summary() {
      StringBuilder text = new StringBuilder("目标 " + targets + " 项，达成 " + targetsMet + " 项；任务 " + tasks + " 项，按期完成 "
          + tasksDoneInTime + " 项，逾期 " + overdueTasks.size() + " 项；升级督办 " + escalations + " 次。");
      perTarget.forEach(reading -> text.append("\n· ").append(reading));
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
