package cn.zhengai.spiral;

import cn.zhengai.spiral.Review.Accountability;
import cn.zhengai.spiral.Review.Assessment;
import cn.zhengai.spiral.Review.Attainment;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.ImprovementApproval;
import cn.zhengai.spiral.Review.Innovation;
import cn.zhengai.spiral.Review.Learning;
import cn.zhengai.spiral.Review.Performance;
import cn.zhengai.spiral.Review.Section;
import cn.zhengai.spiral.Review.SelfAssessment;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every level's diagnoses in one table (spiral_review), keyed by level, subject and period. Each step writes its
 * own {@link Section}; readers get whole {@link Review}s.
 */
@Repository
public class ReviewStore {

  private static final String KEY = " WHERE level = ? AND subject_id = ? AND period_code = ?";

  private final JdbcTemplate jdbc;

  ReviewStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes one section of a subject's review of a period, creating the review on its first section. */
  public void record(Subject subject, Period period, Section section, Instant at) {
    Object[] key = {subject.level().name(), subject.id(), period.code()};
    Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM spiral_review" + KEY, Integer.class, key);
    if (exists == null || exists == 0) {
      jdbc.update("INSERT INTO spiral_review (level, subject_id, period_code, updated_at) VALUES (?, ?, ?, ?)",
          subject.level().name(), subject.id(), period.code(), Timestamp.from(at));
    }
    Columns columns = columnsOf(section);
    List<Object> arguments = new ArrayList<>(Arrays.asList(columns.values()));
    arguments.add(Timestamp.from(at));
    arguments.addAll(List.of(key));
    jdbc.update("UPDATE spiral_review SET " + String.join(" = ?, ", columns.names()) + " = ?, updated_at = ?" + KEY,
        arguments.toArray());
  }

  public Optional<Review> find(Subject subject, Period period) {
    return jdbc.query("SELECT * FROM spiral_review" + KEY, (rs, n) -> review(rs), subject.level().name(), subject.id(),
        period.code()).stream().findFirst();
  }

  /** Every review of a level and period, ordered by subject id; callers order by their own subjects' order. */
  public List<Review> of(Level level, Period period) {
    return jdbc.query("SELECT * FROM spiral_review WHERE level = ? AND period_code = ? ORDER BY subject_id",
        (rs, n) -> review(rs), level.name(), period.code());
  }

  /** A subject's reviews over time, oldest first, e.g. a major's yearly self-diagnoses for its assessment. */
  public List<Review> of(Subject subject) {
    return jdbc.query("SELECT * FROM spiral_review WHERE level = ? AND subject_id = ? ORDER BY period_code",
        (rs, n) -> review(rs), subject.level().name(), subject.id());
  }

  private record Columns(List<String> names, Object... values) {}

  private static Columns columnsOf(Section section) {
    if (section instanceof SelfAssessment s) {
      return new Columns(List.of("self_assessment", "work_results", "self_grade"), s.text(), s.workResults(), s.selfGrade());
    }
    if (section instanceof Attainment a) {
      return new Columns(List.of("targets_total", "targets_met", "tasks_total", "tasks_done", "tasks_overdue", "escalations",
          "attainment_summary", "judged_on"), a.targetsTotal(), a.targetsMet(), a.tasksTotal(), a.tasksDone(), a.tasksOverdue(),
          a.escalations(), a.summary(), Date.valueOf(a.judgedOn()));
    }
    if (section instanceof Assessment a) {
      return new Columns(List.of("grade", "findings", "assessed_by"), a.grade(), a.findings(), a.assessedBy());
    }
    if (section instanceof Performance p) {
      return new Columns(List.of("performance_result", "performance_by"), p.result(), p.recordedBy());
    }
    if (section instanceof Accountability a) {
      return new Columns(List.of("accountability_decision", "accountability_measures", "accountability_by"), a.decision(),
          a.measures(), a.decidedBy());
    }
    if (section instanceof Learning l) {
      return new Columns(List.of("learning_benchmarks", "learning_peers", "learning_training"), l.benchmarks(), l.peers(),
          l.training());
    }
    if (section instanceof Innovation i) {
      return new Columns(List.of("innovation"), i.methodChanges());
    }
    if (section instanceof ImprovementApproval a) {
      return new Columns(List.of("improvement_approved_by"), a.approvedBy());
    }
    Improvement i = (Improvement) section;
    return new Columns(List.of("problems", "causes", "improvement_measures", "next_targets", "improvement_approved_by"),
        i.problems(), i.causes(), i.measures(), i.nextTargets(), i.approvedBy());
  }

  private static Review review(ResultSet rs) throws SQLException {
    Subject subject = new Subject(Level.valueOf(rs.getString("level")), rs.getString("subject_id"));
    Period period = Period.parse(rs.getString("period_code"));
    SelfAssessment self = any(rs, "self_assessment", "work_results", "self_grade")
        ? new SelfAssessment(rs.getString("self_assessment"), rs.getString("work_results"), rs.getString("self_grade")) : null;
    Date judgedOn = rs.getDate("judged_on");
    Attainment attainment = any(rs, "targets_total", "attainment_summary") ? new Attainment(rs.getInt("targets_total"),
        rs.getInt("targets_met"), rs.getInt("tasks_total"), rs.getInt("tasks_done"), rs.getInt("tasks_overdue"),
        rs.getInt("escalations"), rs.getString("attainment_summary"), judgedOn == null ? null : judgedOn.toLocalDate()) : null;
    Assessment assessment = any(rs, "grade", "findings")
        ? new Assessment(rs.getString("grade"), rs.getString("findings"), rs.getString("assessed_by")) : null;
    Performance performance = any(rs, "performance_result")
        ? new Performance(rs.getString("performance_result"), rs.getString("performance_by")) : null;
    Accountability accountability = any(rs, "accountability_decision") ? new Accountability(
        rs.getString("accountability_decision"), rs.getString("accountability_measures"), rs.getString("accountability_by")) : null;
    Learning learning = any(rs, "learning_benchmarks", "learning_peers", "learning_training") ? new Learning(
        rs.getString("learning_benchmarks"), rs.getString("learning_peers"), rs.getString("learning_training")) : null;
    Innovation innovation = any(rs, "innovation") ? new Innovation(rs.getString("innovation")) : null;
    Improvement improvement = any(rs, "problems", "improvement_measures") ? new Improvement(rs.getString("problems"),
        rs.getString("causes"), rs.getString("improvement_measures"), rs.getString("next_targets"),
        rs.getString("improvement_approved_by")) : null;
    return new Review(subject, period, self, attainment, assessment, performance, accountability, learning, innovation,
        improvement, rs.getTimestamp("updated_at").toInstant());
  }

  private static boolean any(ResultSet rs, String... columns) throws SQLException {
    for (String column : columns) {
      if (rs.getObject(column) != null) {
        return true;
      }
    }
    return false;
  }
}
