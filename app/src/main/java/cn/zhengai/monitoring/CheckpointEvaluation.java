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
import org.springframework.stereotype.Service;

/** The monitoring rules: what, at a checkpoint, counts as a deviation of a unit. Testable without an engine. */
@Service
public class CheckpointEvaluation {

  private final YearData yearData;

  CheckpointEvaluation(YearData yearData) {
    this.yearData = yearData;
  }

  /** Tasks behind schedule or overdue as of the checkpoint, and the unit's indicators past their warning value. */
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
    for (YearTarget target : yearData.targets(year)) {
      if (target.ownerUnitId().equals(unitId) && target.currentValue() != null && target.indicator().warns(target.currentValue())) {
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
