package cn.zhengai.benchmark;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.cycle.SchoolYearWalk;
import cn.zhengai.simulation.SimulatedTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P5: a whole year of every level that runs per year for the demo college, simulated with the training clock
 * (演练模式): the school's yearly cycle with its annual work plans (its 计划 step), monthly checkpoints and escalation
 * ladders ({@link SchoolYearWalk}, the walk the PostgreSQL year test takes). People work through the engine REST API and the
 * chains' API with their own accounts; the clock moves with {@link SimulatedTime}, which fires every timer on the way
 * in due order and runs the daily deadline scan (07:00) of every day it passes.
 *
 * <p>Baseline, in the same run on the same engine and database: the bare engine doing the same count of engine work
 * through its Java API, on trivial models: as many one-user-task instances started and their tasks completed as the
 * year completed tasks, and as many one-timer instances, due over the same year, fired in due order by moving the
 * engine's clock, as the year fired timers. So the ratio is what the product adds to the engine's floor: HTTP and
 * authorisation, forms and their checks, delegates and listeners, the chains' data, the deadline scans.
 */
final class SimulatedYearBenchmark implements Benchmark {

  private static final LocalDateTime START = LocalDateTime.of(2027, 1, 1, 8, 0);

  @Override
  public String id() {
    return "P5";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    // the daily deadline scan as shipped (the test profile switches it off; a system property comes before the profile)
    System.setProperty("zhengai.warnings.cron", "0 0 7 * * *");
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "year", List.of("simulation"))) {
      TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
          .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
      YearClock clock = new YearClock(app.getBean(SimulatedTime.class), app.getBean(Clock.class));
      // the year starts on New Year's Day, whatever the real date
      ClockUtil.setCurrentTime(CollegeTime.moment(START));
      SchoolYearWalk walk = new SchoolYearWalk(http, app.getBean(RuntimeService.class), app.getBean(TaskService.class), clock);
      Measurement year = Measurement.once(() -> {
        walk.walk();
        clock.moveTo(LocalDate.of(2027, 12, 31));
        return clock.timers;
      });
      long tasks = app.getBean(HistoryService.class).createHistoricTaskInstanceQuery().finished().count();
      figures.note(String.format("P5 一年（%s → 2027-12-31）：完成任务 %d 项，触发定时器 %d 个，其他流程作业 %d 个，到期预警扫描 %d 天，拨动时钟 %d 次",
          START.toLocalDate(), tasks, clock.timers, clock.otherJobs, clock.scans, clock.moves));
      deployTrivialModels(app.getBean(RepositoryService.class));
      Measurement bare = Measurement.once(() -> bareEngine(app, (int) tasks, (int) clock.timers));
      figures.add("P5", "演练时钟模拟全年（学校诊改螺旋及其年度工作计划、月度监测、催办升级）：墙钟时间（基线：裸引擎完成同样多的任务和定时器）", database,
          year.millis(), bare.millis(), "ms");
    } finally {
      System.clearProperty("zhengai.warnings.cron");
      ClockUtil.reset();
    }
  }

  /** A one-task model and a one-timer model for the baseline. */
  private static void deployTrivialModels(RepositoryService repository) {
    repository.createDeployment().name("P5 基线")
        .addModelInstance("p5-task.bpmn", Bpmn.createExecutableProcess("p5-task").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Trivial").name("一项任务").camundaCandidateGroups("head-jwc").endEvent().done())
        .addModelInstance("p5-timer.bpmn", Bpmn.createExecutableProcess("p5-timer").camundaHistoryTimeToLive(1).startEvent()
            .intermediateCatchEvent("Timer_Trivial").timerWithDate("${due}").endEvent().done())
        .deploy();
  }

  /** The same count of tasks and timers on the bare engine (see the class comment). */
  private static long bareEngine(ConfigurableApplicationContext app, int taskCount, int timerCount) {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TaskService tasks = app.getBean(TaskService.class);
    ManagementService management = app.getBean(ManagementService.class);
    ClockUtil.setCurrentTime(CollegeTime.moment(START));
    for (int i = 0; i < taskCount; i++) {
      String instance = runtime.startProcessInstanceByKey("p5-task").getId();
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
    }
    long yearMillis = CollegeTime.moment(LocalDate.of(2027, 12, 31).atTime(LocalTime.NOON)).getTime() - ClockUtil.getCurrentTime().getTime();
    for (int i = 0; i < timerCount; i++) {
      runtime.startProcessInstanceByKey("p5-timer", Map.of("due", new Date(ClockUtil.getCurrentTime().getTime() + yearMillis * (i + 1) / timerCount)));
    }
    long fired = 0;
    for (List<Job> next = nextTimer(management); !next.isEmpty(); next = nextTimer(management)) {
      ClockUtil.setCurrentTime(next.get(0).getDuedate());
      management.executeJob(next.get(0).getId());
      fired++;
    }
    return taskCount + fired;
  }

  private static List<Job> nextTimer(ManagementService management) {
    return management.createJobQuery().timers().processDefinitionKey("p5-timer").orderByJobDuedate().asc().listPage(0, 1);
  }

  /** The walk's clock: each move goes through the training clock. */
  private static final class YearClock implements SchoolYearWalk.Clockwork {

    private final SimulatedTime time;
    private final Clock clock;
    long timers;
    long otherJobs;
    long scans;
    long moves;

    YearClock(SimulatedTime time, Clock clock) {
      this.time = time;
      this.clock = clock;
    }

    @Override
    public void moveTo(LocalDate day) {
      move(day.atTime(LocalTime.NOON));
    }

    @Override
    public void runDueJobs() {
      count(time.runDueJobs());
    }

    /** To a moment, or where the clock has passed it already, the jobs due now. */
    private void move(LocalDateTime to) {
      count(to.isAfter(LocalDateTime.now(clock.withZone(CollegeTime.ZONE))) ? time.moveTo(to) : time.runDueJobs());
    }

    private void count(SimulatedTime.Move move) {
      timers += move.fired().size();
      otherJobs += move.otherJobs();
      scans += move.deadlineScans().size();
      moves++;
    }
  }
}
