package cn.zhengai.report;

import static cn.zhengai.support.WordDocuments.cells;
import static cn.zhengai.support.WordDocuments.headings;
import static cn.zhengai.support.WordDocuments.tableWithHeader;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.processes.AnnualQualityReportProcess;
import cn.zhengai.processes.TaskEscalationProcess;
import cn.zhengai.report.AnnualReportRounds.OpenStep;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.Accountability;
import cn.zhengai.spiral.Review.Assessment;
import cn.zhengai.spiral.Review.Attainment;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.Innovation;
import cn.zhengai.spiral.Review.Learning;
import cn.zhengai.spiral.Review.Performance;
import cn.zhengai.spiral.Review.SelfAssessment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The reports through HTTP as each role: 教务处's report of a year with a target met, one warned, one missed (with an
 * accountability decision), a rank among 职能部门, earlier years' values, tasks on time, late and overdue, a warning and
 * an escalation; 信息中心 with no target; the annual quality report's round (written, returned, rewritten, approved,
 * published frozen, corrected by a next round); the attainment summary; the whole-college run. Every document is opened
 * with POI.
 */
@AppTest
class ReportTest {

  /** A year of this class's own. */
  static final int YEAR = 2031;
  static final String PLAN = "报告测试规划";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewStore reviews;
  @Autowired RuntimeService runtimeService;
  @Autowired AnnualReportRounds rounds;
  @Autowired AcademicCalendar calendar;

  @BeforeEach
  void aYearOfTargetsTasksAndReviews() {
    clear();
    jdbc.update("INSERT INTO plan (category, name, responsible, updated_by, updated_at) VALUES ('TOTAL', ?, '院办', 'test',"
        + " CURRENT_TIMESTAMP)", PLAN);
    target("RPT31-JWC-1", "专业人才培养方案修订完成率", "%", "100", "90", "95", "100", "jwc", "2029:80；2030:90");
    target("RPT31-JWC-2", "毕业生就业率", "%", "95", "85", "90", "92", "jwc", "2030:93");
    target("RPT31-JWC-3", "教师企业实践人数", "人", "30", "20", "25", "18", "jwc", null);
    target("RPT31-RSC-1", "毕业生就业率", "%", "95", "85", "90", "96", "rsc", null);
    long onTime = task("jwc", "修订人才培养方案", LocalDate.of(YEAR, 6, 30));
    progress(onTime, LocalDate.of(YEAR, 6, 20), 100);
    long late = task("jwc", "完成教学质量年度自评", LocalDate.of(YEAR, 5, 31));
    progress(late, LocalDate.of(YEAR, 7, 10), 100);
    long overdue = task("jwc", "建设校级精品在线课程", LocalDate.of(YEAR, 9, 30));
    progress(overdue, LocalDate.of(YEAR, 9, 1), 40);
    task("xxzx", "建设智慧校园数据中台", LocalDate.of(YEAR, 11, 30));
    jdbc.update("INSERT INTO deviation_warning (plan_year, checkpoint, unit_id, kind, subject, process_instance_id, raised_at)"
        + " VALUES (?, ?, 'jwc', 'TASK_BEHIND', '建设校级精品在线课程滞后', 'no-such-instance', CURRENT_TIMESTAMP)", YEAR,
        LocalDate.of(YEAR, 9, 30));
    jdbc.update("INSERT INTO escalation_record (process_instance_id, business_key, unit_id, activity_id, stage, escalated_to,"
        + " escalated_at) VALUES ('no-such-instance', ?, 'jwc', 'Task_ReportProgress', 'QA_OFFICE', 'zgb', CURRENT_TIMESTAMP)",
        YEAR + "-09/jwc");
    Subject jwc = Subject.unit("jwc");
    Period year = Period.year(YEAR);
    Instant now = Instant.now();
    reviews.record(jwc, year, new Attainment(3, 1, 3, 1, 1, 1, "测算", LocalDate.of(YEAR, 12, 1)), now);
    reviews.record(jwc, year, new SelfAssessment("年度重点工作基本完成，就业率略低于目标。", "修订方案 12 个", "良好"), now);
    reviews.record(jwc, year, new Assessment("合格", "教师企业实践人数未达标，精品课程逾期。", "zhouqiang"), now);
    reviews.record(jwc, year, new Performance("合格", "chenjie"), now);
    reviews.record(jwc, year, new Accountability("予以问责", "约谈教务处负责人，限期完成精品课程建设。", "sunhua"), now);
    reviews.record(jwc, year, new Learning("对标省内优质校", "与兄弟院校交流", "参加诊改培训"), now);
    reviews.record(jwc, year, new Innovation("课程建设实行月度里程碑"), now);
    reviews.record(jwc, year, new Improvement("企业实践安排不足", "缺少激励", "将企业实践纳入考核", "企业实践 30 人", "zhouqiang"), now);
  }

