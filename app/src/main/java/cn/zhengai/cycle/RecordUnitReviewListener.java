package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Elements.*;
import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.cycle.UnitReviews.Column;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Checks each year-end review step's answers and keeps them with the unit's review, with who gave them: the
 * self-assessment, the diagnosis, the performance result, the accountability decision, the improvement plan and its
 * approval.
 */
@ModelBean("检查并保存年终诊断各步的结果（自评、诊断、绩效、问责、改进计划）及办理人")
@Component(SchoolAnnualCycleProcess.Beans.RECORD_UNIT_REVIEW)
class RecordUnitReviewListener implements TaskListener {

  /** Grades of the self-assessment, the diagnosis and the performance result. */
  static final List<String> GRADES = List.of("优秀", "良好", "合格", "不合格");

  private final UnitReviews reviews;
  private final IdentityService identityService;
  private final Clock clock;

  RecordUnitReviewListener(UnitReviews reviews, @Lazy IdentityService identityService, Clock clock) {
    this.reviews = reviews;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> answers = task.getVariables();
    List<String> problems = new ArrayList<>();
    Map<Column, Object> kept = new EnumMap<>(Column.class);
    String user = currentUser();
    switch (task.getTaskDefinitionKey()) {
      case TASK_SELF_ASSESS -> {
        FormChecks.requireText(answers, SELF_ASSESSMENT, "自我诊断", problems);
        FormChecks.requireChoice(answers, SELF_GRADE, "自评等级", GRADES, problems);
        kept.put(Column.SELF_ASSESSMENT, answers.get(SELF_ASSESSMENT));
        kept.put(Column.SELF_GRADE, answers.get(SELF_GRADE));
      }
      case TASK_DIAGNOSE_UNIT -> {
        FormChecks.requireChoice(answers, GRADE, "诊断等级", GRADES, problems);
        FormChecks.requireText(answers, FINDINGS, "诊断发现", problems);
        kept.put(Column.GRADE, answers.get(GRADE));
        kept.put(Column.FINDINGS, answers.get(FINDINGS));
        kept.put(Column.DIAGNOSED_BY, user);
      }
      case TASK_RECORD_PERFORMANCE -> {
        FormChecks.requireChoice(answers, PERFORMANCE_RESULT, "绩效考核结果", GRADES, problems);
        kept.put(Column.PERFORMANCE_RESULT, answers.get(PERFORMANCE_RESULT));
        kept.put(Column.PERFORMANCE_BY, user);
      }
      case TASK_DECIDE_ACCOUNTABILITY -> {
        FormChecks.requireChoice(answers, ACCOUNTABILITY_DECISION, "问责决定", List.of(HOLD_ACCOUNTABLE, WAIVE), problems);
        FormChecks.requireText(answers, ACCOUNTABILITY_MEASURES, "问责措施或不予问责的理由", problems);
        kept.put(Column.ACCOUNTABILITY_DECISION, answers.get(ACCOUNTABILITY_DECISION));
        kept.put(Column.ACCOUNTABILITY_MEASURES, answers.get(ACCOUNTABILITY_MEASURES));
        kept.put(Column.ACCOUNTABILITY_BY, user);
      }
      case TASK_WRITE_IMPROVEMENT_PLAN -> {
        FormChecks.requireText(answers, PROBLEMS, "存在问题", problems);
        FormChecks.requireText(answers, CAUSES, "原因分析", problems);
        FormChecks.requireText(answers, IMPROVEMENT_MEASURES, "改进措施", problems);
        FormChecks.requireText(answers, NEXT_YEAR_TARGETS, "下一年度目标", problems);
        kept.put(Column.PROBLEMS, answers.get(PROBLEMS));
        kept.put(Column.CAUSES, answers.get(CAUSES));
        kept.put(Column.IMPROVEMENT_MEASURES, answers.get(IMPROVEMENT_MEASURES));
        kept.put(Column.NEXT_YEAR_TARGETS, answers.get(NEXT_YEAR_TARGETS));
        kept.put(Column.IMPROVEMENT_APPROVED_BY, null);
      }
      case TASK_APPROVE_IMPROVEMENT_PLAN -> kept.put(Column.IMPROVEMENT_APPROVED_BY,
          CycleDecisions.APPROVE.equals(answers.get(DECISION)) ? user : null);
      default -> throw new IllegalStateException(task.getTaskDefinitionKey() + " is not a step of the year-end review");
    }
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    reviews.write((Integer) task.getVariable(YEAR), (String) task.getVariable(UNIT), kept, clock.instant());
  }

  private String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
