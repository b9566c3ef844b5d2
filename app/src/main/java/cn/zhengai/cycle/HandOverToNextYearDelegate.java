package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.planning.TableScope;
import cn.zhengai.planning.targetchain.TargetTable;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Closes the spiral's turn: next year's targets are drafted from this year's (with this year's values as history),
 * and next year's cycle starts, its drafting task showing the improvement plans approved this year.
 */
@ModelBean("交接：以本年度为基础起草下一年度目标，并启动下一年度诊改")
@Component(SchoolAnnualCycleProcess.Beans.HAND_OVER)
class HandOverToNextYearDelegate implements JavaDelegate {

  /** Who the change log names for the targets carried forward. */
  static final CurrentUser CYCLE = new CurrentUser(SchoolAnnualCycleProcess.KEY, List.of(Access.ADMIN_GROUP));

  private final TargetTable targets;
  private final UnitReviews reviews;
  private final RuntimeService runtimeService;

  HandOverToNextYearDelegate(TargetTable targets, UnitReviews reviews, @Lazy RuntimeService runtimeService) {
    this.targets = targets;
    this.reviews = reviews;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = (Integer) execution.getVariable(YEAR);
    targets.save(targets.carriedForward(year), CYCLE, TableScope.ALL);
    String nextYear = String.valueOf(year + 1);
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(SchoolAnnualCycleProcess.KEY)
        .processInstanceBusinessKey(nextYear).count() == 0) {
      runtimeService.startProcessInstanceByKey(SchoolAnnualCycleProcess.KEY,
          Map.of(YEAR, year + 1, PREVIOUS_YEAR, year, PREVIOUS_IMPROVEMENTS, approvedImprovements(year)));
    }
  }

  private String approvedImprovements(int year) {
    return String.join("\n", reviews.ofYear(year).stream().filter(review -> review.get("improvementApprovedBy") != null)
        .map(review -> review.get("unitName") + "：" + review.get("improvementMeasures") + "；下一年度目标：" + review.get("nextYearTargets"))
        .toList());
  }
}
