package cn.zhengai.benchmark;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.support.TasklistSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P2: Tasklist's task list of a unit head with authorisation on, at 50,000 open tasks over 30 unit-head groups
 * (1,725 of them 教务处's): 王芳 logged in as in a browser, her filter 本单位待办 asked for exactly as Tasklist asks
 * (HAL list with the card variables, sorted by creation date; its count; a page deep in the list), p50 and p95
 * over {@value #REQUESTS} requests each, another unit's task changing before each request; beside them the floor of
 * any such request, the filter itself read through the same session. The baseline is the same
 * app, data and requests with Camunda's default engine settings (cmmn and standalone tasks on, revoke checks
 * {@code auto}), {@value #BASELINE_REQUESTS} requests each: it takes seconds a request on PostgreSQL. On PostgreSQL
 * it measures again with a second node on the database, product and baseline alike, 王芳 on the second node and the
 * other unit's task changing on the first ({@code -Dbenchmark.p2.nodes=1} for one node only).
 */
final class TaskQueryBenchmark implements Benchmark {

  static final int TASKS = Integer.getInteger("benchmark.p2.tasks", 50_000);
  static final int HEAD_GROUPS = 30;
  static final String HEAD = "wangfang";
  static final String HEAD_GROUP = "head-jwc";
  private static final String HEAD_UNIT_NAME = "教务处";
  static final String FILTER = "本单位待办";
  private static final String PROCESS = "benchmark-unit-task";
  private static final int REQUESTS = 200;
  private static final int BASELINE_REQUESTS = 20;
  private static final int DEEP_FIRST_RESULT = 1_500;
  /** Tasks opened by one instance (a parallel multi-instance task), so that 50,000 tasks take minutes, not hours. */
  private static final int BATCH = 100;
  /** Camunda's defaults for the engine settings the product changes for its task queries. */
  static final String[] CAMUNDA_DEFAULTS = {
      "camunda.bpm.generic-properties.properties.cmmnEnabled=true",
      "camunda.bpm.generic-properties.properties.standaloneTasksEnabled=true",
      "camunda.bpm.generic-properties.properties.authorizationCheckRevokes=auto"};

  @Override
  public String id() {
    return "P2";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    List<Integer> nodeCounts = BenchmarkApp.nodeCounts(id(), database);
    List<Timings> product = measure(database, "p2-product", REQUESTS, nodeCounts);
    List<Timings> defaults = measure(database, "p2-defaults", BASELINE_REQUESTS, nodeCounts, CAMUNDA_DEFAULTS);
    figures.note(String.format("P2 数据：%d 个待办任务，%d 个单位负责人组，%s（%s）%d 个", TASKS, HEAD_GROUPS, HEAD, HEAD_GROUP,
        headTasks()));
    for (int i = 0; i < nodeCounts.size(); i++) {
      add(figures, database, nodeCounts.get(i), product.get(i), defaults.get(i));
    }
  }

  private static void add(Figures figures, BenchmarkDatabase database, int nodes, Timings product, Timings defaults) {
    String onNodes = nodes == 1 ? "" : "，" + nodes + " 个节点（在第 2 个节点上看，另一单位的任务在第 1 个节点上变）";
    figures.add("P2", "本单位待办第 1 页（Tasklist 的 HAL 列表，含计数和卡片变量）" + onNodes + " p50（基线 Camunda 默认设置）", database,
        product.firstPage().p50(), defaults.firstPage().p50(), "ms");
    figures.add("P2", "本单位待办第 1 页" + onNodes + " p95", database, product.firstPage().p95(), defaults.firstPage().p95(), "ms");
    figures.add("P2", "本单位待办计数" + onNodes + " p50", database, product.count().p50(), defaults.count().p50(), "ms");
    figures.add("P2", "本单位待办计数" + onNodes + " p95", database, product.count().p95(), defaults.count().p95(), "ms");
    figures.add("P2", "本单位待办第 101 页（第 " + DEEP_FIRST_RESULT + " 条起）" + onNodes + " p50", database, product.deepPage().p50(),
        defaults.deepPage().p50(), "ms");
    figures.add("P2", "本单位待办第 101 页" + onNodes + " p95", database, product.deepPage().p95(), defaults.deepPage().p95(), "ms");
    figures.add("P2", "底线：同一会话读取过滤器本身（一次引擎 API 请求，读一行）" + onNodes + " p50", database, product.filterItself().p50(),
        defaults.filterItself().p50(), "ms");
    figures.add("P2", "底线：读取过滤器本身" + onNodes + " p95", database, product.filterItself().p95(), defaults.filterItself().p95(), "ms");
  }

  /**
   * The timings on one app with {@code properties} and its tasks, for each of {@code nodeCounts}: on one node, and
   * on two with 王芳 on the second node while the other unit's task changes on the first.
   */
  private static List<Timings> measure(BenchmarkDatabase database, String name, int requests, List<Integer> nodeCounts,
      String... properties) throws Exception {
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, name, properties)) {
      openTasks(app);
      Runnable anotherUnitWorks = anotherUnitWorks(app);
      List<Timings> timings = new ArrayList<>();
      for (int nodes : nodeCounts) {
        if (nodes == 1) {
          timings.add(measure(app, requests, anotherUnitWorks));
        } else if (nodes == 2) {
          try (ConfigurableApplicationContext second = BenchmarkApp.startAnotherNode(app, properties)) {
            timings.add(measure(second, requests, anotherUnitWorks));
          }
        } else {
          throw new IllegalArgumentException("P2 只支持 1 或 2 个节点：" + nodes);
        }
      }
      return timings;
    }
  }

  /** 王芳's requests to {@code node}, each after {@code anotherUnitWorks}. */
  private static Timings measure(ConfigurableApplicationContext node, int requests, Runnable anotherUnitWorks) throws Exception {
    TasklistSession tasklist = TasklistSession.logIn(((WebServerApplicationContext) node).getWebServer().getPort(), HEAD);
    String filter = tasklist.filterId(FILTER);
    int expected = headTasks();
    Percentiles firstPage = time(requests, anotherUnitWorks, () -> tasklist.list(filter, 0, 15),
        body -> body.contains("\"count\":" + expected) && body.contains(HEAD_UNIT_NAME));
    Percentiles count = time(requests, anotherUnitWorks, () -> tasklist.count(filter), body -> body.equals("{\"count\":" + expected + "}"));
    Percentiles deepPage = time(requests, anotherUnitWorks, () -> tasklist.list(filter, DEEP_FIRST_RESULT, 15),
        body -> body.contains("\"count\":" + expected));
    // the floor under every figure above: a request through the same session, security and engine API that reads one row
    Percentiles filterItself = time(requests, anotherUnitWorks, () -> tasklist.filter(filter), body -> body.contains("\"id\":\"" + filter + "\""));
    return new Timings(firstPage, count, deepPage, filterItself);
  }

  static int headTasks() {
    return (int) Math.round(TASKS * 1_725 / 50_000.0);
  }

  /**
   * The open tasks: a one-task model whose task goes to a unit's heads and shows the unit and year on its card as the
   * product's tasks do, {@value #BATCH} tasks an instance; the head groups are the demo college's and, up to
   * {@value #HEAD_GROUPS}, made-up units'.
   */
  static void openTasks(ConfigurableApplicationContext app) {
    IdentityService identity = app.getBean(IdentityService.class);
    List<String> groups = new ArrayList<>(identity.createGroupQuery().list().stream().map(Group::getId).filter(group -> group.startsWith("head-"))
        .filter(group -> !group.equals(HEAD_GROUP)).sorted().toList());
    for (int unit = groups.size() + 1; unit < HEAD_GROUPS; unit++) {
      Group group = identity.newGroup("head-benchmark-" + unit);
      group.setName("基准单位 " + unit + " 负责人");
      identity.saveGroup(group);
      groups.add(group.getId());
    }
    groups = groups.subList(0, HEAD_GROUPS - 1);
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("基准单位任务").camundaHistoryTimeToLive(180)
        .startEvent().userTask("work").name("基准任务").camundaCandidateGroups("${unitGroup}")
        .camundaTaskListenerDelegateExpression("create", "${" + AnnualWorkPlanProcess.Beans.SHOW_UNIT_IN_TASKLIST + "}")
        .multiInstance().parallel().cardinality("${tasks}").multiInstanceDone().endEvent().done();
    app.getBean(RepositoryService.class).createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
    RuntimeService runtime = app.getBean(RuntimeService.class);
    int head = headTasks();
    int perOtherUnit = (TASKS - head) / groups.size();
    for (int unit = 0; unit < HEAD_GROUPS; unit++) {
      String group = unit == 0 ? HEAD_GROUP : groups.get(unit - 1);
      int tasks = unit == 0 ? head : unit < HEAD_GROUPS - 1 ? perOtherUnit : TASKS - head - perOtherUnit * (HEAD_GROUPS - 2);
      for (int from = 0; from < tasks; from += BATCH) {
        runtime.startProcessInstanceByKey(PROCESS, Map.of("unitGroup", group, "tasks", Math.min(BATCH, tasks - from),
            AnnualWorkPlanProcess.Variables.UNIT.name(), group.substring("head-".length()),
            AnnualWorkPlanProcess.Variables.UNIT_NAME.name(), unit == 0 ? HEAD_UNIT_NAME : group, AnnualWorkPlanProcess.Variables.YEAR.name(), 2027));
      }
    }
    if (app.getBean(TaskService.class).createTaskQuery().taskCandidateGroup(HEAD_GROUP).count() != head) {
      throw new IllegalStateException("基准数据不对：" + HEAD_GROUP + " 的任务数不是 " + head);
    }
  }

  interface Request {
    String send() throws Exception;
  }

  interface Check {
    boolean holds(String body);
  }

  /**
   * Another unit's task changes (its priority), as tasks change all day in a college: without a write between two
   * identical requests H2 hands back the previous answer of an identical query from its cache.
   */
  private static Runnable anotherUnitWorks(ConfigurableApplicationContext app) {
    TaskService tasks = app.getBean(TaskService.class);
    // the newest task is the last unit's (openTasks opens 教务处's first)
    String othersTask = tasks.createTaskQuery().processDefinitionKey(PROCESS).orderByTaskCreateTime().desc().listPage(0, 1).get(0).getId();
    int[] priority = {0};
    return () -> tasks.setPriority(othersTask, ++priority[0] % 100);
  }

  /**
   * A quarter as many requests untimed (warming up), then {@code requests} timed, each answer checked; {@code between}
   * runs untimed before each request.
   */
  private static Percentiles time(int requests, Runnable between, Request request, Check check) throws Exception {
    for (int i = 0; i < requests / 4; i++) {
      between.run();
      request.send();
    }
    double[] millis = new double[requests];
    for (int i = 0; i < requests; i++) {
      between.run();
      long start = System.nanoTime();
      String body = request.send();
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (!check.holds(body)) {
        throw new IllegalStateException("答复不对：" + body.substring(0, Math.min(500, body.length())));
      }
    }
    Arrays.sort(millis);
    return new Percentiles(millis[requests / 2], millis[(int) Math.ceil(requests * 0.95) - 1]);
  }

  record Percentiles(double p50, double p95) {}

  record Timings(Percentiles firstPage, Percentiles count, Percentiles deepPage, Percentiles filterItself) {}
}
