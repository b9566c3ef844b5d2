package cn.zhengai.monitoring;

import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTarget;
import cn.zhengai.planning.YearData.YearTask;
import cn.zhengai.planning.tasks.MonthState;
import cn.zhengai.planning.tasks.TaskMonths;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The monitoring rules: what, at a checkpoint, counts as a deviation of a unit. Testable without an engine. */
@Service
public class CheckpointEvaluation {

  private final YearData yearData;
  private final ServedTargets servedTargets;

  CheckpointEvaluation(YearData yearData, ServedTargets servedTargets) {
    this.yearData = yearData;
    this.servedTargets = servedTargets;
  }

  /**
   * Tasks behind schedule or overdue as of the checkpoint, and the unit's targets past their warning value. A target an
   * indicator serves is left to the daily monitors, which warn of it once and ask for its correction: one cause, one
   * correction.
   */
  public List<Deviation> deviations(int year, String unitId, LocalDate checkpoint) {
    List<Deviation> deviations = new ArrayList<>();
    for (YearTask task : yearData.tasks(year, unitId)) {
      MonthState state = task.stateOn(checkpoint);
      int percent = TaskMonths.percentOn(task.reports(), checkpoint);
      if (state == MonthState.BEHIND) {
        deviations.add(new Deviation(Deviation.Kind.TASK_BEHIND, "任务「" + task.title() + "」滞后：进度 " + percent + "%，按计划应达 "
            + task.expectedPercent(checkpoint) + "%"));
      } else if (state == MonthState.OVERDUE) {
        // overdue is the daily deadline scan's judgement, announced by its warning; the checkpoint refers to it
        deviations.add(new Deviation(Deviation.Kind.TASK_OVERDUE, "任务「" + task.title() + "」逾期：完成时限 " + task.deadline()
            + " 已过，进度 " + percent + "%（已由每日到期预警通知）"));
      }
    }
    Map<String, String> served = servedTargets.indicatorByTarget();
    for (YearTarget target : yearData.targets(year)) {
      if (target.ownerUnitId().equals(unitId) && !served.containsKey(target.code()) && target.currentValue() != null && target.indicator().warns(target.currentValue())) {
        deviations.add(new Deviation(Deviation.Kind.INDICATOR, "指标「" + target.name() + "」当前值 " + plain(target.currentValue())
            + unit(target) + "，越过预警值" + (target.indicator().warningValue() == null ? "" : " " + plain(target.indicator().warningValue()) + unit(target))
            + "（目标 " + target.indicator().comparison().symbol() + " " + plain(target.indicator().targetValue()) + unit(target) + "）"));
      }
    }
    return deviations;
  }

  private static String unit(YearTarget target) {
    return target.unitOfMeasure() == null ? "" : target.unitOfMeasure();
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
