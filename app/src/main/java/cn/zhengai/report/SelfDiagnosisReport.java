package cn.zhengai.report;

import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.PeriodKind;
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
    Review review, int reviewSource, List<Source> sources, MajorParts major) {

  /** A school unit's report, which has none of a major's parts. */
  SelfDiagnosisReport(Subject subject, Period period, String subjectName, String kindLabel, LocalDate judgedOn,
      List<TargetLine> targets, List<TaskLine> tasks, List<WarningLine> warnings, List<EscalationLine> escalations,
      Review review, int reviewSource, List<Source> sources) {
    this(subject, period, subjectName, kindLabel, judgedOn, targets, tasks, warnings, escalations, review, reviewSource,
        sources, null);
  }

  String title() {
    if (subject.level() == Level.MAJOR) {
      return subjectName + " " + period.label() + (assessment() ? "专业考核性诊断报告" : "专业自我诊断报告");
    }
    return subjectName + " " + period.label() + "自我诊断报告";
  }

  /** A major's three-yearly 考核性诊断 report, rather than a year's self-diagnosis. */
  boolean assessment() {
    return period.kind() == PeriodKind.THREE_YEARS;
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

  /**
   * What only a major's reports have: the reviews of its work (二级学院审核, 教务处验收, 质管办复核整改); in a year's
   * report, where its 考核性诊断 stands; in the 考核性诊断 report, the period's yearly self-diagnoses, the materials and
   * the experts' scores (null until an expert has scored).
   */
  record MajorParts(List<Decision> decisions, String assessmentNote, List<YearLine> years, List<Labelled> materials,
      Panel panel) {}

  /** A body's decision on the subject's work: approved (通过) or returned (退回) with the reason. */
  record Decision(String step, String by, String at, String outcome, String reason, int source) {}

  /** One year of a major's self-diagnosis within its assessment period. */
  record YearLine(int year, Integer targets, Integer met, String selfGrade, String problems, String measures,
      String acceptedBy, int source) {}

  record Labelled(String label, String text) {}

  /** The expert panel's scores: the items with their weights, each expert's scores in the items' order, the means. */
  record Panel(List<String> items, List<BigDecimal> weights, List<ExpertLine> experts, List<BigDecimal> means,
      BigDecimal meanTotal, int source) {}

  record ExpertLine(String expert, String name, List<BigDecimal> scores, BigDecimal total, String grade, String opinion) {}
}
