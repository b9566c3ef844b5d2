package cn.zhengai.major;

import static cn.zhengai.processes.MajorAssessmentProcess.Variables.PANEL_SUMMARY;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.major.ExpertReviews.ExpertReview;
import cn.zhengai.processes.MajorAssessmentProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sums the experts' reviews up for 质管办's conclusion: each expert's total, grade and opinion, the average, the grades counted. */
@ModelBean("汇总各位专家的评分、结论和意见，供质管办形成考核性诊断结论")
@Component(MajorAssessmentProcess.Beans.SUMMARISE_EXPERT_REVIEWS)
class SummariseExpertReviewsDelegate implements JavaDelegate {

  private final ExpertReviews expertReviews;

  SummariseExpertReviewsDelegate(ExpertReviews expertReviews) {
    this.expertReviews = expertReviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<ExpertReview> all = expertReviews.of(execution.getProcessInstanceId());
    Map<String, Integer> grades = new TreeMap<>();
    BigDecimal sum = BigDecimal.ZERO;
    List<String> lines = new ArrayList<>();
    for (ExpertReview review : all) {
      BigDecimal total = ItemScores.total(review.itemScores(), new ArrayList<>());
      sum = sum.add(total);
      grades.merge(review.grade(), 1, Integer::sum);
      lines.add("· 专家 " + review.expert() + "：总分 " + total.stripTrailingZeros().toPlainString() + "，结论 " + review.grade()
          + "。意见：" + review.opinion());
    }
    StringBuilder summary = new StringBuilder(all.size() + " 位专家评审");
    if (!all.isEmpty()) {
      summary.append("，平均分 ").append(sum.divide(BigDecimal.valueOf(all.size()), 1, RoundingMode.HALF_UP).toPlainString())
          .append("；结论：");
      summary.append(String.join("，", MajorAssessmentProcess.CONCLUSIONS.stream().filter(grades::containsKey)
          .map(grade -> grade + " " + grades.get(grade) + " 位").toList()));
    }
    summary.append("。");
    lines.forEach(line -> summary.append("\n").append(line));
    PANEL_SUMMARY.set(execution, summary.toString());
  }
}
