package cn.zhengai.report;

import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.Subject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a self-diagnosis report (自我诊断报告) says of one subject and period, at any level: read once from the
 * review store and the chains by the level's {@link ReportSource}, then written as a document. Every figure carries
 * the number of its {@link Source} in the appendix.
 */
record SelfDiagnosisReport(Subject subject, Period period, String subjectName, String kindLabel, LocalDate judgedOn,
    List<TargetLine> targets, List<TaskLine> tasks, List<WarningLine> warnings, List<EscalationLine> escalations,
    Review review, int reviewSource, List<Source> sources) {

  String title() {
    return subjectName + " " + period.label() + "自我诊断报告";
  }

  long count(String verdict) {
    return targets.stream().filter(target -> target.verdict().equals(verdict)).count();
  }

  long tasksIn(TaskOutcome outcome) {
    return tasks.stream().filter(task -> task.outcome() == outcome).count();
  }

  /** A target with its values as kept, its verdict, earlier years' values and rank among comparable subjects. */
  record TargetLine(String code, String name, String unitOfMeasure, String comparison, BigDecimal target, BigDecimal standard,
      BigDecimal warning, BigDecimal actual, String verdict, Map<Integer, BigDecimal> earlier, Integer rank, Integer rankedAmong,
      int source, int rankSource) {

    /** The share of the target value reached, in percent, capped at 120 so that one outlier does not flatten a radar. */
    double attainmentPercent() {
      if (actual == null || target.signum() == 0) {
        return 0;
      }
      double ratio = comparisonFavoursHigher() ? actual.doubleValue() / target.doubleValue()
          : actual.signum() == 0 ? 1.2 : target.doubleValue() / actual.doubleValue();
      return Math.round(Math.min(1.2, Math.max(0, ratio)) * 1000) / 10.0;
    }

    private boolean comparisonFavoursHigher() {
      return !comparison.startsWith("<");
    }
  }

  enum TaskOutcome {
    ON_TIME("按期完成"), LATE("逾期完成"), OVERDUE("逾期未完成"), OPEN("进行中");

    final String label;

    TaskOutcome(String label) {
      this.label = label;
    }
  }

  record TaskLine(String kind, String title, LocalDate deadline, String person, int lastPercent, TaskOutcome outcome,
      int source) {}

  record WarningLine(LocalDate checkpoint, String kind, String subject, String correction, int source) {}

  record EscalationLine(String task, String stage, String escalatedTo, String at, int source) {}

  /** Where a figure comes from: the table and row or reading, and when it was taken. */
  record Source(int number, String what, String where, String takenAt) {}
}
