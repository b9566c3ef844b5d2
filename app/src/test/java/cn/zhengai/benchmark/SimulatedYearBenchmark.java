package cn.zhengai.benchmark;

import static cn.zhengai.support.EngineRest.variables;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.cycle.SchoolYearWalk;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.simulation.SimulatedTime;
import cn.zhengai.support.EngineRest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P5: a whole year of every level that runs per year for the demo college, simulated with the training clock
 * (演练模式): the school's yearly cycle with its monthly checkpoints and escalation ladders ({@link SchoolYearWalk},
 * the walk the PostgreSQL year test takes), and the annual work plan round, in which 18 units submit in time and 信息中心
 * late enough to be escalated, and 院办 approves every plan. People work through the engine REST API and the
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
  private static final String PRESIDENTS_OFFICE_HEAD = "liming";
  /** The unit whose work plan comes late: one the school cycle's walk does not follow (信息中心). */
  private static final String LATE_UNIT_HEADS = "head-xxzx";

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
      YearClock clock = new YearClock(app.getBean(SimulatedTime.class), app.getBean(Clock.class), agenda(app, http));
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
      figures.add("P5", "演练时钟模拟全年（学校诊改螺旋、月度监测、催办升级、年度工作计划）：墙钟时间（基线：裸引擎完成同样多的任务和定时器）", database,
          year.millis(), bare.millis(), "ms");
    } finally {
      System.clearProperty("zhengai.warnings.cron");
      ClockUtil.reset();
    }
  }

  /**
   * The annual work plan round of 2027 beside the school's cycle, at the days it happens: 院办 opens it on 5 January;
   * every unit but 信息中心 submits on 20 February, 院办 approves on the 24th; 信息中心 submits on 10 March, after its
   * escalation to 质管办, and is approved the same day.
   */
  private static Map<LocalDate, Runnable> agenda(ConfigurableApplicationContext app, TestRestTemplate http) {
    TaskService tasks = app.getBean(TaskService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    Map<LocalDate, Runnable> agenda = new TreeMap<>();
    agenda.put(LocalDate.of(2027, 1, 5), () -> EngineRest.as(http, PRESIDENTS_OFFICE_HEAD)
        .post("/engine-rest/process-definition/key/" + AnnualWorkPlanProcess.KEY + "/submit-form",
            variables(Map.of(AnnualWorkPlanProcess.Variables.YEAR, 2027))).expect(200));
    Runnable submitInTime = () -> submitPlans(http, tasks, identity, group -> !group.equals(LATE_UNIT_HEADS));
    Runnable submitLate = () -> submitPlans(http, tasks, identity, LATE_UNIT_HEADS::equals);
    Runnable approve = () -> tasks.createTaskQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
        .taskDefinitionKey(AnnualWorkPlanProcess.Elements.TASK_REVIEW_WORK_PLAN).list()
        .forEach(review -> EngineRest.as(http, PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + review.getId() + "/submit-form",
            variables(Map.of(AnnualWorkPlanProcess.Variables.DECISION, AnnualWorkPlanProcess.Variables.DECISION_APPROVE))).expect(204));
    agenda.put(LocalDate.of(2027, 2, 20), submitInTime);
    agenda.put(LocalDate.of(2027, 2, 24), approve);
    agenda.put(LocalDate.of(2027, 3, 10), () -> {
      submitLate.run();
      approve.run();
    });
    return agenda;
  }

  /** Each unit whose heads' group passes submits its plan, as one of its heads. */
  private static void submitPlans(TestRestTemplate http, TaskService tasks, IdentityService identity, Predicate<String> headsGroup) {
    for (Task task : tasks.createTaskQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
        .taskDefinitionKey(AnnualWorkPlanProcess.Elements.TASK_SUBMIT_WORK_PLAN).list()) {
      String group = tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
          .filter(id -> id != null && id.startsWith("head-")).findFirst().orElseThrow();
      if (headsGroup.test(group)) {
        String head = identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().get(0).getId();
        EngineRest.as(http, head).post("/engine-rest/task/" + task.getId() + "/submit-form", variables(Map.of(
            AnnualWorkPlanProcess.Variables.KEY_TASKS, "对标专业教学标准逐项整改", AnnualWorkPlanProcess.Variables.MEASURES, "每月督查",
            AnnualWorkPlanProcess.Variables.TARGETS, "专业教学标准覆盖率 100%", AnnualWorkPlanProcess.Variables.PLAN_DEADLINE, "2027-12-31")))
            .expect(204);
      }
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

  /**
   * The walk's clock: each move goes through the training clock; on the way it stops at the days of the agenda and
   * does what the other levels do there.
   */
  private static final class YearClock implements SchoolYearWalk.Clockwork {

    private final SimulatedTime time;
    private final Clock clock;
    private final TreeMap<LocalDate, Runnable> agenda;
    long timers;
    long otherJobs;
    long scans;
    long moves;

    YearClock(SimulatedTime time, Clock clock, Map<LocalDate, Runnable> agenda) {
      this.time = time;
      this.clock = clock;
      this.agenda = new TreeMap<>(agenda);
    }

    @Override
    public void moveTo(LocalDate day) {
      while (!agenda.isEmpty() && !agenda.firstKey().isAfter(day)) {
        LocalDate first = agenda.firstKey();
        move(first.atTime(LocalTime.NOON));
        agenda.pollFirstEntry().getValue().run();
      }
      move(day.atTime(LocalTime.NOON));
    }

    @Override
    public void runDueJobs() {
      count(time.runDueJobs());
    }

    /** To a moment, or where the clock has passed it already (the walk's day is an agenda day), the jobs due now. */
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
