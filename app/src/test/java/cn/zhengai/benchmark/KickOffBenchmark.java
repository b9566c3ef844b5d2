package cn.zhengai.benchmark;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P1: kicking off a year for the synthetic college of {@value #UNITS} units: the school's yearly cycle started and
 * taken through its school-wide steps (起草年度目标, 审定年度目标, 为目标关联标准) until every unit's instance and task
 * exists (the cycle's 计划 step calls each unit's annual work plan: one 提交年度工作计划 per unit, on its escalation
 * ladder). Baseline: as many instances of a one-task model as the kick-off started, on the same engine
 * and database. One run each (a year can be kicked off once).
 */
final class KickOffBenchmark implements Benchmark {

  static final int UNITS = 60;

  @Override
  public String id() {
    return "P1";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "kickoff")) {
      SyntheticCollege college = SyntheticCollege.build(app, UNITS);
      figures.note("P1 " + college.describe());
      TrivialModels.deployOneTask(app);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService tasks = app.getBean(TaskService.class);
      long instancesBefore = runtime.createProcessInstanceQuery().count();
      long tasksBefore = tasks.createTaskQuery().count();
      Measurement kickOff = Measurement.once(() -> {
        college.startCycle(SyntheticCollege.YEAR);
        return runtime.createProcessInstanceQuery().count() - instancesBefore;
      });
      long unitTasks = tasks.createTaskQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
          .taskDefinitionKey(AnnualWorkPlanProcess.Elements.TASK_SUBMIT_WORK_PLAN).count();
      if (unitTasks != college.units().size()) {
        throw new IllegalStateException("开启年度后应有 " + college.units().size() + " 个单位任务，实有 " + unitTasks);
      }
      long instances = kickOff.count();
      Measurement baseline = Measurement.once(() -> {
        for (long i = 0; i < instances; i++) {
          runtime.startProcessInstanceByKey(TrivialModels.ONE_TASK);
        }
        return instances;
      });
      figures.note(String.format("P1 开启 %d 年度：%d 个流程实例（学校年度诊改螺旋 1，每单位年度工作计划 1，其余为任务的催办升级阶梯），"
          + "%d 个待办任务（每单位 1 个）；诊改螺旋（启动、起草、审定、关联标准、分解到各单位并调用其年度工作计划）%d ms",
          SyntheticCollege.YEAR, instances, tasks.createTaskQuery().count() - tasksBefore - instances, kickOff.millis()));
      figures.add("P1", "开启一个年度（" + college.units().size() + " 个单位，" + instances + " 个实例；基线 同数单任务实例）：时间", database,
          kickOff.millis(), baseline.millis(), "ms");
      figures.add("P1", "每个实例平均时间", database, (double) kickOff.millis() / instances, (double) baseline.millis() / instances, "ms");
    }
  }
}
