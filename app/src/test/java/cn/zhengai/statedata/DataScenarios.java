package cn.zhengai.statedata;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.monitoring.MonitoringCheckpoints;
import cn.zhengai.monitoring.Monitors;
import cn.zhengai.planning.targetchain.TargetTable;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.support.EngineRest;
import cn.zhengai.support.EngineRest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data platform the way 质管办 and the college's systems use it: indicators in the 指标 sheet, files shaped like
 * the national 人才培养工作状态数据采集平台's export uploaded or dropped into a folder, readings pushed over HTTP, each
 * run recorded and a failed run loading nothing. Each test uses indicator and source codes of its own. Run on H2 in
 * the shared app ({@link DataPlatformOnH2Test}) and on PostgreSQL ({@link cn.zhengai.ScenariosOnPostgresTest}, with a query source on a college database).
 */
public abstract class DataScenarios {

  static final String QA_OFFICE_HEAD = "zhouqiang"; // 质管办
  static final String ACADEMIC_AFFAIRS_HEAD = "wangfang"; // 教务处
  static final String CAR_COLLEGE_HEAD = "xujun"; // 汽车工程学院
  /** The national platform's export: a title row above the header, columns the mapping does not read. */
  static final String SHEET = "教学单位就业情况";
  static final List<String> HEADER = List.of("单位代码", "单位名称", "统计年月", "毕业生数", "已就业人数", "备注");

  @Autowired protected TestRestTemplate http;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected Monitors monitors;
  @Autowired protected MonitoringCheckpoints checkpoints;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected TaskService taskService;
  @Autowired protected TargetTable targetTable;
  /** This test's own codes: indicators GRAD_…, EMP_…, RATE_…; source src-…; target T14-…. */
  protected String id;

