package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.tasks.ProcessRounds;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The round 院办 opened for a year (business key the year), as the cycle's call for one unit's plan finds it, so
 * that a unit plans once a year: its plan is in that round and still open (a unit's plan always waits at one of its
 * tasks), in it and approved (a branch of the round ends only with the plan approved, and a finished round approved
 * every plan), or not in one at all (no round, a cancelled round, a unit the round did not ask).
 */
@Component
class YearsRound {

  private final ProcessRounds rounds;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;

  // the engine's services are built after the delegates that use this
  YearsRound(ProcessRounds rounds, @Lazy RuntimeService runtimeService, @Lazy TaskService taskService,
      @Lazy HistoryService historyService) {
    this.rounds = rounds;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
  }

  /** {@link AnnualWorkPlanProcess.Variables#PLAN_IN_ROUND_NONE}, {@code _OPEN} or {@code _APPROVED}. */
  String planOf(int year, String unit) {
    Optional<String> round = rounds.latest(AnnualWorkPlanProcess.KEY, String.valueOf(year));
    if (round.isEmpty()) {
      return PLAN_IN_ROUND_NONE;
    }
    String id = round.get();
    if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
      if (!asks(runtimeService.getVariable(id, PARTICIPATING_UNITS.name()), unit)) {
        return PLAN_IN_ROUND_NONE;
      }
      boolean open = taskService.createTaskQuery().processInstanceId(id).list().stream()
          .anyMatch(task -> unit.equals(taskService.getVariable(task.getId(), UNIT.name())));
      return open ? PLAN_IN_ROUND_OPEN : PLAN_IN_ROUND_APPROVED;
    }
    boolean completed = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).completed().count() > 0;
    boolean asked = historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName(PARTICIPATING_UNITS.name()).list().stream().map(HistoricVariableInstance::getValue)
        .anyMatch(units -> asks(units, unit));
    return completed && asked ? PLAN_IN_ROUND_APPROVED : PLAN_IN_ROUND_NONE;
  }

  private static boolean asks(Object participatingUnits, String unit) {
    return participatingUnits instanceof List<?> units && units.contains(unit);
  }
}
