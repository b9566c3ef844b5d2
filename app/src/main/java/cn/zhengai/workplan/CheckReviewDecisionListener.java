package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.ReturnedWork;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses an incomplete review decision; for a returned plan, turns the revision due date into the revise
 * task's due date (end of that day) and hands the reason to the unit, so the next review starts empty.
 */
@ModelBean("检查审核结论：退回时须写明理由和修改期限，期限即修改任务的到期时间")
@Component(AnnualWorkPlanProcess.Beans.CHECK_REVIEW_DECISION)
class CheckReviewDecisionListener implements TaskListener {

  private final Clock clock;

  CheckReviewDecisionListener(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = WorkPlanRules.checkReview(task.getVariables(), CollegeTime.today(clock));
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    if (DECISION.find(task).filter(DECISION_RETURN::equals).isPresent()) {
      // checked above: a valid date, as text or a Date-typed variable
      LocalDate revisionDue = FormChecks.date(task.getVariable(REVISION_DUE_DATE.name()), "修改截止日期", true, problems);
      REVISION_DUE_AT.set(task, CollegeTime.endOfDay(revisionDue));
      ReturnedWork.handOver(task, revisionDue, List.of(DECISION.name(), RETURN_REASON.name(), REVISION_DUE_DATE.name()),
          clock.instant());
    }
  }
}
