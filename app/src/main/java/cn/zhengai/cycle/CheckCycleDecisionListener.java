package cn.zhengai.cycle;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.MajorVariables;
import cn.zhengai.processes.SharedVariables;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.ReturnedWork;
import cn.zhengai.tasks.StepTaker;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A review is approved, or returned with a reason. A return hands the reason to the unit, gives the returned work
 * {@code revisionDays} from today, or its first due date if that is later (so the escalation ladder does not
 * count it overdue at a due date that passed while it was under review), and
 * lets the next review start empty. Nobody reviews their own work: where the work has owners ({@code ownerGroup},
 * e.g. a major's leaders, who may also sit in the 二级学院's working group that reviews it), an owner's decision is
 * refused and another member of the reviewing group takes it.
 */
@ModelBean("检查评审结论：通过，或退回并写明理由；退回后重做的工作自退回之日起另有修改期限")
@Component(CycleDecisions.CHECK_DECISION)
class CheckCycleDecisionListener implements TaskListener {

  private final CycleSettings settings;
  private final StepTaker stepTaker;
  private final Clock clock;

  CheckCycleDecisionListener(CycleSettings settings, StepTaker stepTaker, Clock clock) {
    this.settings = settings;
    this.stepTaker = stepTaker;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    if (MajorVariables.OWNER_GROUP.find(task).filter(stepTaker::belongsTo).isPresent()) {
      throw new FormValueException(List.of("您是「" + SharedVariables.SUBJECT_NAME.find(task).orElse(task.getName())
          + "」的负责人，不能审核自己的工作，请由本组其他成员办理"));
    }
    List<String> problems = new ArrayList<>();
    FormChecks.requireChoice(task.getVariables(), CycleDecisions.DECISION, "结论", List.of(CycleDecisions.APPROVE, CycleDecisions.RETURN), problems);
    if (CycleDecisions.RETURN.equals(task.getVariable(CycleDecisions.DECISION))) {
      FormChecks.requireText(task.getVariables(), CycleDecisions.RETURN_REASON, "退回理由", problems);
    }
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    if (CycleDecisions.RETURN.equals(task.getVariable(CycleDecisions.DECISION))) {
      String dueVariable = CycleDecisions.RETURNED_WORK_DUE.get(task.getTaskDefinitionKey());
      LocalDate dueAgain = null;
      if (dueVariable != null) {
        dueAgain = CollegeTime.today(clock).plusDays(settings.revisionDays());
        // a return never shortens the time the work had anyway
        if (task.getVariable(dueVariable) instanceof Date firstDue && CollegeTime.day(firstDue).isAfter(dueAgain)) {
          dueAgain = CollegeTime.day(firstDue);
        }
        // local to the review's scope: a unit's return moves only that unit's date, never the other units'
        task.getExecution().setVariableLocal(dueVariable, CollegeTime.endOfDay(dueAgain));
      }
      ReturnedWork.handOver(task, dueAgain, CycleDecisions.FIELDS, clock.instant());
    }
  }
}