  @BeforeEach
  void ownCodes() {
    id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  // ---- file sources

  @Test
  void anExportOfTheNationalPlatformLoadsWholeDerivesTheRateAndBecomesTheTargetsCurrentValue() throws IOException {
    String target = target();
    indicators(target);
    fileSource("src-" + id, null);
    Reply loaded = qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-03", "400", "372", ""),
        List.of("0301", "汽车工程学院", "2026年3月", "520", "500", "含订单班")))).expect(200);
    assertThat(loaded.json().get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(loaded.json().get("rowsRead").asInt()).isEqualTo(4);
    assertThat(loaded.json().get("rowsLoaded").asInt()).isEqualTo(4);
    assertThat(series("RATE_" + id, "教务处")).containsExactly("2026-03=93");
    assertThat(series("EMP_" + id, "qcxy")).containsExactly("2026-03=500");
    assertThat(currentValue(target)).isEqualTo("93");

    // the same source and period again: the value is replaced, the earlier one kept in the history
    qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-03", "400", "380", "更正")))).expect(200);
    assertThat(series("RATE_" + id, "教务处")).containsExactly("2026-03=95");
    assertThat(currentValue(target)).isEqualTo("95");
    assertThat(jdbc.queryForList("SELECT h.reading_value FROM reading_history h JOIN indicator i ON i.id = h.indicator_id"
        + " WHERE i.code = ? AND h.subject_id = 'jwc'", java.math.BigDecimal.class, "EMP_" + id))
        .singleElement().satisfies(value -> assertThat(value).isEqualByComparingTo("372"));

    // the reading wins over a value typed into 目标指标
    JsonNode row = targetRow(target);
    Map<String, Object> edited = withoutId(row);
    edited.put("currentValue", "50");
    qa().put("/api/planning/targets/" + row.get("id").asLong(), edited).expect(200);
    assertThat(currentValue(target)).isEqualTo("95");

    JsonNode runs = qa().get("/api/data/runs?source=src-" + id).expect(200).json();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).get("startedBy").asText()).isEqualTo(QA_OFFICE_HEAD);
    assertThat(runs.get(0).get("fileName").asText()).isEqualTo("状态数据导出.xlsx");
  }

  @Test
  void aFileWithBadInputLoadsNothingNamesEveryProblemAndTellsTheQaOffice() throws IOException {
    indicators(null);
    fileSource("src-" + id, null);
    Reply refused = qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-03", "400", "372", ""),
        List.of("0301", "后勤集团", "2026-03", "10", "9", ""),
        List.of("0302", "汽车工程学院", "2026-13", "四百", "9", ""),
        List.of("0303", "智能制造学院", "2031-05", "10", "9", "")))).expect(400);
    JsonNode run = refused.json();
    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("rowsLoaded").asInt()).isZero();
    assertThat(run.get("rowsRefused").asInt()).isEqualTo(3);
    assertThat(texts(run.get("problems"))).containsExactly(
        "工作表「教学单位就业情况」第 4 行「单位名称」列：“后勤集团”不是本校的部门、教学单位或专业（全校请写“全校”，专业请写专业代码）",
        "工作表「教学单位就业情况」第 4 行「单位名称」列：“后勤集团”不是本校的部门、教学单位或专业（全校请写“全校”，专业请写专业代码）",
        "工作表「教学单位就业情况」第 5 行「统计年月」列：周期“2026-13”不在校历之内：月度周期的序号 13 无效",
        "工作表「教学单位就业情况」第 5 行「毕业生数」列：“四百”不是数值",
        "工作表「教学单位就业情况」第 5 行「统计年月」列：周期“2026-13”不在校历之内：月度周期的序号 13 无效",
        "工作表「教学单位就业情况」第 6 行「统计年月」列：周期“2031-05”（2031年5月）尚未开始，不能有读数",
        "工作表「教学单位就业情况」第 6 行「统计年月」列：周期“2031-05”（2031年5月）尚未开始，不能有读数");
    // nothing of the run is loaded, not even the right first row
    assertThat(series("GRAD_" + id, "教务处")).isEmpty();
    assertThat(texts(qa().get("/api/notifications?size=50").expect(200).json(), "subject"))
        .contains("【数据采集失败】状态数据 " + id + "：未载入任何数据（7 处问题）");

    // a mapping that names a column the file does not have
    fileSource("src2-" + id, "已就业人数（人）");
    JsonNode missing = qa().upload("/api/data/sources/src2-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-03", "400", "372", "")))).expect(400).json();
    assertThat(texts(missing.get("problems"))).singleElement().asString().contains("表头缺少必填列「已就业人数（人）」");
  }

  @Test
  void aFileSourcesMappingIsCheckedWholeAndARefusedOneSavesNothing() {
    indicators(null);
    fileSource("src-" + id, null);
    List<Map<String, String>> rows = List.of(Map.of("column", "毕业生数", "indicator", "GRAD_" + id),
        Map.of("column", "", "indicator", "EMP_" + id), Map.of("column", "毕业生数", "indicator", "NOPE_" + id),
        Map.of("column", "就业率", "indicator", "RATE_" + id), Map.of("column", "统计年月", "indicator", "GRAD_" + id));
    JsonNode refused = qa().put("/api/data/sources/src-" + id + "/mapping", Map.of("sheet", SHEET, "subjectColumn", "单位名称",
        "periodColumn", "统计年月", "columns", rows)).expect(400).json();
    assertThat(refused.get("message").asText()).isEqualTo("未写入任何数据：共 6 处问题");
    assertThat(texts(refused.get("problems"))).containsExactly(
        "对应关系第 2 行「列名」：请填写文件中的列名",
        "对应关系第 3 行「列名」：列「毕业生数」与第 1 行重复",
        "对应关系第 3 行「指标编号」：指标“NOPE_" + id + "”不存在（指标在工作台的“指标”表中维护）",
        "对应关系第 4 行「指标编号」：指标「就业率 " + id + "」（RATE_" + id + "）由计算公式得出，不从文件载入",
        "对应关系第 5 行「列名」：列「统计年月」已用作周期列",
        "对应关系第 5 行「指标编号」：指标「毕业生数 " + id + "」（GRAD_" + id + "）已由第 1 行载入，同一读数不能载入两次");
    assertThat(texts(qa().put("/api/data/sources/src-" + id + "/mapping", Map.of("sheet", SHEET, "subjectColumn", "单位名称",
        "period", "2026-13", "columns", rows.subList(0, 1))).expect(400).json().get("problems")))
        .containsExactly("「整份文件的周期」：“2026-13”不在校历之内：月度周期的序号 13 无效");
    // nothing of either was saved
    assertThat(source("src-" + id).get("settings").get("columns").toString()).contains("已就业人数").doesNotContain("统计年月");

    qa().put("/api/data/sources/src-" + id + "/mapping", Map.of("sheet", SHEET, "subjectColumn", "单位名称", "period", "2026年3月",
        "columns", List.of(Map.of("column", "已就业人数", "indicator", "EMP_" + id), Map.of("column", "毕业生数", "indicator", "GRAD_" + id))))
        .expect(200);
    JsonNode saved = source("src-" + id).get("settings");
    assertThat(saved.get("period").asText()).isEqualTo("2026年3月");
    assertThat(saved.get("columns").fieldNames()).toIterable().containsExactly("已就业人数", "毕业生数");
  }

  private JsonNode source(String code) {
    return only(qa().get("/api/data/sources?size=2000").expect(200).json(), "code", code);
  }

  @Test
  void aCollegeSystemsCsvDroppedIntoTheFolderIsLoadedAndMovedAside(@TempDir Path folder) throws IOException {
    indicators(null);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("folder", folder.toString());
    settings.put("sheet", "就业统计");
    settings.put("subjectColumn", "部门");
    settings.put("periodColumn", "月份");
    settings.put("indicatorColumn", "指标编号");
    settings.put("valueColumn", "数值");
    qa().put("/api/data/sources/csv-" + id, Map.of("name", "就业系统 " + id, "kind", "FILE", "settings", settings)).expect(200);
    // as Chinese Excel saves a CSV: GB18030, quoted fields
    Files.write(folder.resolve("就业系统导出.csv"), ("指标编号,部门,月份,数值,说明\r\n"
        + "GRAD_" + id + ",教务处,2026-04,\"400\",\"含毕业生, 结业生\"\r\n"
        + "EMP_" + id + ",教务处,2026-04,360,\r\n").getBytes(Charset.forName("GB18030")));
    JsonNode runs = qa().post("/api/data/sources/csv-" + id + "/run", null).expect(200).json();
    assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(run.get("rowsLoaded").asInt()).isEqualTo(2);
    });
    assertThat(series("RATE_" + id, "教务处")).containsExactly("2026-04=90");
    assertThat(Files.list(folder.resolve(FolderSources.LOADED)).map(file -> file.getFileName().toString()))
        .singleElement().asString().endsWith("就业系统导出.csv");
    assertThat(folder.resolve("就业系统导出.csv")).doesNotExist();
  }

  // ---- formulas

  @Test
  void formulasAreCheckedInTheIndicatorSheetAndAZeroReadingRefusesTheRun() throws IOException {
    indicators(null);
    Reply unknown = qa().post("/api/planning/indicators", indicator("BAD_" + id, "坏指标", "RATIO(EMP_" + id + ", NOPE_" + id + ")", ""))
        .expect(400);
    assertThat(texts(unknown.json().get("problems"))).containsExactly(
        "工作表「指标」「计算公式」列：公式引用的指标“NOPE_" + id + "”不存在");
    qa().post("/api/planning/indicators", indicator("A_" + id, "甲", "B_" + id + " + 1", "")).expect(400);
    qa().post("/api/planning/indicators", indicator("A_" + id, "甲", "GRAD_" + id + " + 1", "")).expect(201);
    qa().post("/api/planning/indicators", indicator("B_" + id, "乙", "A_" + id + " * 2", "")).expect(201);
    JsonNode a = only(qa().get("/api/planning/indicators").expect(200).json(), "code", "A_" + id);
    Map<String, Object> cyclic = withoutId(a);
    cyclic.put("formula", "B_" + id + " - 1");
    assertThat(texts(qa().put("/api/planning/indicators/" + a.get("id").asLong(), cyclic).expect(400).json().get("problems")))
        .containsExactly("工作表「指标」「计算公式」列：公式形成循环引用：A_" + id + " → B_" + id + " → A_" + id);

    fileSource("src-" + id, null);
    JsonNode run = qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-05", "0", "0", "")))).expect(400).json();
    assertThat(texts(run.get("problems"))).containsExactly("指标「就业率 " + id + "」（RATE_" + id + "）（公式 RATIO(EMP_" + id + ", GRAD_" + id
        + ") * 100）在教务处 2026年5月无法计算：除数指标「GRAD_" + id + "」为 0，无法计算");
    assertThat(series("GRAD_" + id, "教务处")).isEmpty();
    // derived from a derived one, in order
    qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-05", "10", "9", "")))).expect(200);
    assertThat(series("B_" + id, "教务处")).containsExactly("2026-05=22");
  }

  // ---- the push endpoint

  @Test
  void aSystemPushesWithItsOwnCredentialsAndWrongOnesAre401WithNothingLoaded() {
    indicators(null);
    String secret = "push-secret-" + id + "-0123456789";
    qa().put("/api/data/sources/push-" + id, Map.of("name", "教务系统推送 " + id, "kind", "PUSH", "secret", secret)).expect(200);
    Map<String, Object> push = Map.of("readings", List.of(
        Map.of("indicator", "GRAD_" + id, "subject", "教务处", "period", "2026-06", "value", 300),
        Map.of("indicator", "EMP_" + id, "subject", "教务处", "period", "2026-06", "value", "285")));

    assertThat(push("push-" + id, "wrong-secret-0123456789", push).status()).isEqualTo(401);
    // a person's account is not the source's credentials
    assertThat(push("push-" + id, null, push).status()).isEqualTo(401);
    assertThat(series("GRAD_" + id, "教务处")).isEmpty();
    assertThat(qa().get("/api/data/runs?source=push-" + id).expect(200).json()).isEmpty();

    Reply pushed = push("push-" + id, secret, push).expect(200);
    assertThat(pushed.json().get("rowsLoaded").asInt()).isEqualTo(2);
    assertThat(pushed.json().get("startedBy").asText()).isEqualTo("push-" + id);
    assertThat(series("RATE_" + id, "教务处")).containsExactly("2026-06=95");

    // only 质管办 keeps sources
    assertThat(EngineRest.as(http, ACADEMIC_AFFAIRS_HEAD).get("/api/data/sources").status()).isEqualTo(403);
  }

  // ---- helpers

  // ---- monitors

  @Test
  void aYearOfReadingsFiresAControlChartRuleOnceAsksTheOwnerForACorrectionAndClosesWhenTheDataComesBack() throws IOException {
    indicators(null);
    fileSource("src-" + id, null);
    // 2025-01 … 2025-12 of 教务处: 400 graduates, employment around 94 %, and in December a fall far below the limits
    int[] employed = {372, 380, 376, 384, 378, 374, 382, 376, 380, 378, 374, 300};
    List<List<String>> year = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      year.add(List.of("0201", "教务处", String.format("2025-%02d", month), "400", String.valueOf(employed[month - 1]), ""));
    }
    qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(year)).expect(200);

    // the load was judged at once: employment and its rate fell beyond 3σ (higher is better); graduates never varied
    List<JsonNode> raised = ownWarnings("OPEN");
    assertThat(raised).extracting(warning -> warning.get("indicator").asText() + " " + warning.get("ruleLabel").asText())
        .containsExactlyInAnyOrder("EMP_" + id + " 单点超出3σ控制限", "RATE_" + id + " 单点超出3σ控制限");
    JsonNode rate = raised.stream().filter(warning -> warning.get("indicator").asText().startsWith("RATE_")).findFirst().orElseThrow();
    assertThat(rate.get("ownerName").asText()).isEqualTo("教务处");
    assertThat(rate.get("points").get(0).get("period").asText()).isEqualTo("2025-12");
    assertThat(rate.get("points").get(0).get("value").asText()).isEqualTo("75");
    assertThat(rate.get("description").asText()).contains("2025年12月 75%", "中心线");

    // judged again (the daily run): nothing raised twice
    monitors.evaluate(LocalDate.now());
    assertThat(ownWarnings("OPEN")).hasSize(2);

    // 教务处 is asked for a correction that shows the chart; its chart marks December; another unit's head may not see it
    String processInstance = rate.get("processInstanceId").asText();
    JsonNode task = EngineRest.as(http, ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task?processInstanceId=" + processInstance).expect(200)
        .json().get(0);
    assertThat(task.get("name").asText()).isEqualTo("制定纠偏措施");
    assertThat(EngineRest.as(http, ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task/" + task.get("id").asText() + "/variables/chartLink")
        .expect(200).json().get("value").asText()).isEqualTo(rate.get("chartLink").asText());
    JsonNode chart = EngineRest.as(http, ACADEMIC_AFFAIRS_HEAD).get("/api" + rate.get("chartLink").asText()).expect(200).json();
    assertThat(chart.get("limits").get("lower").asDouble()).isGreaterThan(75);
    assertThat(chart.get("points")).hasSize(12);
    assertThat(chart.get("points").get(11).get("flagged").asBoolean()).isTrue();
    assertThat(chart.get("points").get(10).get("flagged").asBoolean()).isFalse();
    assertThat(EngineRest.as(http, CAR_COLLEGE_HEAD).get("/api" + rate.get("chartLink").asText()).expect(403).json().get("message").asText()).startsWith("无权查看教务处的指标控制图");

    // 教务处 writes the rate's correction, which goes to 质管办 to verify; the employment's stays unwritten
    EngineRest.as(http, ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + task.get("id").asText() + "/complete",
        EngineRest.variables(Map.of("cause", "12 月统计口径有误", "measure", "按学籍系统核对后重新上报",
            "newDate", LocalDate.now().plusDays(30).toString()))).expect(204);
    String employment = raised.stream().filter(warning -> warning.get("indicator").asText().startsWith("EMP_")).findFirst().orElseThrow()
        .get("processInstanceId").asText();

    // December corrected at the source: back within the limits, the warnings close and the unwritten correction is no
    // longer asked; the written one stays with 质管办
    qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2025-12", "400", "377", "更正")))).expect(200);
    assertThat(ownWarnings("OPEN")).isEmpty();
    assertThat(ownWarnings("CLOSED")).hasSize(2).allSatisfy(warning -> assertThat(warning.get("closedAt").isNull()).isFalse());
    assertThat(EngineRest.as(http, ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task?processInstanceId=" + employment).expect(200).json())
        .isEmpty();
    assertThat(qa().get("/engine-rest/task?processInstanceId=" + processInstance).expect(200).json())
        .singleElement().satisfies(verify -> assertThat(verify.get("name").asText()).isEqualTo("核实纠偏措施"));

    // 教务处's heads are told of both; 质管办 only of the one it was given to verify
    String rateClosed = "【预警解除】教务处：就业率 " + id + "（教务处）单点超出3σ控制限";
    String employmentClosed = "【预警解除】教务处：已就业人数 " + id + "（教务处）单点超出3σ控制限";
    List<JsonNode> toHeads = notifications(ACADEMIC_AFFAIRS_HEAD, "【预警解除】");
    assertThat(toHeads).extracting(notification -> notification.get("subject").asText())
        .containsExactlyInAnyOrder(rateClosed, employmentClosed);
    assertThat(toHeads).filteredOn(notification -> notification.get("subject").asText().equals(employmentClosed)).singleElement()
        .satisfies(notification -> assertThat(notification.get("body").asText())
            .startsWith("数据已回到控制限内、不再触发预警规则，预警已自行关闭").contains("尚未提交的纠偏措施已撤回，无需再提交"));
    assertThat(notifications(QA_OFFICE_HEAD, "【预警解除】")).extracting(notification -> notification.get("subject").asText())
        .containsExactly(rateClosed);
  }

  @Test
  void aServedTargetPastItsWarningValueIsWarnedOfOnceByTheMonitorsAndNotAgainByTheMonthlyCheckpoint() throws IOException {
    String target = target();
    indicators(target);
    fileSource("src-" + id, null);
    // 教务处's employment rate falls to 85 %, past the target's warning value of 92 %
    qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-04", "400", "340", "")))).expect(200);
    assertThat(ownWarnings("OPEN")).singleElement().satisfies(warning -> {
      assertThat(warning.get("rule").asText()).isEqualTo("TARGET_WARNING");
      assertThat(warning.get("description").asText()).contains("目标「毕业生就业率 " + id + "」当前值 85%，预警值 92%");
    });

    // 教务处's monthly checkpoint sees the same target past its warning value and leaves it to the monitors' correction
    LocalDate day = LocalDate.of(2026, 4, 30);
    checkpoints.start(2026, day, List.of("jwc"));
    String checkpoint = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2026-04/jwc").singleResult().getId();
    managementService.createJobQuery().processInstanceId(checkpoint).list().forEach(job -> managementService.executeJob(job.getId()));
    String report = EngineRest.as(http, ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task?processInstanceId=" + checkpoint).expect(200).json()
        .get(0).get("id").asText();
    EngineRest.as(http, ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + report + "/submit-form",
        EngineRest.variables(Map.of("progressSummary", "本月进度已填报"))).expect(204);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(checkpoint).variableName("deviations").singleResult()
        .getValue()).asString().doesNotContain(id);
    monitors.evaluate(day);

    // one warning of the year for this target, one correction
    assertThat(StreamSupport.stream(qa().get("/api/cycles/2026/warnings?size=2000").expect(200).json().spliterator(), false)
        .filter(warning -> warning.get("subject").asText().contains(id)).map(warning -> warning.get("kind").asText()))
        .containsExactly("INDICATOR");
    assertThat(taskService.createTaskQuery().taskDefinitionKey(MonitoringCheckpointProcess.Elements.TASK_CORRECT_DEVIATION).list())
        .filteredOn(task -> String.valueOf(taskService.getVariable(task.getId(), "deviations")).contains(id)).hasSize(1);
    runtimeService.deleteProcessInstanceIfExists(checkpoint, "test", false, true, false, false);
  }

  @Test
  void aServedTargetCarriedForwardIntoTheNextYearStaysServedByItsIndicator() throws IOException {
    // a year of its own (2041), so that the hand-over carries forward no other test's targets
    String target = target(2041);
    indicators(target);
    fileSource("src-" + id, null);
    qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-05", "400", "372", "")))).expect(200);
    assertThat(currentValue(target)).isEqualTo("93");

    // the school cycle's hand-over drafts 2042's targets from 2041's
    targetTable.carryForward(2041, new CurrentUser("school-annual-cycle", List.of("camunda-admin")));
    String carried = target + "-2042";
    assertThat(only(qa().get("/api/planning/indicators").expect(200).json(), "code", "RATE_" + id).get("targets").asText())
        .contains(target, carried);
    assertThat(currentValue(carried)).as("the indicator's latest reading").isEqualTo("93");
    assertThat(targetRow(carried).get("earlierValues").asText()).contains("2041");

    // the next load reaches the carried target, and the monitors judge it in its year
    qa().upload("/api/data/sources/src-" + id + "/upload", "状态数据导出.xlsx", export(List.of(
        List.of("0201", "教务处", "2026-06", "400", "340", "")))).expect(200);
    assertThat(currentValue(carried)).isEqualTo("85");
    monitors.evaluate(LocalDate.of(2042, 1, 10));
    assertThat(ownWarnings("OPEN")).singleElement().satisfies(warning -> assertThat(warning.get("description").asText())
        .contains("越过目标预警值：目标「毕业生就业率 " + id + "」当前值 85%"));
    // back to today: 2042's target is not judged now
    monitors.evaluate(LocalDate.now());
    assertThat(ownWarnings("OPEN")).isEmpty();
  }

  /** A person's notifications about this test's indicators whose subject starts so. */
  private List<JsonNode> notifications(String user, String prefix) {
    return StreamSupport.stream(EngineRest.as(http, user).get("/api/notifications?size=200").expect(200).json().spliterator(), false)
        .filter(notification -> notification.get("subject").asText().startsWith(prefix)
            && notification.get("subject").asText().contains(" " + id + "（")).toList();
  }

  /** This test's warnings in a state. */
  private List<JsonNode> ownWarnings(String state) {
    return StreamSupport.stream(qa().get("/api/monitors/warnings?state=" + state).expect(200).json().spliterator(), false)
        .filter(warning -> warning.get("indicator").asText().endsWith("_" + id)).toList();
  }

  protected EngineRest qa() {
    return EngineRest.as(http, QA_OFFICE_HEAD);
  }

  /** GRAD_, EMP_ measured; RATE_ = RATIO(EMP_, GRAD_) * 100, serving the target if one is given. */
  protected void indicators(String target) {
    qa().post("/api/planning/indicators", indicator("GRAD_" + id, "毕业生数 " + id, "", "")).expect(201);
    qa().post("/api/planning/indicators", indicator("EMP_" + id, "已就业人数 " + id, "", "")).expect(201);
    qa().post("/api/planning/indicators", indicator("RATE_" + id, "就业率 " + id, "RATIO(EMP_" + id + ", GRAD_" + id + ") * 100",
        target == null ? "" : target)).expect(201);
  }

  private static Map<String, Object> indicator(String code, String name, String formula, String targets) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("code", code);
    row.put("name", name);
    row.put("unitOfMeasure", formula.isEmpty() ? "人" : "%");
    row.put("level", "学校");
    row.put("better", "越高越好");
    row.put("owner", "教务处");
    row.put("formula", formula);
    row.put("targets", targets);
    return row;
  }

  /** A 2026 target of 教务处: 就业率 ≥ 95, standard 90, warning 92. */
  private String target() {
    return target(2026);
  }

  private String target(int year) {
    String plan = qa().get("/api/planning/plans").expect(200).json().get(0).get("name").asText();
    String code = "T14-" + id;
    qa().post("/api/planning/targets", Map.of("code", code, "name", "毕业生就业率 " + id, "plan", plan, "unitOfMeasure", "%",
        "comparison", "≥", "targetValue", "95", "standardValue", "90", "warningValue", "92", "owner", "教务处", "period", year + "年"))
        .expect(201);
    JsonNode row = targetRow(code);
    Map<String, Object> withYear = withoutId(row);
    withYear.put("cycleYear", String.valueOf(year));
    qa().put("/api/planning/targets/" + row.get("id").asLong(), withYear).expect(200);
    return code;
  }

  /** A file source reading the national platform's 教学单位就业情况 table; {@code employedColumn} for a wrong mapping. */
  protected void fileSource(String code, String employedColumn) {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("毕业生数", "GRAD_" + id);
    columns.put(employedColumn == null ? "已就业人数" : employedColumn, "EMP_" + id);
    qa().put("/api/data/sources/" + code, Map.of("name", "状态数据 " + id, "kind", "FILE", "settings",
        Map.of("sheet", SHEET, "subjectColumn", "单位名称", "periodColumn", "统计年月", "columns", columns))).expect(200);
  }

  /** The national platform's export: its title row, its header, the rows; a second sheet of notes. */
  protected static byte[] export(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(SHEET);
      sheet.createRow(0).createCell(0).setCellValue("人才培养工作状态数据采集平台 · 教学单位就业情况（导出）");
      Row header = sheet.createRow(1);
      for (int i = 0; i < HEADER.size(); i++) {
        header.createCell(i).setCellValue(HEADER.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 2);
        for (int i = 0; i < rows.get(r).size(); i++) {
          row.createCell(i).setCellValue(rows.get(r).get(i));
        }
      }
      workbook.createSheet("填表说明").createRow(0).createCell(0).setCellValue("本表由采集平台导出");
      workbook.write(out);
      return out.toByteArray();
    }
  }

  protected List<String> series(String indicator, String subject) {
    return StreamSupport.stream(qa().get("/api/data/readings?indicator=" + indicator + "&subject=" + subject).expect(200).json().spliterator(), false)
        .map(reading -> reading.get("period").asText() + "=" + reading.get("value").decimalValue().stripTrailingZeros().toPlainString())
        .toList();
  }

  private String currentValue(String target) {
    return targetRow(target).get("currentValue").asText();
  }

  private JsonNode targetRow(String code) {
    return only(qa().get("/api/planning/targets").expect(200).json(), "code", code);
  }

  private Reply push(String source, String secret, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
        ((secret == null ? QA_OFFICE_HEAD : source) + ":" + (secret == null ? EngineRest.DEMO_PASSWORD : secret)).getBytes(StandardCharsets.UTF_8)));
    var response = http.exchange("/api/data/push/" + source, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    return new Reply(response.getStatusCode().value(), response.getBody(), "push " + source, response.getHeaders());
  }

  private static JsonNode only(JsonNode rows, String field, String value) {
    return StreamSupport.stream(rows.spliterator(), false).filter(row -> row.get(field).asText().equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no row with " + field + " = " + value));
  }

  private static Map<String, Object> withoutId(JsonNode row) {
    Map<String, Object> values = new LinkedHashMap<>();
    row.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
    values.remove("id");
    return values;
  }

  protected static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.get(field).asText()));
    return texts;
  }
}
