package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.planning.targetchain.TargetTable;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Closes the spiral's turn on its calendar date: next year's targets are drafted from this year's (with this year's
 * values as history), and next year's cycle starts, its drafting task showing each unit's improvement plan with its
 * 学习 and 创新 as far as written by then. A unit still working on its plan goes on in this year's cycle.
 */
@ModelBean("交接：以本年度为基础起草下一年度目标，并按校历日期启动下一年度诊改（不等迟交的单位）")
@Component(SchoolAnnualCycleProcess.Beans.HAND_OVER)
class HandOverToNextYearDelegate implements JavaDelegate {

  /** Who the change log names for the targets carried forward. */
  static final CurrentUser CYCLE = new CurrentUser(SchoolAnnualCycleProcess.KEY, List.of(Access.ADMIN_GROUP));

  private final TargetTable targets;
  private final ReviewStore reviews;
  private final OrgUnitRepository units;
  private final RuntimeService runtimeService;

  HandOverToNextYearDelegate(TargetTable targets, ReviewStore reviews, OrgUnitRepository units,
      @Lazy RuntimeService runtimeService) {
    this.targets = targets;
    this.reviews = reviews;
    this.units = units;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = YEAR.get(execution);
    targets.carryForward(year, CYCLE);
    String nextYear = String.valueOf(year + 1);
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(SchoolAnnualCycleProcess.KEY)
        .processInstanceBusinessKey(nextYear).count() == 0) {
      runtimeService.startProcessInstanceByKey(SchoolAnnualCycleProcess.KEY,
          Map.of(YEAR.name(), year + 1, PREVIOUS_YEAR.name(), year, PREVIOUS_IMPROVEMENTS.name(), approvedImprovements(year)));
    }
  }

  /** Each unit's improvement plan, 学习 and 创新, in the college's order; a plan not approved yet says so. */
  private String approvedImprovements(int year) {
    Map<String, Review> byUnit = reviews.of(Level.SCHOOL, Period.year(year)).stream()
        .filter(review -> review.improvement() != null).collect(Collectors.toMap(review -> review.subject().id(), Function.identity()));
    return String.join("\n", units.findAll().stream().filter(unit -> byUnit.containsKey(unit.id())).map(unit -> {
      Review review = byUnit.get(unit.id());
      return unit.name() + (review.improvement().approvedBy() == null ? "（改进计划尚未批准）" : "") + "："
          + review.improvement().measures() + "；下一年度目标：" + review.improvement().nextTargets()
          + (review.learning() == null ? "" : "；学习：对标 " + review.learning().benchmarks() + "，同行 " + review.learning().peers()
              + "，培训 " + review.learning().training())
          + (review.innovation() == null ? "" : "；创新：" + review.innovation().methodChanges());
    }).toList());
  }
}
