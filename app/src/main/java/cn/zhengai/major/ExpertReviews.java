package cn.zhengai.major;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each expert's scores in an assessment ({@code major_expert_review}), kept apart as the experts review in parallel. */
@Repository
public class ExpertReviews {

  private final JdbcTemplate jdbc;

  ExpertReviews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void save(String processInstanceId, ExpertReview review, Instant at) {
    jdbc.update("DELETE FROM major_expert_review WHERE process_instance_id = ? AND expert_id = ?", processInstanceId,
        review.expert());
    jdbc.update("INSERT INTO major_expert_review (process_instance_id, expert_id, item_scores, grade, opinion, reviewed_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", processInstanceId, review.expert(), review.itemScores(), review.grade(),
        review.opinion(), Timestamp.from(at));
  }

  public List<ExpertReview> of(String processInstanceId) {
    return jdbc.query("SELECT * FROM major_expert_review WHERE process_instance_id = ? ORDER BY reviewed_at, expert_id",
        (rs, n) -> new ExpertReview(rs.getString("expert_id"), rs.getString("item_scores"), rs.getString("grade"),
            rs.getString("opinion")), processInstanceId);
  }

  /** One expert's review: a line "item（weight）：score" per item, a grade and an opinion. */
  public record ExpertReview(String expert, String itemScores, String grade, String opinion) {}
}
