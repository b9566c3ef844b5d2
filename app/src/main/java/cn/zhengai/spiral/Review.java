package cn.zhengai.spiral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One subject's diagnosis for one period, at any level: a school unit's year, a major's yearly self-diagnosis, a
 * major's three-yearly assessment. It is filled section by section as the cycle goes on; a section not reached yet
 * is null.
 */
public record Review(Subject subject, Period period, SelfAssessment selfAssessment, Attainment attainment,
    Assessment assessment, Performance performance, Accountability accountability, Learning learning,
    Innovation innovation, Improvement improvement, Instant updatedAt) {

  /** One part of a review, written by the step that produces it. */
  public sealed interface Section permits SelfAssessment, Attainment, Assessment, Performance, Accountability, Learning,
      Innovation, Improvement, ImprovementApproval {}

  /** The subject's own judgement: what it says of its period (自我诊断), its 工作成效 (表5) and its self grade. */
  public record SelfAssessment(String text, String workResults, String selfGrade) implements Section {}

  /** What the data says, judged on {@code judgedOn} (the period's end, not the day someone looked). */
  public record Attainment(int targetsTotal, int targetsMet, int tasksTotal, int tasksDone, int tasksOverdue,
      int escalations, String summary, LocalDate judgedOn) implements Section {

    /** Targets missed or tasks overdue: a case for accountability (问责). */
    public boolean accountable() {
      return targetsMet < targetsTotal || tasksOverdue > 0;
    }
  }

  /** The reviewing body's diagnosis (考核性诊断). */
  public record Assessment(String grade, String findings, String assessedBy) implements Section {}

  /** The performance result (绩效) and who recorded it. */
  public record Performance(String result, String recordedBy) implements Section {}

  /** The accountability decision (问责): hold or waive, its measures or reasons, who decided. */
  public record Accountability(String decision, String measures, String decidedBy) implements Section {}

  /** 学习: what the subject learnt from benchmarks (对标), from peers, from training. */
  public record Learning(String benchmarks, String peers, String training) implements Section {}

  /** 创新: what the subject changes in its methods. */
  public record Innovation(String methodChanges) implements Section {}

  /** The improvement plan (改进); {@code approvedBy} is null until it is approved, and again when it is rewritten. */
  public record Improvement(String problems, String causes, String measures, String nextTargets, String approvedBy)
      implements Section {}

  /** The approval of the improvement plan as written, by whom; null when the plan went back to be rewritten. */
  public record ImprovementApproval(String approvedBy) implements Section {}
}
