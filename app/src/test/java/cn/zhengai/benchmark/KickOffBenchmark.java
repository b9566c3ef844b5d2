package cn.zhengai.benchmark;

import cn.zhengai.major.MajorRounds;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P1: kicking off a year of every level for the synthetic college of {@value #UNITS} units: the school's yearly cycle
 * started and taken through its school-wide steps (起草年度目标, 审定年度目标, 为目标关联标准) until every unit's
 * instance and task exists (the cycle's 计划 step calls each unit's annual work plan: one 提交年度工作计划 per unit, on
 * its escalation ladder), then the major level's rounds of the year (every major's yearly self-diagnosis, the
 * 考核性诊断 of the majors the rotation assesses). Baseline: as many instances of a one-task model as the kick-off
 * started, on the same engine and database. One run each (a year can be kicked off once).
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
      MajorRounds.Opened[] majorRounds = new MajorRounds.Opened[1];
      Measurement kickOff = Measurement.once(() -> {
        majorRounds[0] = college.kickOff(SyntheticCollege.YEAR);
        return runtime.createProcessInstanceQuery().count() - instancesBefore;
      });
      long unitTasks = tasks.createTaskQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
          .taskDefinitionKey(AnnualWorkPlanProcess.Elements.TASK_SUBMIT_WORK_PLAN).count();
      if (unitTasks != college.units().size()) {
        throw new IllegalStateException("开启年度后应有 " + college.units().size() + " 个单位任务，实有 " + unitTasks);
      }
      if (majorRounds[0].selfDiagnoses() == 0 || majorRounds[0].assessments() == 0) {
        throw new IllegalStateException("开启年度后应有专业年度自我诊断和考核性诊断，实有 " + majorRounds[0]);
      }
      long instances = kickOff.count();
      Measurement baseline = Measurement.once(() -> {
        for (long i = 0; i < instances; i++) {
          runtime.startProcessInstanceByKey(TrivialModels.ONE_TASK);
        }
        return instances;
      });
      figures.note(String.format("P1 开启 %d 年度：%d 个流程实例（学校年度诊改螺旋 1，每单位年度工作计划 1，专业年度自我诊断 %d，"
          + "专业考核性诊断 %d，其余为任务的催办升级阶梯），%d 个待办任务；诊改螺旋（启动、起草、审定、关联标准、分解到各单位并调用其年度工作计划）"
          + "和专业层面各轮次共 %d ms", SyntheticCollege.YEAR, instances, majorRounds[0].selfDiagnoses(), majorRounds[0].assessments(),
          tasks.createTaskQuery().count() - tasksBefore - instances, kickOff.millis()));
      figures.add("P1", "开启一个年度（" + college.units().size() + " 个单位，" + instances + " 个实例；基线 同数单任务实例）：时间", database,
          kickOff.millis(), baseline.millis(), "ms");
      figures.add("P1", "每个实例平均时间", database, (double) kickOff.millis() / instances, (double) baseline.millis() / instances, "ms");
    }
  }
}
