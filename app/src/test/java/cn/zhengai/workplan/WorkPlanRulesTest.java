package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.planning.YearData.KeyTask;
import cn.zhengai.support.NoAppTest;
import cn.zhengai.tasks.FormChecks;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@NoAppTest
class WorkPlanRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
  private static final List<KeyTask> KEY_TASKS_OF_THE_UNIT = List.of(
      new KeyTask("修订人才培养方案", "对标专业教学标准", "覆盖率 100%", LocalDate.of(2027, 6, 30)),
      new KeyTask("双师型教师培训", null, null, LocalDate.of(2027, 11, 30)));

  @Test
  void aPlanIsTheUnitsKeyTasksInTable5() {
    assertThat(WorkPlanRules.checkPlan(Map.of(), KEY_TASKS_OF_THE_UNIT, "jwc", "教务处", 2027)).isEmpty();
    assertThat(WorkPlanRules.checkPlan(Map.of(), List.of(), "jwc", "教务处", 2027)).containsExactly(
        "教务处尚未在“表5 年度重点工作任务分解”中录入 2027 年度的重点任务，年度工作计划即这些重点任务"
            + "（请在本任务的“相关数据”中录入，或在工作台打开：/workbench?table=key-tasks&year=2027&unit=jwc）");
    assertThat(WorkPlanRules.checkPlan(Map.of(PLAN_NOTE.name(), "说".repeat(FormChecks.MAX_TEXT + 1)), KEY_TASKS_OF_THE_UNIT,
        "jwc", "教务处", 2027)).containsExactly("计划说明不能超过 4000 字");
  }

  @Test
  void theReviewerReadsEachKeyTaskOnItsOwnLine() {
    assertThat(WorkPlanRules.keyTasksText(KEY_TASKS_OF_THE_UNIT)).isEqualTo(
        "1. 修订人才培养方案；工作标准：对标专业教学标准；措施及目标：覆盖率 100%；完成时限：2027-06-30\n"
            + "2. 双师型教师培训；完成时限：2027-11-30");
  }

  @Test
  void anApprovalNeedsNothingMoreButAReturnNeedsAReasonAndAFutureRevisionDate() {
    assertThat(WorkPlanRules.checkReview(Map.of(DECISION.name(), DECISION_APPROVE), TODAY)).isEmpty();
    assertThat(WorkPlanRules.checkReview(Map.of(), TODAY)).containsExactly("请选择审核结论（通过或退回修改）");
    assertThat(WorkPlanRules.checkReview(Map.of(DECISION.name(), DECISION_RETURN, RETURN_REASON.name(), "目标不可测",
        REVISION_DUE_DATE.name(), "2027-01-09"), TODAY)).containsExactly("修改截止日期 2027-01-09 早于今天");
    assertThat(WorkPlanRules.checkReview(Map.of(DECISION.name(), DECISION_RETURN, RETURN_REASON.name(), "目标不可测",
        REVISION_DUE_DATE.name(), "2027-01-17"), TODAY)).isEmpty();
  }
}
