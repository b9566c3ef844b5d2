package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTask;
import cn.zhengai.planning.tasks.TaskKind;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.tasks.FormValueException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The cycle's steps that are done in the chains' tables (targets, standards, 表5, 表6) and only confirmed in
 * Tasklist: each refuses completion, naming what is missing, until the data is there.
 */
final class CycleStepChecks {

  private CycleStepChecks() {}

  private static void refuseIf(boolean missing, String problem) {
    if (missing) {
      throw new FormValueException(List.of(problem));
    }
  }

  /** 目标: the year has annual targets. */
  @Component(SchoolAnnualCycleProcess.Beans.CHECK_TARGETS_DRAFTED)
  static class TargetsDrafted implements TaskListener {

    private final YearData yearData;

    TargetsDrafted(YearData yearData) {
      this.yearData = yearData;
    }

    @Override
    public void notify(DelegateTask task) {
      int year = (Integer) task.getVariable(YEAR);
      refuseIf(yearData.targets(year).isEmpty(), "尚无 " + year + " 年度的目标：请先在“目标指标”表中录入年度为 " + year + " 的目标");
    }
  }

  /** 标准: a target without a standard in force cannot go on. */
  @Component(SchoolAnnualCycleProcess.Beans.CHECK_STANDARDS_LINKED)
  static class StandardsLinked implements TaskListener {

    private final YearData yearData;

    StandardsLinked(YearData yearData) {
      this.yearData = yearData;
    }

    @Override
    public void notify(DelegateTask task) {
      List<String> unlinked = yearData.targetsWithoutStandard((Integer) task.getVariable(YEAR));
      refuseIf(!unlinked.isEmpty(), "以下目标尚未关联现行标准（表7 的“服务目标”）：" + String.join("、", unlinked));
    }
  }

  /** 计划: the unit has put its key tasks into 表5. */
  @Component(SchoolAnnualCycleProcess.Beans.CHECK_DEPARTMENT_PLAN)
  static class DepartmentPlanEntered implements TaskListener {

    private final YearData yearData;

    DepartmentPlanEntered(YearData yearData) {
      this.yearData = yearData;
    }

    @Override
    public void notify(DelegateTask task) {
      int year = (Integer) task.getVariable(YEAR);
      boolean none = yearData.tasks(year, (String) task.getVariable(UNIT)).stream().noneMatch(t -> t.kind() == TaskKind.KEY);
      refuseIf(none, task.getVariable(UNIT_NAME) + "尚未在“表5 年度重点工作任务分解”中录入 " + year + " 年度的重点任务");
    }
  }

  /** 组织: every task of the unit has a responsible person (表6). */
  @Component(SchoolAnnualCycleProcess.Beans.CHECK_KEY_TASKS_ASSIGNED)
  static class KeyTasksAssigned implements TaskListener {

    private final YearData yearData;

    KeyTasksAssigned(YearData yearData) {
      this.yearData = yearData;
    }

    @Override
    public void notify(DelegateTask task) {
      List<String> unassigned = yearData.tasks((Integer) task.getVariable(YEAR), (String) task.getVariable(UNIT)).stream()
          .filter(t -> t.person() == null || t.person().isBlank()).map(YearTask::title).toList();
      refuseIf(!unassigned.isEmpty(), "以下任务尚未落实责任人（表6 的“责任人”）：" + String.join("、", unassigned));
    }
  }
}
