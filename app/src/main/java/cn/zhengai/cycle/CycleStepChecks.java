package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTask;
import cn.zhengai.processes.SchoolAnnualCycleProcess.Beans;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.workbench.WorkbenchLink;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cycle's steps that are done in the chains' tables (targets, standards, 表6; 表5 is the annual work plan's) and only confirmed in
 * Tasklist: each complete listener refuses completion, naming what is missing, until the data is there.
 */
@Configuration
class CycleStepChecks {

  private final YearData yearData;

  CycleStepChecks(YearData yearData) {
    this.yearData = yearData;
  }

  /** 目标: the year has annual targets. */
  @ModelBean("检查本年度已录入年度目标（目标指标表），否则不能完成起草年度目标")
  @Bean(Beans.CHECK_TARGETS_DRAFTED)
  TaskListener targetsDrafted() {
    return task -> {
      int year = YEAR.get(task);
      refuseIf(yearData.targets(year).isEmpty(), "尚无 " + year + " 年度的目标：请先在“目标指标”表中录入年度为 " + year + " 的目标"
          + WorkbenchLink.hint("targets", year, null));
    };
  }

  /** 标准: a target without a standard in force cannot go on. */
  @ModelBean("检查本年度每个目标都关联了现行标准（表7），否则不能完成")
  @Bean(Beans.CHECK_STANDARDS_LINKED)
  TaskListener standardsLinked() {
    return task -> {
      List<String> unlinked = yearData.targetsWithoutStandard(YEAR.get(task));
      refuseIf(!unlinked.isEmpty(), "以下目标尚未关联现行标准（表7 的“服务目标”）：" + String.join("、", unlinked)
          + WorkbenchLink.hint("standards", null, null));
    };
  }

  /** 组织: every task of the unit has a responsible person (表6). */
  @ModelBean("检查单位每项任务都已落实责任人（表6），否则不能完成")
  @Bean(Beans.CHECK_KEY_TASKS_ASSIGNED)
  TaskListener keyTasksAssigned() {
    return task -> {
      int year = YEAR.get(task);
      String unit = UNIT.get(task);
      List<String> unassigned = yearData.tasks(year, unit).stream()
          .filter(t -> t.person() == null || t.person().isBlank()).map(YearTask::title).toList();
      refuseIf(!unassigned.isEmpty(), "以下任务尚未落实责任人（表6 的“责任人”）：" + String.join("、", unassigned)
          + WorkbenchLink.hint("task-tracking", year, unit));
    };
  }

  private static void refuseIf(boolean missing, String problem) {
    if (missing) {
      throw new FormValueException(List.of(problem));
    }
  }
}
