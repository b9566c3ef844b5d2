package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.cycle.ReviewingBodies.Bodies;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.UnitScope;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a unit's year-end scope: its heads, the bodies that review it (never the unit itself), and what its review
 * holds so far, so that a diagnosis sent back by the leading group and the improvement steps show the figures, the
 * self-assessment and the grades without measuring or asking again. Once the grades are signed off, the unit's heads
 * are told theirs.
 */
@ModelBean("在年末诊断和改进子流程中开启单位范围：单位名称、负责人组、审核机构（不由本单位审核自己），以及诊断记录中已有的结果；考核结果审定后通知单位")
@Component(SchoolAnnualCycleProcess.Beans.OPEN_REVIEW_SCOPE)
class OpenReviewScopeDelegate implements JavaDelegate {

  private final OrgUnitRepository units;
  private final ReviewingBodies reviewingBodies;
  private final ReviewStore reviews;
  private final CycleDeadlines deadlines;
  private final Notifications notifications;

  OpenReviewScopeDelegate(OrgUnitRepository units, ReviewingBodies reviewingBodies, ReviewStore reviews, CycleDeadlines deadlines,
      Notifications notifications) {
    this.units = units;
    this.reviewingBodies = reviewingBodies;
    this.reviews = reviews;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitScope.open(execution, units, UNIT_LOCAL);
    Subject unit = Subject.unit(UNIT.get(execution));
    Bodies bodies = reviewingBodies.of(unit);
    DIAGNOSIS_GROUP.setLocal(execution, bodies.diagnosis());
    PERFORMANCE_GROUP.setLocal(execution, bodies.performance());
    IMPROVEMENT_APPROVER_GROUP.setLocal(execution, bodies.improvementApproval());
    Optional<Review> review = reviews.find(unit, Period.year(YEAR.get(execution)));
    Review.Attainment attainment = review.map(Review::attainment).orElse(null);
    MEASURED.setLocal(execution, attainment != null);
    if (attainment == null) {
      return;
    }
    ATTAINMENT_SUMMARY.setLocal(execution, attainment.summary());
    ACCOUNTABLE.setLocal(execution, attainment.accountable());
    Review.SelfAssessment self = review.get().selfAssessment();
    if (self != null) {
      SELF_ASSESSMENT.setLocal(execution, self.text());
      WORK_RESULTS.setLocal(execution, self.workResults());
      SELF_GRADE.setLocal(execution, self.selfGrade());
    }
    if (review.get().assessment() != null) {
      GRADE.setLocal(execution, review.get().assessment().grade());
      FINDINGS.setLocal(execution, review.get().assessment().findings());
    }
    if (SchoolAnnualCycleProcess.Elements.TASK_OPEN_IMPROVEMENT_SCOPE.equals(execution.getCurrentActivityId())) {
      tellTheGrade(execution, review.get());
    }
    if (SchoolAnnualCycleProcess.Elements.TASK_OPEN_REVIEW_SCOPE.equals(execution.getCurrentActivityId())) {
      // the leading group sent the grades back: the diagnosis is redone with its reason, in a reviewer's time
      execution.setVariableLocal(CycleDecisions.LAST_RETURN_REASON,
          execution.getProcessInstance().getVariable(CycleDecisions.LAST_RETURN_REASON));
      DIAGNOSIS_DUE_AT.setLocal(execution, deadlines.reviewDue());
      PERFORMANCE_DUE_AT.setLocal(execution, deadlines.reviewDue());
    }
  }

  private void tellTheGrade(DelegateExecution execution, Review review) {
    String grade = review.assessment() == null ? "—" : review.assessment().grade();
    String performance = review.performance() == null ? "—" : review.performance().result();
    notifications.send(UNIT_HEAD_GROUP.get(execution), Notifications.Kind.RESULT, "【年度考核结果】" + UNIT_NAME.get(execution) + " "
        + YEAR.get(execution) + " 年度：诊断等级 " + grade + "，绩效考核结果 " + performance,
        "领导小组已审定。诊断发现：" + (review.assessment() == null ? "—" : review.assessment().findings()),
        execution.getProcessInstanceId());
  }
}
