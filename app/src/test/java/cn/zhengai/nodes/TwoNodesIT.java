package cn.zhengai.nodes;

import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.integration.excel.ExcelTableWriter;
import cn.zhengai.integration.excel.SheetLayout;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.support.EmbeddedPostgresDatabase;
import cn.zhengai.support.EngineRest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two app nodes, each the packaged jar in its own process, on one PostgreSQL, reached through a relay that can drop
 * the database. The scenarios run in order on the same nodes and data: both nodes start together on an empty
 * database; starts of a year's round race; both nodes run the daily deadline scan at the same moments; a timer
 * storm while a node is killed (SIGKILL) and restarted; a 表8 import killed in the middle of writing its rows; a timer
 * storm while the database is gone for 30 s. What happened is counted in the database (the engine's history). A
 * killed node restarts while the next scenario runs on the other one, and nothing waits longer than what it waits
 * for. Logs: {@code app/target/two-nodes-*.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

  private static final String ADMIN = "admin";
  private static final String PROCESS_OWNER = "wuqian";
  private static final String PRESIDENTS_OFFICE_HEAD = "liming";
  private static final String QA_OFFICE_HEAD = "zhouqiang";
  private static final String ACADEMIC_AFFAIRS_HEAD = "wangfang";
  private static final String STORM_KEY = "node-timer-storm";
  private static final int TIMERS_PER_INSTANCE = 10;
  /**
   * A 表8 sheet large enough that its import writes for seconds (rows and change log in batches of 1,000, one
   * transaction), so that the kill lands in the middle of it; the whole-size import is the P4 benchmark's.
   */
  private static final int IMPORTED_ROWS = 20_000;
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  private static JdbcTemplate database;
  private static OutageProxy proxy;
  private static AppNode a;
  private static AppNode b;
  private static Path dataFolders;
  private static final ExecutorService background = Executors.newFixedThreadPool(4);

  @BeforeAll
  static void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
    Path jar = Path.of(System.getProperty("zhengai.jar", "target/zhengai-app.jar")).toAbsolutePath();
    assertThat(jar).as("the jar `mvn package` builds").isRegularFile();
    String url = EmbeddedPostgresDatabase.newDatabase();
    URI server = URI.create(url.substring("jdbc:".length()));
    database = new JdbcTemplate(new DriverManagerDataSource(url));
    proxy = new OutageProxy(server.getPort());
    String throughProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath();
    List<String> settings = List.of("--spring.datasource.url=" + throughProxy, "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        // both nodes scan for deadlines at the same moments, every 5 seconds
        "--zhengai.warnings.cron=*/5 * * * * *",
        // jobs a killed node had locked are taken up after 10 s instead of the engine's 5 minutes (a job runs within
        // a second or two of its acquisition; one taken up twice would still succeed only once)
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        // a node that found nothing to do looks again within 2 s instead of backing off to a minute
        "--camunda.bpm.job-execution.wait-time-in-millis=1000", "--camunda.bpm.job-execution.max-wait=2000");
    dataFolders = Files.createTempDirectory("zhengai-two-nodes-");
    a = new AppNode("a", jar, dataFolders.resolve("a"), settings);
    b = new AppNode("b", jar, dataFolders.resolve("b"), settings);
    a.start();
    b.start();
    a.awaitStarted();
    b.awaitStarted();
  }

  @AfterAll
  static void stopTheNodes() throws Exception {
    background.shutdownNow();
    for (AppNode node : new AppNode[] {a, b}) {
      if (node != null) {
        node.stop();
      }
    }
    if (proxy != null) {
      proxy.close();
    }
    if (dataFolders != null) {
      try (Stream<Path> files = Files.walk(dataFolders)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void modelsAndOrganisationAreSetUpOnceByNodesStartingTogether() throws Exception {
    // an administrator's re-import on both nodes at once: each succeeds, one after the other, with nothing to change
    List<EngineRest.Reply> imports = race(node -> node.as(ADMIN).post("/api/organisation/import", Map.of()));
    assertThat(imports).allSatisfy(reply -> assertThat(reply.expect(200).json().get("changes")).isEmpty());
    assertThat(a.log()).contains("组织数据导入完成").contains("模型部署");
    assertThat(b.log()).contains("组织数据导入完成").contains("模型部署");
    // the engine's deployment lock and duplicate filtering: one deployment, version 1 of each model
    assertThat(count("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ = 'zhengai-models'")).isEqualTo(1);
    assertThat(database.queryForList("SELECT KEY_ FROM ACT_RE_PROCDEF WHERE VERSION_ > 1", String.class)).isEmpty();
    // the organisation import ran on one node after the other: nothing the database would not refuse is doubled
    assertThat(database.queryForList("SELECT NAME_ FROM ACT_RU_FILTER GROUP BY NAME_, OWNER_ HAVING COUNT(*) > 1", String.class))
        .isEmpty();
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_FILTER")).isPositive();
    assertThat(database.queryForList("SELECT RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION"
        + " GROUP BY TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_ HAVING COUNT(*) > 1", String.class)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = 'wangfang'")).isPositive();
  }

  @Test
  @Order(2)
  void aYearsRoundStartsOnceWhenTwoStartsRaceOnTwoNodes() throws Exception {
    int year = LocalDate.now(CollegeTime.ZONE).getYear() + 1;
    List<EngineRest.Reply> cycles = race(node -> node.as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/process-definition/key/"
        + SchoolAnnualCycleProcess.KEY + "/start", variables(Map.of(SchoolAnnualCycleProcess.Variables.YEAR.name(), year))));
    assertOneStartedOneRefused(cycles, year + " 年度诊改已在进行中，不能重复开启");
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND BUSINESS_KEY_ = ?",
        SchoolAnnualCycleProcess.KEY, String.valueOf(year))).isEqualTo(1);

    // a round on its own is for a year without the cycle, whose 计划 step asks the units already
    int roundYear = year + 1;
    List<EngineRest.Reply> rounds = race(node -> node.as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/process-definition/key/"
        + AnnualWorkPlanProcess.KEY + "/submit-form", variables(Map.of(AnnualWorkPlanProcess.Variables.YEAR.name(), roundYear))));
    assertOneStartedOneRefused(rounds, roundYear + " 年度工作计划征集已在进行中，不能重复发起");
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND BUSINESS_KEY_ = ?",
        AnnualWorkPlanProcess.KEY, String.valueOf(roundYear))).isEqualTo(1);
  }

  @Test
  @Order(3)
  void aDeadlineWarningAndItsDigestAreSentOnceWhileBothNodesScan() throws Exception {
    String due = LocalDate.now(CollegeTime.ZONE).minusMonths(1).format(DateTimeFormatter.ofPattern("yyyy.MM"));
    a.as(QA_OFFICE_HEAD).post("/api/planning/schedule", Map.of("project", "双节点测试", "content", "双节点测试：逾期未完成的建设任务",
        "responsible", "教务处", "due", due)).expect(201);
    int id = count("SELECT id FROM schedule_item WHERE content = '双节点测试：逾期未完成的建设任务'");
    int scansOnA = scans(a);
    int scansOnB = scans(b);
    // each node scans twice more, at the same moments as the other
    await("both nodes scanned twice", Duration.ofSeconds(60), () -> scans(a) >= scansOnA + 2 && scans(b) >= scansOnB + 2);

    assertThat(count("SELECT COUNT(*) FROM deadline_warning WHERE item_table = 'schedule' AND item_id = ?", id)).isEqualTo(1);
    assertThat(database.queryForList("SELECT item_id FROM deadline_warning GROUP BY item_table, item_id, due_date, stage, unit_id"
        + " HAVING COUNT(*) > 1", Long.class)).isEmpty();
    // one digest per person and day, the 教务处 head's listing the new item
    assertThat(database.queryForList("SELECT recipient_user FROM notification WHERE recipient_user IS NOT NULL"
        + " GROUP BY recipient_user, CAST(created_at AS DATE) HAVING COUNT(*) > 1", String.class)).isEmpty();
    List<String> digests = database.queryForList("SELECT subject FROM notification WHERE recipient_user = ?", String.class,
        ACADEMIC_AFFAIRS_HEAD);
    assertThat(digests).hasSize(1);
    assertThat(a.as(ACADEMIC_AFFAIRS_HEAD).get("/api/planning/warnings?size=500").expect(200).body()).contains("双节点测试：逾期未完成的建设任务");
  }

  @Test
  @Order(4)
  void everyTimerOfAStormFiresOnceThoughANodeIsKilledInTheMiddle() throws Exception {
    a.as(PROCESS_OWNER).upload("/api/models?newProcess=true", STORM_KEY + ".bpmn", stormModel().getBytes(StandardCharsets.UTF_8))
        .expect(200);
    int timers = startStorm("storm-kill", 50);
    // both nodes hold timers they are firing
    await("a fifth of the storm fired on both nodes", Duration.ofMinutes(2), () -> fired("storm-kill") >= timers / 5
        && count("SELECT COUNT(DISTINCT LOCK_OWNER_) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL") == 2);
    b.kill();
    assertThat(fired("storm-kill")).as("killed in the middle of the storm").isLessThan(timers);

    // the surviving node drains the storm, the killed one's timers once their locks expire, while the killed one
    // restarts (it is up by the next scenario's end)
    b.start();
    await("the whole storm fired", Duration.ofMinutes(5), () -> fired("storm-kill") == timers);
    assertFiredOnce("storm-kill", timers);
  }

  @Test
  @Order(5)
  void anImportKilledWhileWritingItsRowsLeavesNothingAndSucceedsWhenRepeated() throws Exception {
    byte[] sheet = scheduleSheet(IMPORTED_ROWS);
    int rows = count("SELECT COUNT(*) FROM schedule_item");
    int changes = count("SELECT COUNT(*) FROM planning_change");
    CompletableFuture<Integer> upload = CompletableFuture.supplyAsync(
        () -> a.as(QA_OFFICE_HEAD).upload("/api/planning/schedule/import", "表8 建设与实施进程.xlsx", sheet).status(), background);
    // killed while it copies its rows or their change log, in one transaction: in the middle
    await("the import writes its rows", Duration.ofMinutes(3), Duration.ofMillis(20), () -> importWriting() > 0);
    assertThat(upload).as("the import has not answered: its transaction is open").isNotDone();
    a.kill();
    assertThat(upload).failsWithin(Duration.ofSeconds(30));
    // the database ends the dead node's transaction once its connection is gone
    await("the killed import's transaction ended", Duration.ofSeconds(30), () -> importWriting() == 0);
    assertThat(count("SELECT COUNT(*) FROM schedule_item")).isEqualTo(rows);
    assertThat(count("SELECT COUNT(*) FROM planning_change")).isEqualTo(changes);

    // the user uploads again to the other node, up again since the last scenario, while the killed one restarts
    a.start();
    b.awaitStarted();
    EngineRest.Reply again = b.as(QA_OFFICE_HEAD).upload("/api/planning/schedule/import", "表8 建设与实施进程.xlsx", sheet).expect(200);
    assertThat(again.json().get("created").asInt()).isEqualTo(IMPORTED_ROWS);
    assertThat(count("SELECT COUNT(*) FROM schedule_item")).isEqualTo(rows + IMPORTED_ROWS);
    assertThat(count("SELECT COUNT(*) FROM planning_change")).isEqualTo(changes + IMPORTED_ROWS);
    a.awaitStarted();
  }

  @Test
  @Order(6)
  void bothNodesRecoverFromThirtySecondsWithoutTheDatabaseAndFireEveryTimerOnce() throws Exception {
    int timers = startStorm("storm-outage", 40);
    await("a tenth of the storm fired", Duration.ofMinutes(2), () -> fired("storm-outage") >= timers / 10);
    proxy.cut();
    Instant cut = Instant.now();
    Thread.sleep(OUTAGE.toMillis());
    proxy.restore();
    assertThat(fired("storm-outage")).as("the outage came in the middle of the storm").isLessThan(timers);
    await("the whole storm fired", Duration.ofMinutes(3), () -> fired("storm-outage") == timers);
    System.out.println("数据库中断后恢复用时（自中断起）：" + Duration.between(cut, Instant.now()).toSeconds() + " 秒");
    assertThat(a.alive()).isTrue();
    assertThat(b.alive()).isTrue();
    assertFiredOnce("storm-outage", timers);
    for (AppNode node : new AppNode[] {a, b}) {
      node.as(ACADEMIC_AFFAIRS_HEAD).get("/api/notifications").expect(200);
    }
  }

  // ---- storms: instances of an uploaded model, each with TIMERS_PER_INSTANCE timers due one second after the start,
  // each timer followed by a task

  private static int startStorm(String businessKey, int instances) throws Exception {
    List<CompletableFuture<Void>> starts = IntStream.range(0, instances).mapToObj(i -> CompletableFuture.runAsync(
        () -> (i % 2 == 0 ? a : b).as(ADMIN).post("/engine-rest/process-definition/key/" + STORM_KEY + "/start",
            Map.of("businessKey", businessKey)).expect(200), background)).toList();
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    return instances * TIMERS_PER_INSTANCE;
  }

  private static int fired(String businessKey) {
    return count("SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = a.PROC_INST_ID_"
        + " WHERE p.BUSINESS_KEY_ = ? AND a.ACT_ID_ = 'Due' AND a.END_TIME_ IS NOT NULL", businessKey);
  }

  /** Each timer ran once, as a job that succeeded once, and made one task; no job is left, no incident is English. */
  private static void assertFiredOnce(String businessKey, int timers) {
    String ofStorm = " JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = x.PROC_INST_ID_ WHERE p.BUSINESS_KEY_ = '" + businessKey + "'";
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_ACTINST x" + ofStorm + " AND x.ACT_ID_ = 'Due'")).isEqualTo(timers);
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_TASKINST x" + ofStorm)).isEqualTo(timers);
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_TASK x" + ofStorm)).isEqualTo(timers);
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_"
        + " WHERE p.BUSINESS_KEY_ = ?", businessKey)).isZero();
    String jobLog = "SELECT JOB_ID_ FROM ACT_HI_JOB_LOG j JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_"
        + " WHERE p.BUSINESS_KEY_ = '" + businessKey + "' AND j.JOB_STATE_ = 2";
    assertThat(database.queryForList(jobLog + " GROUP BY JOB_ID_ HAVING COUNT(*) > 1", String.class)).as("jobs that succeeded twice").isEmpty();
    assertThat(database.queryForList(jobLog, String.class)).hasSize(timers);
    List<String> incidents = database.queryForList("SELECT INCIDENT_MSG_ FROM ACT_HI_INCIDENT", String.class);
    assertThat(incidents).allSatisfy(message -> assertThat(message).containsPattern(CHINESE));
    System.out.println(businessKey + "：" + timers + " 个定时器各触发一次；事件 " + incidents.size() + " 个");
  }

  private static String stormModel() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Storm" targetNamespace="http://zhengai.cn/nodes">
          <bpmn:process id="%1$s" name="到期定时器压测" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="Start" name="开始" />
            <bpmn:sequenceFlow id="Flow_ToTimers" sourceRef="Start" targetRef="Timers" />
            <bpmn:subProcess id="Timers" name="各定时器">
              <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>%2$d</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
              <bpmn:startEvent id="TimerStart" name="计时开始" />
              <bpmn:sequenceFlow id="Flow_ToDue" sourceRef="TimerStart" targetRef="Due" />
              <bpmn:intermediateCatchEvent id="Due" name="到期">
                <bpmn:timerEventDefinition id="DueTimer"><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
              </bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="Flow_ToHandle" sourceRef="Due" targetRef="Handle" />
              <bpmn:userTask id="Handle" name="处理到期事项" camunda:candidateGroups="zgb"
                  camunda:formKey="camunda-forms:deployment:annual-work-plan-review.form" />
              <bpmn:sequenceFlow id="Flow_ToHandled" sourceRef="Handle" targetRef="Handled" />
              <bpmn:endEvent id="Handled" name="已处理" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Timers" targetRef="End" />
            <bpmn:endEvent id="End" name="结束" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_Storm">
            <bpmndi:BPMNPlane id="Plane_Storm" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="160" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Timers_di" bpmnElement="Timers" isExpanded="true"><dc:Bounds x="180" y="80" width="420" height="200" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="TimerStart_di" bpmnElement="TimerStart"><dc:Bounds x="210" y="160" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Due_di" bpmnElement="Due"><dc:Bounds x="290" y="160" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Handle_di" bpmnElement="Handle"><dc:Bounds x="370" y="138" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Handled_di" bpmnElement="Handled"><dc:Bounds x="520" y="160" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="660" y="160" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_ToTimers_di" bpmnElement="Flow_ToTimers"><di:waypoint x="136" y="178" /><di:waypoint x="180" y="178" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_ToDue_di" bpmnElement="Flow_ToDue"><di:waypoint x="246" y="178" /><di:waypoint x="290" y="178" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_ToHandle_di" bpmnElement="Flow_ToHandle"><di:waypoint x="326" y="178" /><di:waypoint x="370" y="178" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_ToHandled_di" bpmnElement="Flow_ToHandled"><di:waypoint x="470" y="178" /><di:waypoint x="520" y="178" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_ToEnd_di" bpmnElement="Flow_ToEnd"><di:waypoint x="600" y="178" /><di:waypoint x="660" y="178" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(STORM_KEY, TIMERS_PER_INSTANCE);
  }

  // ---- helpers

  /** The same request sent to both nodes at the same moment. */
  private static List<EngineRest.Reply> race(Function<AppNode, EngineRest.Reply> request) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<EngineRest.Reply>> replies = new ArrayList<>();
    for (AppNode node : new AppNode[] {a, b}) {
      replies.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return request.apply(node);
      }, background));
    }
    List<EngineRest.Reply> answers = new ArrayList<>();
    for (CompletableFuture<EngineRest.Reply> reply : replies) {
      answers.add(reply.get(2, TimeUnit.MINUTES));
    }
    return answers;
  }

  private static void assertOneStartedOneRefused(List<EngineRest.Reply> replies, String refusal) {
    assertThat(replies).extracting(EngineRest.Reply::status).as(replies.toString()).containsExactlyInAnyOrder(200, 400);
    EngineRest.Reply refused = replies.stream().filter(reply -> reply.status() == 400).findFirst().orElseThrow();
    assertThat(refused.json().get("message").asText()).contains(refusal);
  }

  /** A 表8 sheet as a user fills the downloaded template: its header, then the rows. */
  private static byte[] scheduleSheet(int rows) throws Exception {
    byte[] template = a.as(QA_OFFICE_HEAD).download("/api/planning/schedule/template");
    List<ColumnSpec> columns = new ArrayList<>();
    String sheetName;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      sheetName = workbook.getSheetName(0);
      Row header = workbook.getSheetAt(0).getRow(0);
      for (int i = 0; i < header.getLastCellNum(); i++) {
        columns.add(ColumnSpec.text(header.getCell(i).getStringCellValue(), false));
      }
    }
    List<String> departments = List.of("质管办", "院办", "教务处", "各教学单位");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExcelTableWriter.write(out, new SheetLayout(sheetName, columns), new AbstractList<List<String>>() {
      @Override
      public List<String> get(int i) {
        List<String> row = new ArrayList<>(List.of("导入项目" + (i / 50), "导入工作内容第 " + i + " 项",
            departments.get(i % departments.size()), "2030." + String.format("%02d", i % 12 + 1)));
        while (row.size() < columns.size()) {
          row.add("");
        }
        return row;
      }

      @Override
      public int size() {
        return rows;
      }
    });
    return out.toByteArray();
  }

  /** Statements of an import adding 表8 rows, running in the database now. */
  private static int importWriting() {
    return count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle'"
        + " AND (query LIKE 'COPY schedule_item %' OR query LIKE 'COPY planning_change %')");
  }

  private static int scans(AppNode node) {
    return node.log().split("到期预警：发出", -1).length - 1;
  }

  private static int count(String sql, Object... arguments) {
    Number value = database.queryForObject(sql, Number.class, arguments);
    return value == null ? 0 : value.intValue();
  }

  private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    await(what, limit, Duration.ofMillis(200), condition);
  }

  private static void await(String what, Duration limit, Duration poll, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited " + limit + " for: " + what).isBefore(deadline);
      Thread.sleep(poll.toMillis());
    }
  }
}
