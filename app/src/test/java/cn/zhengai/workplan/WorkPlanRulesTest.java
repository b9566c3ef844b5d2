package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.tasks.FormChecks;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkPlanRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);

  @Test
  void aCompletePlanPasses() {
    assertThat(WorkPlanRules.checkPlan(plan(), 2027)).isEmpty();
  }

  @Test
  void eachMissingOrWrongValueIsNamedInChinese() {
    Map<String, Object> plan = plan();
    plan.put(KEY_TASKS, "  ");
    plan.put(TARGETS, 95);
    plan.put(MEASURES, "措".repeat(FormChecks.MAX_TEXT + 1));
    plan.put(PLAN_DEADLINE, "2028-03-01");
    assertThat(WorkPlanRules.checkPlan(plan, 2027)).containsExactly(
        "请填写重点任务", "主要措施不能超过 4000 字", "预期目标应为文本", "完成期限 2028-03-01 不在 2027 年度内");
  }

  @Test
  void anApprovalNeedsNothingMoreButAReturnNeedsAReasonAndAFutureRevisionDate() {
    assertThat(WorkPlanRules.checkReview(Map.of(DECISION, DECISION_APPROVE), TODAY)).isEmpty();
    assertThat(WorkPlanRules.checkReview(Map.of(), TODAY)).containsExactly("请选择审核结论（通过或退回修改）");
    assertThat(WorkPlanRules.checkReview(Map.of(DECISION, DECISION_RETURN, RETURN_REASON, "目标不可测",
        REVISION_DUE_DATE, "2027-01-09"), TODAY)).containsExactly("修改截止日期 2027-01-09 早于今天");
    assertThat(WorkPlanRules.checkReview(Map.of(DECISION, DECISION_RETURN, RETURN_REASON, "目标不可测",
        REVISION_DUE_DATE, "2027-01-17"), TODAY)).isEmpty();
  }

  @Test
  void theReminderIsInTheMorningDaysBeforeTheDueDateButNeverInThePast() {
    LocalDate due = LocalDate.of(2027, 2, 26);
    assertThat(WorkPlanRules.reminderBefore(due, 3, TODAY.atStartOfDay())).isEqualTo(LocalDateTime.of(2027, 2, 23, 9, 0));
    LocalDateTime lateStart = LocalDateTime.of(2027, 2, 25, 14, 0);
    assertThat(WorkPlanRules.reminderBefore(due, 3, lateStart)).isEqualTo(lateStart);
    assertThat(WorkPlanRules.endOfDay(due)).isEqualTo(LocalDateTime.of(2027, 2, 26, 23, 59, 59));
  }

  private static Map<String, Object> plan() {
    Map<String, Object> plan = new HashMap<>();
    plan.put(KEY_TASKS, "完成专业人才培养方案修订");
    plan.put(MEASURES, "对标专业教学标准");
    plan.put(TARGETS, "覆盖率 100%");
    plan.put(PLAN_DEADLINE, "2027-12-31");
    return plan;
  }
}
