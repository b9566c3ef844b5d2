package cn.zhengai.benchmark;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.escalation.EscalationSettings;
import cn.zhengai.integration.org.Organisation;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.SharedVariables;
import cn.zhengai.processes.TaskEscalationProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P3: 20,000 ({@code -Dbenchmark.p3.timers}) of the product's due timers drained by the engine's job executor,
 * against the bare engine draining as many trivial timers (start → timer → end) on the same engine and database.
 * The product's timers on the synthetic college: the year {@link SyntheticCollege#YEAR} kicked off and every unit organised (each unit's plan
 * round reminder and overdue timers; the cycle's monthly checkpoints, each starting every unit's monitoring, whose
 * report tasks climb their escalation ladders; the year end), and, to reach the number, more escalation ladders on
 * the units' open plan tasks, started with the variables the ladder listener gives them (the product's start paths
 * make about 2,000 timers a year for such a college). The engine clock is then moved past them all
 * ({@link ClockUtil}) and the job executor started: measured until no due job is left, counting every job the engine
 * logged as done (timers and the continuations they lead to). Several ladders of one task climb the same rungs: the
 * escalation record is kept once per task and rung (a unique index), so where two of them record at the same moment
 * one job fails and is retried; such failures are counted and printed.
 * <p>
 * On PostgreSQL it runs again with two nodes on the database, both draining, product and baseline alike
 * ({@code -Dbenchmark.p3.nodes=2} for two nodes only, {@code =1} for one).
 */
final class TimerBenchmark implements Benchmark {

  static final int TIMERS = Integer.getInteger("benchmark.p3.timers", 20_000);
  /**
   * Timers a unit's year fires once all is overdue (its plan is done): the three rungs of the ladders of nine monthly
   * reports and of the self-assessment.
   */
  private static final int TIMERS_PER_UNIT_AND_YEAR = 3 * 9 + 3;
  private static final int RUNGS = 3;

  @Override
  public String id() {
    return "P3";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    for (int nodes : BenchmarkApp.nodeCounts(id(), database)) {
      run(database, figures, nodes);
    }
  }