  @AfterEach
  void clear() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualQualityReportProcess.KEY).list()
        .forEach(round -> runtimeService.deleteProcessInstance(round.getId(), "test"));
    jdbc.update("DELETE FROM report_version WHERE period_code = ?", String.valueOf(YEAR));
    jdbc.update("DELETE FROM spiral_review WHERE period_code = ?", String.valueOf(YEAR));
    jdbc.update("DELETE FROM escalation_record WHERE business_key LIKE ?", YEAR + "-%");
    jdbc.update("DELETE FROM deviation_warning WHERE plan_year = ?", YEAR);
    jdbc.update("DELETE FROM work_task WHERE plan_year = ?", YEAR);
    jdbc.update("DELETE FROM target WHERE cycle_year = ?", YEAR);
    jdbc.update("DELETE FROM plan WHERE name = ?", PLAN);
  }

  @Test
  void aUnitsReportShowsEveryTargetItsTasksItsOwnWordsChartsAndASourceForEveryFigure() throws Exception {
    byte[] report = download("wangfang", "/api/reports/" + YEAR + "/units/jwc", HttpStatus.OK);
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(report))) {
      String text = new XWPFWordExtractor(document).getText();
      assertThat(text).contains("教务处 2031年度自我诊断报告", "数据截至 2031-12-01");
      assertThat(headings(document)).containsAll(SelfDiagnosisDocument.SECTIONS);

      XWPFTable targets = tableWithHeader(document, "目标值");
      assertThat(cells(targets)).containsExactly(
          List.of("编号", "指标", "比较", "目标值", "标准值", "预警值", "实际值", "结论", "来源"),
          List.of("RPT31-JWC-1", "专业人才培养方案修订完成率（%）", "≥", "100", "90", "95", "100", "达成", "[1]"),
          List.of("RPT31-JWC-2", "毕业生就业率（%）", "≥", "95", "85", "90", "92", "预警", "[2]"),
          List.of("RPT31-JWC-3", "教师企业实践人数（人）", "≥", "30", "20", "25", "18", "未达成", "[4]"));
      assertThat(text).contains("目标指标共 3 项：达成 1 项，预警 1 项，未达成 1 项。");
      // year on year from the values kept, and the rank among 职能部门 with the same indicator (人事处 is at 96)
      assertThat(cells(tableWithHeader(document, "同类单位排名"))).contains(
          List.of("RPT31-JWC-1", "专业人才培养方案修订完成率", "80", "90", "100", "不可比", "[1]"),
          List.of("RPT31-JWC-2", "毕业生就业率", "—", "93", "92", "第 2 名（共 2 个）[3]", "[2]"));
      assertThat(text).contains("任务共 3 项：按期完成 1 项，逾期完成 1 项，逾期未完成 1 项，进行中 0 项。",
          "监测预警 1 次，升级督办 1 次。", "建设校级精品在线课程滞后");
      assertThat(text).contains("自评等级：良好", "原因分析：缺少激励", "创新·方法改进：课程建设实行月度里程碑", "考核等级：合格",
          "绩效考核结果：合格", "问责决定：予以问责", "约谈教务处负责人");

      // native charts: a radar of attainment and bars year on year
      assertThat(document.getCharts()).hasSize(2);
      assertThat(document.getCharts().get(0).getCTChart().getPlotArea().getRadarChartList()).hasSize(1);
      assertThat(document.getCharts().get(1).getCTChart().getPlotArea().getBarChartList()).hasSize(1);

      // every [n] a figure cites is a row of the appendix, and every row of the appendix is cited
      Set<String> cited = new TreeSet<>();
      for (XWPFTable table : document.getTables()) {
        if (table != tableWithHeader(document, "取数时间")) {
          Matcher matcher = Pattern.compile("\\[\\d+]").matcher(table.getText());
          while (matcher.find()) {
            cited.add(matcher.group());
          }
        }
      }
      Matcher inText = Pattern.compile("来源 (\\[\\d+])").matcher(text);
      while (inText.find()) {
        cited.add(inText.group(1));
      }
      List<List<String>> appendix = cells(tableWithHeader(document, "取数时间"));
      assertThat(appendix.stream().skip(1).map(row -> row.get(0)).toList()).containsExactlyInAnyOrderElementsOf(cited);
      assertThat(appendix).anySatisfy(row -> assertThat(row.get(2)).contains("目标指标表第", "编号 RPT31-JWC-3"));
      assertThat(appendix).anySatisfy(row -> assertThat(row.get(2)).contains("表6 任务跟踪第"));
      assertThat(appendix).allSatisfy(row -> assertThat(row.get(3)).isNotBlank());
    }

    // the same data gives the same document, apart from when it was made
    byte[] again = download("zhouqiang", "/api/reports/" + YEAR + "/units/jwc", HttpStatus.OK);
    assertThat(parts(again)).isEqualTo(parts(report));
  }

  @Test
  void aUnitWithNoTargetsGetsAReportWithoutChartsAndOthersSeeOnlyTheirOwnUnit() throws Exception {
    byte[] report = download("zhouqiang", "/api/reports/" + YEAR + "/units/xxzx", HttpStatus.OK);
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(report))) {
      String text = new XWPFWordExtractor(document).getText();
      assertThat(text).contains("信息中心 2031年度自我诊断报告", "本年度未设目标指标。", "无目标指标，无图表。", "建设智慧校园数据中台",
          "本年度尚无诊断记录。");
      assertThat(document.getCharts()).isEmpty();
      assertThat(headings(document)).containsAll(SelfDiagnosisDocument.SECTIONS);
    }
    // 人事处's head reads 人事处's report and no other unit's
    JsonNode list = http.withBasicAuth("chenjie", "zhengai2026").getForObject("/api/reports/" + YEAR, JsonNode.class);
    assertThat(list.get("units").findValuesAsText("unitId")).containsExactly("rsc");
    ResponseEntity<String> refused = http.withBasicAuth("chenjie", "zhengai2026")
        .getForEntity("/api/reports/" + YEAR + "/units/jwc", String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("无权查看该单位的自我诊断报告");
    assertThat(http.withBasicAuth("zhouqiang", "zhengai2026").getForObject("/api/reports/" + YEAR, JsonNode.class)
        .get("units").findValuesAsText("unitId")).containsSubsequence("jwc", "rsc", "xxzx");
  }

  @Test
  void theAnnualReportIsWrittenReturnedRewrittenAndApprovedInItsRoundThenPublishedFrozen() throws Exception {
    byte[] draft = download("zhouqiang", "/api/reports/" + YEAR + "/annual/draft", HttpStatus.OK);
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(draft))) {
      String text = new XWPFWordExtractor(document).getText();
      assertThat(headings(document)).contains("目录", "一、学校年度诊改概况", "二、分层面诊改情况", "三、专题报告", "（二）招生与就业",
          "五、各单位自我诊断报告", "教务处 2031年度自我诊断报告");
      assertThat(document.getDocument().getBody().xmlText()).contains("TOC \\o");
      assertThat(text).contains(AnnualReportDocument.NARRATIVE, "毕业生就业率");
      assertThat(document.getCharts()).isNotEmpty();
    }
    download("wangfang", "/api/reports/" + YEAR + "/annual/draft", HttpStatus.FORBIDDEN);

    // nothing is submitted outside a round; 质管办 starts the year's round, once
    assertThat(submit("zhouqiang", draft).getBody().get("message").asText()).contains("2031 年度质量年报编制尚未启动");
    EngineRest.as(http, "wangfang").post("/api/reports/" + YEAR + "/annual/rounds", null).expect(403);
    JsonNode writing = EngineRest.as(http, "zhouqiang").post("/api/reports/" + YEAR + "/annual/rounds", null).expect(200).json();
    assertThat(writing.get("step").asText()).isEqualTo("编写质量年报");
    assertThat(writing.get("due").asText()).isNotBlank();
    assertThat(EngineRest.as(http, "zhouqiang").post("/api/reports/" + YEAR + "/annual/rounds", null).expect(409).json()
        .get("message").asText()).isEqualTo("2031 年度质量年报编制已在进行中，不能重复启动");

    // the task is refused while no version of this round was submitted
    String writeTask = writing.get("taskId").asText();
    assertThat(EngineRest.as(http, "zhouqiang").post("/engine-rest/task/" + writeTask + "/complete", Map.of()).expect(400).body())
        .contains("尚未提交 2031 年度质量年报");
    assertThat(submit("zhouqiang", "不是文档".getBytes()).getBody().get("message").asText())
        .isEqualTo("上传的质量年报（file）不是有效的 Word 文档（.docx）");
    assertThat(submit("wangfang", draft).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    long first = submit("zhouqiang", draft).getBody().get("id").asLong();
    // not decided on before 质管办 sends it, and not readable by everyone
    assertThat(EngineRest.as(http, "sunhua").post("/api/reports/annual/versions/" + first + "/publish", null).expect(409).json()
        .get("message").asText()).contains("尚未送审");
    download("linfeng", "/api/reports/annual/versions/" + first, HttpStatus.FORBIDDEN);
    EngineRest.as(http, "zhouqiang").post("/engine-rest/task/" + writeTask + "/complete", Map.of()).expect(204);

    // the leading group's task shows the version; a return needs a reason and sends the work back
    JsonNode approving = EngineRest.as(http, "sunhua").get("/api/reports/" + YEAR + "/annual/rounds/current").expect(200).json();
    assertThat(approving.get("step").asText()).isEqualTo("审批质量年报");
    assertThat(approving.get("submittedVersion").asLong()).isEqualTo(first);
    String approveTask = approving.get("taskId").asText();
    assertThat(EngineRest.as(http, "sunhua").get("/engine-rest/task/" + approveTask + "/localVariables/decisionContent")
        .expect(200).json().get("value").asText()).contains("2031年度教育质量年度报告.docx", PublishedReports.sha256(draft));
    assertThat(submit("zhouqiang", draft).getBody().get("message").asText()).contains("正在质量保证领导小组审批中");
    EngineRest.as(http, "zhouqiang").post("/api/reports/annual/versions/" + first + "/publish", null).expect(403);
    assertThat(EngineRest.as(http, "sunhua").post("/api/reports/annual/versions/" + first + "/return", Map.of("reason", " "))
        .expect(400).json().get("message").asText()).isEqualTo("请填写退回理由（reason）");
    JsonNode returned = EngineRest.as(http, "sunhua").post("/api/reports/annual/versions/" + first + "/return",
        Map.of("reason", "专题报告缺少招生数据")).expect(200).json();
    assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
    assertThat(returned.get("returnReason").asText()).isEqualTo("专题报告缺少招生数据");
    JsonNode rewriting = EngineRest.as(http, "zhouqiang").get("/api/reports/" + YEAR + "/annual/rounds/current").expect(200).json();
    assertThat(rewriting.get("step").asText()).isEqualTo("编写质量年报");
    assertThat(EngineRest.as(http, "zhouqiang").get("/engine-rest/task/" + rewriting.get("taskId").asText()
        + "/variables/lastReturnReason").expect(200).json().get("value").asText()).isEqualTo("专题报告缺少招生数据");
    // the returned version counts no more: the task wants a new one
    EngineRest.as(http, "zhouqiang").post("/engine-rest/task/" + rewriting.get("taskId").asText() + "/complete", Map.of())
        .expect(400);

    // resubmitted and approved in the task: that version is published, frozen, with who published it
    long second = submit("zhouqiang", draft).getBody().get("id").asLong();
    EngineRest.as(http, "zhouqiang").post("/engine-rest/task/" + rewriting.get("taskId").asText() + "/complete", Map.of())
        .expect(204);
    String approveAgain = EngineRest.as(http, "sunhua").get("/api/reports/" + YEAR + "/annual/rounds/current").expect(200).json()
        .get("taskId").asText();
    EngineRest.as(http, "sunhua").post("/engine-rest/task/" + approveAgain + "/complete",
        EngineRest.variables(Map.of("decision", "approve"))).expect(204);
    EngineRest.as(http, "sunhua").get("/api/reports/" + YEAR + "/annual/rounds/current").expect(204);
    JsonNode published = EngineRest.as(http, "linfeng").get("/api/reports/" + YEAR).expect(200).json().get("annualVersions").get(0);
    assertThat(published.get("id").asLong()).isEqualTo(second);
    assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(published.get("version").asInt()).isEqualTo(1);
    assertThat(published.get("decidedBy").asText()).isEqualTo("sunhua");
    assertThat(published.get("decidedAt").asText()).isNotBlank();
    assertThat(published.get("sha256").asText()).isEqualTo(PublishedReports.sha256(draft));

    // a later change of the data changes the draft, not the published report, which a teacher reads as it was approved
    jdbc.update("UPDATE target SET current_value = 97 WHERE code = 'RPT31-JWC-2'");
    ResponseEntity<byte[]> frozen = http.withBasicAuth("linfeng", "zhengai2026")
        .getForEntity("/api/reports/annual/versions/" + second, byte[].class);
    assertThat(frozen.getBody()).isEqualTo(draft);
    assertThat(frozen.getHeaders().getFirst("X-Checksum-SHA256")).isEqualTo(PublishedReports.sha256(draft));
    assertThat(parts(download("zhouqiang", "/api/reports/" + YEAR + "/annual/draft", HttpStatus.OK))).isNotEqualTo(parts(draft));
    assertThat(EngineRest.as(http, "sunhua").post("/api/reports/annual/versions/" + second + "/publish", null).expect(409).json()
        .get("message").asText()).contains("已发布，不能再审批");

    // the correction is the next round's version; the API's publish completes that round's approval task
    EngineRest.as(http, "zhouqiang").post("/api/reports/" + YEAR + "/annual/rounds", null).expect(200);
    long correction = submit("zhouqiang", null).getBody().get("id").asLong();
    EngineRest.as(http, "zhouqiang").post("/engine-rest/task/" + EngineRest.as(http, "zhouqiang")
        .get("/api/reports/" + YEAR + "/annual/rounds/current").json().get("taskId").asText() + "/complete", Map.of()).expect(204);
    assertThat(EngineRest.as(http, "sunhua").post("/api/reports/annual/versions/" + correction + "/publish", null).expect(200)
        .json().get("version").asInt()).isEqualTo(2);
    EngineRest.as(http, "sunhua").get("/api/reports/" + YEAR + "/annual/rounds/current").expect(204);
    assertThat(EngineRest.as(http, "linfeng").get("/api/reports/" + YEAR).json().get("annualVersions").findValuesAsText("version"))
        .containsExactly("2", "1");
    assertThat(http.withBasicAuth("linfeng", "zhengai2026").getForEntity("/api/reports/annual/versions/" + second, byte[].class)
        .getBody()).isEqualTo(draft);
  }

  @Test
  void theRoundOpensByItselfOnItsCalendarDateOnceWithItsDueDateAndLadder() {
    // a year no other test opens a round of
    int year = YEAR + 2;
    LocalDate opens = calendar.dateOf(year, Milestone.ANNUAL_REPORT_OPENS);
    assertThat(rounds.runOn(opens.minusDays(1))).isEqualTo("质量年报：无需启动");
    assertThat(rounds.runOn(opens)).isEqualTo("质量年报：已启动 2033 年度质量年报编制");
    OpenStep writing = rounds.openStep(year).orElseThrow();
    assertThat(writing.name()).isEqualTo("编写质量年报");
    assertThat(CollegeTime.day(writing.due())).isEqualTo(calendar.dateOf(year, Milestone.ANNUAL_REPORT_DUE));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TaskEscalationProcess.KEY)
        .processInstanceBusinessKey(writing.taskId()).count()).as("the task's escalation ladder").isEqualTo(1);
    assertThat(rounds.runOn(opens.plusDays(1))).isEqualTo("质量年报：无需启动");
  }

  @Test
  void theAttainmentSummaryAndTheWholeCollegeRun() throws Exception {
    byte[] summary = download("sunhua", "/api/reports/" + YEAR + "/attainment", HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(summary))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      List<String> jwc = new ArrayList<>();
      DataFormatter format = new DataFormatter();
      sheet.getRow(1).forEach(cell -> jwc.add(format.formatCellValue(cell)));
      assertThat(jwc.subList(0, 7)).containsExactly("教务处", "职能部门", "3", "1", "1", "1", "33.3%");
      assertThat(jwc).contains("良好", "合格", "予以问责");
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
    }
    download("wangfang", "/api/reports/" + YEAR + "/attainment", HttpStatus.FORBIDDEN);

    JsonNode started = http.withBasicAuth("zhouqiang", "zhengai2026").postForObject("/api/reports/" + YEAR + "/runs", null,
        JsonNode.class);
    assertThat(started.get("total").asInt()).isEqualTo(3);
    JsonNode progress = started;
    for (int poll = 0; poll < 300 && !progress.get("finished").asBoolean(); poll++) {
      Thread.sleep(100);
      progress = http.withBasicAuth("zhouqiang", "zhengai2026").getForObject("/api/reports/" + YEAR + "/runs", JsonNode.class);
    }
    assertThat(progress.get("finished").asBoolean()).isTrue();
    assertThat(progress.get("error").isNull()).isTrue();
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
        download("zhouqiang", "/api/reports/" + YEAR + "/runs/result", HttpStatus.OK)))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    assertThat(names).containsExactly("教务处 2031年度自我诊断报告.docx", "人事处 2031年度自我诊断报告.docx",
        "信息中心 2031年度自我诊断报告.docx");
  }

  private byte[] download(String user, String path, HttpStatus expected) {
    ResponseEntity<byte[]> response = http.withBasicAuth(user, "zhengai2026").getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path + " as " + user).isEqualTo(expected);
    return response.getBody();
  }

  private ResponseEntity<JsonNode> submit(String user, byte[] file) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    if (file != null) {
      form.add("file", new ByteArrayResource(file) {
        @Override
        public String getFilename() {
          return "质量年报.docx";
        }
      });
    }
    form.add("note", "已编写叙述部分");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "zhengai2026").postForEntity("/api/reports/" + YEAR + "/annual/versions",
        new HttpEntity<>(form, headers), JsonNode.class);
  }

  private void target(String code, String name, String measure, String target, String standard, String warning, String current,
      String unit, String earlier) {
    jdbc.update("INSERT INTO target (code, name, plan_id, unit_of_measure, comparison, target_value, standard_value, warning_value,"
        + " current_value, owner_unit_id, target_period, earlier_values, cycle_year, updated_by, updated_at) VALUES (?, ?,"
        + " (SELECT id FROM plan WHERE name = ?), ?, '>=', ?, ?, ?, ?, ?, ?, ?, ?, 'test', CURRENT_TIMESTAMP)", code, name, PLAN,
        measure, new java.math.BigDecimal(target), new java.math.BigDecimal(standard), new java.math.BigDecimal(warning),
        new java.math.BigDecimal(current), unit, YEAR + "年", earlier, YEAR);
  }

  private long task(String unit, String title, LocalDate deadline) {
    jdbc.update("INSERT INTO work_task (plan_year, source, kind, title, unit_id, person, deadline, entered_on, updated_by, updated_at)"
        + " VALUES (?, '年度重点工作', 'KEY', ?, ?, '张老师', ?, ?, 'test', CURRENT_TIMESTAMP)", YEAR, title, unit, deadline,
        LocalDate.of(YEAR, 1, 1));
    return jdbc.queryForObject("SELECT id FROM work_task WHERE plan_year = ? AND unit_id = ? AND title = ?", Long.class, YEAR,
        unit, title);
  }

  private void progress(long task, LocalDate on, int percent) {
    jdbc.update("INSERT INTO task_progress (task_id, reported_on, percent, reported_by, reported_at) VALUES (?, ?, ?, 'test',"
        + " CURRENT_TIMESTAMP)", task, on, percent);
  }

  /** The document's parts but its properties (which hold when it was made), as text. */
  private static List<String> parts(byte[] docx) throws Exception {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> parts = new ArrayList<>();
      for (PackagePart part : document.getPackage().getParts()) {
        String name = part.getPartName().getName();
        if (!name.startsWith("/docProps/") && !name.endsWith(".xlsx")) {
          parts.add(name + "\n" + new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return parts;
    }
  }
}