  /** P3 with {@code nodes} app nodes on one database, each with its job executor (the extra ones in this JVM). */
  private static void run(BenchmarkDatabase database, Figures figures, int nodes) throws Exception {
    List<ConfigurableApplicationContext> cluster = new ArrayList<>();
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "timers")) {
      cluster.add(app);
      for (int node = 2; node <= nodes; node++) {
        cluster.add(BenchmarkApp.startAnotherNode(app));
      }
      cluster.forEach(node -> jobExecutor(node).shutdown());
      SyntheticCollege college = SyntheticCollege.build(app, KickOffBenchmark.UNITS);
      figures.note("P3 " + college.describe());
      college.startCycle(SyntheticCollege.YEAR);
      college.organiseEveryUnit();
      int ladders = startLadders(app, (TIMERS - TIMERS_PER_UNIT_AND_YEAR * college.units().size()) / RUNGS);
      long productTimers = app.getBean(ManagementService.class).createJobQuery().timers().count();

      // the bare engine: trivial timers, due already, drained by the same job executors
      TrivialModels.deployOneTimer(app, "2026-01-01T00:00:00");
      RuntimeService runtime = app.getBean(RuntimeService.class);
      for (int i = 0; i < TIMERS; i++) {
        runtime.startProcessInstanceByKey(TrivialModels.ONE_TIMER);
      }
      JobLog log = new JobLog(app.getBean(JdbcTemplate.class));
      Measurement baseline = drain(cluster, log);
      Map<String, Long> baselineJobs = log.since();

      log = new JobLog(app.getBean(JdbcTemplate.class));
      ClockUtil.setCurrentTime(CollegeTime.startOfDay(LocalDate.of(2101, 2, 1)));
      Measurement product;
      try {
        product = drain(cluster, log);
      } finally {
        ClockUtil.reset();
      }
      Map<String, Long> productJobs = log.since();
      long productDone = productJobs.values().stream().mapToLong(Long::longValue).sum();
      long timersFired = productJobs.entrySet().stream().filter(type -> type.getKey().startsWith("timer")).mapToLong(Map.Entry::getValue).sum();
      long baselineDone = baselineJobs.values().stream().mapToLong(Long::longValue).sum();
      String onNodes = nodes == 1 ? "" : "，" + nodes + " 个节点";
      figures.note(String.format("P3%s 产品：%d 年度（年度工作计划、诊改螺旋到月度检查点）+ 另起 %d 个催办升级阶梯，开始时 %d 个定时器；完成的作业 %s，失败 %d；基线：%d 个单定时器实例，完成 %s",
          onNodes, SyntheticCollege.YEAR, ladders, productTimers, productJobs, log.failed(), TIMERS, baselineJobs));
      figures.add("P3", "排空到期定时器" + onNodes + "：每秒作业数（产品 " + productDone + " 个作业，其中定时器 " + timersFired + "；基线 "
          + baselineDone + " 个简单定时器）", database, productDone * 1000.0 / product.millis(), baselineDone * 1000.0 / baseline.millis(), "个/秒");
      figures.add("P3", "每个作业平均时间" + onNodes, database, (double) product.millis() / productDone,
          (double) baseline.millis() / baselineDone, "ms");
    } finally {
      // the other nodes after the first, which the try closes
      cluster.stream().skip(1).forEach(ConfigurableApplicationContext::close);
    }
  }

  private static JobExecutor jobExecutor(ConfigurableApplicationContext node) {
    return ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
  }

  /**
   * Puts the units' plan tasks (done already: their ladders' steps then write no comment) on about {@code count} more
   * escalation ladders, as the ladder listener starts them.
   */
  private static int startLadders(ConfigurableApplicationContext app, int count) {
    EscalationSettings settings = app.getBean(EscalationSettings.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    List<HistoricTaskInstance> tasks = app.getBean(HistoryService.class).createHistoricTaskInstanceQuery()
        .processDefinitionKey(AnnualWorkPlanProcess.KEY).taskDefinitionKey(AnnualWorkPlanProcess.Elements.TASK_SUBMIT_WORK_PLAN).list();
    int perTask = (int) Math.ceil((double) count / tasks.size());
    for (HistoricTaskInstance task : tasks) {
      // the unit the task-create listener kept on the task
      String unit = (String) app.getBean(HistoryService.class).createHistoricVariableInstanceQuery().taskIdIn(task.getId())
          .variableName(SharedVariables.UNIT.name()).singleResult().getValue();
      String group = Organisation.headGroupOf(unit);
      Map<String, Object> variables = new HashMap<>();
      variables.put(TaskEscalationProcess.Variables.TASK_ID.name(), task.getId());
      variables.put(TaskEscalationProcess.Variables.TASK_NAME.name(), task.getName());
      variables.put(TaskEscalationProcess.Variables.TASK_ACTIVITY.name(), task.getTaskDefinitionKey());
      variables.put(TaskEscalationProcess.Variables.TASK_PROCESS_INSTANCE.name(), task.getProcessInstanceId());
      variables.put(TaskEscalationProcess.Variables.TASK_BUSINESS_KEY.name(), String.valueOf(SyntheticCollege.YEAR));
      variables.put(TaskEscalationProcess.Variables.UNIT.name(), unit);
      variables.put(TaskEscalationProcess.Variables.REMINDED_GROUP.name(), group);
      variables.put(TaskEscalationProcess.Variables.DUE_AT.name(), task.getDueDate());
      variables.put(TaskEscalationProcess.Variables.REMIND_AT.name(),
          Date.from(task.getDueDate().toInstant().minus(Duration.ofDays(settings.remindDaysBeforeDue()))));
      variables.put(TaskEscalationProcess.Variables.LEADING_GROUP_AT.name(),
          Date.from(task.getDueDate().toInstant().plus(Duration.ofDays(settings.leadingGroupDaysAfterDue()))));
      for (int i = 0; i < perTask; i++) {
        runtime.startProcessInstanceByKey(TaskEscalationProcess.KEY, task.getId() + "/" + i, variables);
      }
    }
    return perTask * tasks.size();
  }

  /** Starts the nodes' job executors and waits until no due job is left, then stops them again; counts the jobs done. */
  private static Measurement drain(List<ConfigurableApplicationContext> cluster, JobLog log) throws Exception {
    ManagementService management = cluster.get(0).getBean(ManagementService.class);
    try {
      return Measurement.once(() -> {
        cluster.forEach(node -> jobExecutor(node).start());
        while (management.createJobQuery().executable().count() > 0) {
          Thread.sleep(20);
        }
        return log.done();
      });
    } finally {
      cluster.forEach(node -> jobExecutor(node).shutdown());
    }
  }

  /** The engine's own record of the jobs it ran (the job log of full history), counted from a starting point. */
  private static final class JobLog {

    private static final int DONE = 2;
    private static final int FAILED = 1;
    private final JdbcTemplate jdbc;
    private final Map<String, Long> before;
    private final long failedBefore;

    JobLog(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
      this.before = byType();
      this.failedBefore = count(FAILED);
    }

    long done() {
      return since().values().stream().mapToLong(Long::longValue).sum();
    }

    long failed() {
      return count(FAILED) - failedBefore;
    }

    /** Jobs done since the start, by job type. */
    Map<String, Long> since() {
      Map<String, Long> since = new HashMap<>();
      byType().forEach((type, count) -> {
        long added = count - before.getOrDefault(type, 0L);
        if (added > 0) {
          since.put(type, added);
        }
      });
      return since;
    }

    private Map<String, Long> byType() {
      Map<String, Long> counts = new HashMap<>();
      jdbc.query("SELECT JOB_DEF_TYPE_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = ? GROUP BY JOB_DEF_TYPE_",
          rs -> {
            counts.put(String.valueOf(rs.getString(1)), rs.getLong(2));
          }, DONE);
      return counts;
    }

    private long count(int state) {
      Long count = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = ?", Long.class, state);
      return count == null ? 0 : count;
    }
  }
}
