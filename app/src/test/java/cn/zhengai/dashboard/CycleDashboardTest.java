package cn.zhengai.dashboard;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.browser.Browser;
import cn.zhengai.browser.BrowserTestSupport;
import cn.zhengai.monitoring.MonitoringCheckpoints;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import cn.zhengai.processes.TaskEscalationProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.Assessment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 诊改驾驶舱: next year's annual work plan round with units in different steps — 教务处 submitted (waiting for
 * 院办), 人事处 returned, 信息中心 approved, 学工处 overdue and escalated to 质管办, the rest still to submit — and a
 * monthly checkpoint of 教务处 with a warning under correction and a year-end grade. Through HTTP as each role, and in
 * Cockpit in a real browser as 质管办.
 */
@AppTest
class CycleDashboardTest extends BrowserTestSupport {

  /** Next year: always one of the years the page offers, and its round may still be opened. */
  static final int YEAR = Year.now().getValue() + 1;

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired MonitoringCheckpoints checkpoints;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewStore reviews;

  private String round;
  private String checkpoint;

  @BeforeEach
  void aRoundWithUnitsInDifferentSteps() {
    // each test starts from a year with no history of an earlier test's rounds
    List<String> ended = historyService.createHistoricProcessInstanceQuery().finished().list().stream()
        .map(HistoricProcessInstance::getId).toList();
    if (!ended.isEmpty()) {
      historyService.deleteHistoricProcessInstances(ended);
    }
    jdbc.update("DELETE FROM escalation_record");
    jdbc.update("DELETE FROM deviation_warning");
    jdbc.update("DELETE FROM spiral_review");
    jdbc.update("DELETE FROM work_task WHERE plan_year = ? AND title = '完成 3 个专业人才培养方案修订'", YEAR);

    round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY,
        Map.of(AnnualWorkPlanProcess.Variables.YEAR.name(), YEAR, SUBMISSION_DUE_DATE.name(), YEAR + "-03-31")).getId();
    for (String unit : List.of("jwc", "rsc", "xxzx")) {
      // the unit's plan is its key tasks in 表5
      jdbc.update("INSERT INTO work_task (plan_year, source, kind, title, unit_id, measures, deadline, updated_by, updated_at)"
          + " VALUES (?, '年度重点工作', 'KEY', '完成 3 个专业人才培养方案修订', ?, '对标专业教学标准逐项修订', ?, 'test', CURRENT_TIMESTAMP)",
          YEAR, unit, LocalDate.of(YEAR, 12, 31));
      taskService.complete(unitTask(Elements.TASK_SUBMIT_WORK_PLAN, unit), Map.of());
    }
    taskService.complete(unitTask(Elements.TASK_REVIEW_WORK_PLAN, "rsc"), Map.of(DECISION.name(), DECISION_RETURN,
        RETURN_REASON.name(), "预期目标不可测，请写明指标值", REVISION_DUE_DATE.name(), YEAR + "-04-15"));
    taskService.complete(unitTask(Elements.TASK_REVIEW_WORK_PLAN, "xxzx"), Map.of(DECISION.name(), DECISION_APPROVE));
    // 学工处 lets its due date pass: the task's escalation ladder reminds it, then escalates it to 质管办
    Task late = taskService.createTaskQuery().taskId(unitTask(Elements.TASK_SUBMIT_WORK_PLAN, "xgc")).singleResult();
    late.setDueDate(new Date(System.currentTimeMillis() - Duration.ofDays(2).toMillis()));
    taskService.saveTask(late);
    String ladder = runtimeService.createProcessInstanceQuery().processDefinitionKey(TaskEscalationProcess.KEY)
        .processInstanceBusinessKey(late.getId()).singleResult().getId();
    for (String rung : List.of(TaskEscalationProcess.Elements.TIMER_BEFORE_DUE, TaskEscalationProcess.Elements.TIMER_DUE)) {
      managementService.executeJob(managementService.createJobQuery().processInstanceId(ladder).activityId(rung).singleResult().getId());
    }

    // 教务处's April checkpoint found a deviation that is being corrected; its year-end grade is in
    checkpoints.start(YEAR, LocalDate.of(YEAR, 4, 30), List.of("jwc"));
    checkpoint = runtimeService.createProcessInstanceQuery().processDefinitionKey(MonitoringCheckpointProcess.KEY)
        .processInstanceBusinessKey(YEAR + "-04/jwc").singleResult().getId();
    managementService.createJobQuery().processInstanceId(checkpoint).list().forEach(job -> managementService.executeJob(job.getId()));
    jdbc.update("INSERT INTO deviation_warning (plan_year, checkpoint, unit_id, kind, subject, process_instance_id, raised_at)"
        + " VALUES (?, ?, 'jwc', 'TASK_BEHIND', '人才培养方案修订滞后', ?, CURRENT_TIMESTAMP)", YEAR, LocalDate.of(YEAR, 4, 30), checkpoint);
    reviews.record(Subject.unit("jwc"), Period.year(YEAR), new Assessment("良好", "人才培养方案修订按期完成", "zhouqiang"), Instant.now());
  }

  /** Ends the checkpoint before the rounds are cleared: its task's escalation ladder ends with it. */
  @AfterEach
  void endTheCheckpoint() {
    runtimeService.deleteProcessInstance(checkpoint, "test");
  }

  @Test
  void theBoardShowsWhereEachUnitStandsAndEachViewerSeesOnlyWhatTheyMay() {
    JsonNode board = EngineRest.as(http, "zhouqiang").get("/api/dashboard/cycles/" + YEAR).expect(200).json();
    assertThat(board.get("allUnits").asBoolean()).isTrue();
    JsonNode plans = process(board, AnnualWorkPlanProcess.KEY);
    assertThat(plans.get("name").asText()).isEqualTo("年度工作计划");
    assertThat(texts(plans.get("steps"), "name")).containsSubsequence("提交年度工作计划", "审核年度工作计划", "修改年度工作计划");
    assertThat(plans.get("rows")).hasSize(19);
    assertThat(status(plans, "jwc")).isEqualTo("SUBMITTED");
    assertThat(row(plans, "jwc").at("/status/detail").asText()).contains("审核年度工作计划", "院办");
    assertThat(row(plans, "jwc").at("/cells/" + Elements.TASK_SUBMIT_WORK_PLAN + "/state").asText()).isEqualTo("DONE");
    assertThat(row(plans, "jwc").at("/cells/" + Elements.TASK_REVIEW_WORK_PLAN + "/taskId").asText())
        .isEqualTo(unitTask(Elements.TASK_REVIEW_WORK_PLAN, "jwc"));
    assertThat(row(plans, "jwc").get("activityInstanceId").asText()).as("the unit's sub-process, for Cockpit")
        .startsWith(Elements.SUB_PROCESS_UNIT_PLAN + ":");
    assertThat(status(plans, "rsc")).isEqualTo("RETURNED");
    assertThat(row(plans, "rsc").at("/status/detail").asText()).contains("预期目标不可测，请写明指标值");
    assertThat(status(plans, "xxzx")).isEqualTo("DONE");
    assertThat(row(plans, "xxzx").get("running").asBoolean()).as("the round still runs for the other units").isTrue();
    assertThat(status(plans, "xgc")).isEqualTo("OVERDUE");
    assertThat(row(plans, "xgc").at("/escalation/label").asText()).isEqualTo("已升级至质管办");
    assertThat(row(plans, "xgc").at("/cells/" + Elements.TASK_SUBMIT_WORK_PLAN + "/state").asText()).isEqualTo("OVERDUE");
    assertThat(status(plans, "jcc")).isEqualTo("WITH_UNIT");

    JsonNode monitoring = process(board, MonitoringCheckpointProcess.KEY);
    assertThat(monitoring.get("rows")).hasSize(1);
    assertThat(status(monitoring, "jwc")).isEqualTo("WITH_UNIT");
    assertThat(row(monitoring, "jwc").get("processInstanceId").asText()).isEqualTo(checkpoint);
    JsonNode jwc = unit(board, "jwc");
    assertThat(jwc.at("/processes/" + AnnualWorkPlanProcess.KEY + "/code").asText()).isEqualTo("SUBMITTED");
    assertThat(jwc.get("openWarnings").asInt()).isEqualTo(1);
    assertThat(jwc.get("corrections").asInt()).isEqualTo(1);
    assertThat(jwc.get("openWarningInstanceId").asText()).isEqualTo(checkpoint);
    assertThat(jwc.get("grade").asText()).isEqualTo("良好");
    assertThat(unit(board, "xgc").at("/escalation/stage").asText()).isEqualTo("QA_OFFICE");

    // 王芳 heads 教务处: her own unit, nothing of the others'
    JsonNode own = EngineRest.as(http, "wangfang").get("/api/dashboard/cycles/" + YEAR).expect(200).json();
    assertThat(own.get("allUnits").asBoolean()).isFalse();
    assertThat(texts(own.get("units"), "unit")).containsExactly("jwc");
    own.get("processes").forEach(process -> assertThat(texts(process.get("rows"), "unit")).containsOnly("jwc"));
    assertThat(status(process(own, AnnualWorkPlanProcess.KEY), "jwc")).isEqualTo("SUBMITTED");
    assertThat(own.toString()).doesNotContain("人事处", "预期目标不可测");

    assertThat(EngineRest.as(http, "zhangxiaoyu").get("/api/dashboard/cycles/" + YEAR).expect(403).json().get("message").asText())
        .isEqualTo("无权查看诊改驾驶舱：仅限 质管办、质量保证领导小组、部门负责人 及系统管理员");
    assertThat(EngineRest.as(http, "zhouqiang").get("/api/dashboard/cycles/1999").expect(400).json().get("message").asText())
        .contains("1999");
  }

  @Test
  void eachMajorHasARowOfItsOwnBelowItsUnit() {
    List<String> years = new ArrayList<>();
    for (String major : List.of("500211", "460702")) {
      String year = runtimeService.startProcessInstanceByKey(MajorAnnualDiagnosisProcess.KEY, Map.of(
          MajorAnnualDiagnosisProcess.Variables.YEAR.name(), YEAR, MajorAnnualDiagnosisProcess.Variables.MAJOR.name(), major)).getId();
      managementService.createJobQuery().processInstanceId(year).list().forEach(job -> managementService.executeJob(job.getId()));
      years.add(year);
    }
    // 汽车检测与维修技术 has diagnosed itself; 新能源汽车技术 has not
    taskService.complete(taskService.createTaskQuery().processInstanceId(years.get(0)).singleResult().getId(), Map.of(
        "problems", "校企合作不足", "causes", "企业参与少", "improvementMeasures", "共建课程", "objectiveRevision", "增加新能源方向",
        "curriculumImprovement", "新增电池检测课程", "selfGrade", "良好"));

    JsonNode board = EngineRest.as(http, "xujun").get("/api/dashboard/cycles/" + YEAR).expect(200).json();
    JsonNode majors = process(board, MajorAnnualDiagnosisProcess.KEY);
    assertThat(majors.get("name").asText()).isEqualTo("专业年度自我诊断");
    assertThat(texts(majors.get("rows"), "subject")).containsExactly("460702 新能源汽车技术", "500211 汽车检测与维修技术");
    assertThat(texts(majors.get("rows"), "unit")).containsOnly("qcxy");
    assertThat(stream(majors.get("rows")).map(row -> row.at("/status/code").asText())).containsExactly("WITH_UNIT", "SUBMITTED");
    assertThat(majors.get("rows").get(1).at("/status/detail").asText()).contains("二级学院审核专业诊断");
    assertThat(texts(majors.get("rows"), "report")).as("each major's report of the year")
        .containsExactly("/api/reports/" + YEAR + "/majors/460702", "/api/reports/" + YEAR + "/majors/500211");
    assertThat(stream(board.get("units")).filter(unit -> unit.at("/processes/" + MajorAnnualDiagnosisProcess.KEY).isMissingNode()))
        .as("a unit's line shows its own states, not its majors'").hasSize(board.get("units").size());
    years.forEach(year -> runtimeService.deleteProcessInstance(year, "test"));
  }

  @Test
  void theQaOfficeOpensTheBoardInCockpitAndGoesToAUnitsInstanceAndTask() {
    List<LogEntry> console = new ArrayList<>();
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      Browser.logIn(browser, "zhouqiang");
      // the start page offers the board; Cockpit's menu leads to it as well
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '打开诊改驾驶舱']")));
      Browser.keep(browser, "cockpit-dashboard-start-page");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '诊改驾驶舱']"))).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[normalize-space(.) = '诊改驾驶舱']")));
      Select year = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("zg-year"))));
      assertThat(year.getFirstSelectedOption().getAttribute("value")).as("the current year first")
          .isEqualTo(String.valueOf(Year.now().getValue()));
      year.selectByValue(String.valueOf(YEAR));

      String plans = "//section[@data-process='" + AnnualWorkPlanProcess.KEY + "']";
      assertThat(rowText(wait, plans, "jwc")).contains("教务处", "已提交");
      assertThat(rowText(wait, plans, "rsc")).contains("人事处", "已退回", "预期目标不可测");
      assertThat(rowText(wait, plans, "xxzx")).contains("信息中心", "已完成");
      assertThat(rowText(wait, plans, "xgc")).contains("学工处", "逾期", "已升级至质管办");
      assertThat(rowText(wait, "//table[contains(@class, 'zg-overview')]", "jwc")).contains("1 / 1", "良好");
      // each unit's report downloads with the viewer's session; the year's 报告 page is a click away
      WebElement report = browser.findElement(By.xpath("//table[contains(@class, 'zg-overview')]//tr[@data-unit='jwc']//a[@class='zg-report']"));
      assertThat(report.getAttribute("href")).endsWith("/api/reports/" + YEAR + "/units/jwc");
      assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
          + " fetch(arguments[0], { credentials: 'same-origin' }).then(r => done(r.status + ' ' + r.headers.get('Content-Disposition')));",
          report.getAttribute("href"))).asString().startsWith("200 attachment").contains(".docx");
      assertThat(browser.findElement(By.id("zg-reports")).getAttribute("href")).endsWith("/reports?year=" + YEAR);
      console.addAll(browser.manage().logs().get(LogType.BROWSER).getAll());
      Browser.keep(browser, "cockpit-dashboard");

      // the unit's name opens its instance in Cockpit, with the unit's open task selected
      browser.findElement(By.xpath(plans + "//tr[@data-unit='jwc']/th/a")).click();
      wait.until(ExpectedConditions.urlContains("/process-instance/" + round + "/runtime"));
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".zg-board")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//body[contains(normalize-space(.), '单位年度工作计划')]")));
      // the unit's sub-process is selected: its variables, not the other units'
      assertThat(browser.getCurrentUrl()).contains("activityInstanceIdIn").contains(Elements.SUB_PROCESS_UNIT_PLAN);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//table//td[contains(normalize-space(.), '教务处')]")));
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("人事处");
      console.addAll(browser.manage().logs().get(LogType.BROWSER).getAll());
      Browser.keep(browser, "cockpit-dashboard-instance");

      // an open step opens the task in Tasklist
      browser.navigate().back();
      String reviewCell = plans + "//tr[@data-unit='jwc']/td[@data-step='" + Elements.TASK_REVIEW_WORK_PLAN + "']/a";
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath(reviewCell))).click();
      wait.until(ExpectedConditions.urlContains("/app/tasklist/default/#/?task=" + unitTask(Elements.TASK_REVIEW_WORK_PLAN, "jwc")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//form//label[contains(normalize-space(.), '审核结论')]")));
      console.addAll(browser.manage().logs().get(LogType.BROWSER).getAll());
      Browser.keep(browser, "cockpit-dashboard-task");
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "cockpit-dashboard-failure");
      throw e;
    }
    assertThat(console.stream().filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()))
        .as("browser console errors").isEmpty();
  }

  private String rowText(WebDriverWait wait, String table, String unit) {
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(table + "//tr[@data-unit='" + unit + "']")));
    return row.getText();
  }

  /** A unit's task of the round at an activity. */
  private String unitTask(String activityId, String unit) {
    return taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(activityId).list().stream()
        .filter(task -> unit.equals(taskService.getVariable(task.getId(), UNIT.name()))).findFirst().orElseThrow().getId();
  }

  private static JsonNode process(JsonNode board, String key) {
    return stream(board.get("processes")).filter(process -> key.equals(process.get("key").asText())).findFirst().orElseThrow();
  }

  private static JsonNode row(JsonNode process, String unit) {
    return stream(process.get("rows")).filter(row -> unit.equals(row.get("unit").asText())).findFirst().orElseThrow();
  }

  private static String status(JsonNode process, String unit) {
    return row(process, unit).at("/status/code").asText();
  }

  private static JsonNode unit(JsonNode board, String unit) {
    return stream(board.get("units")).filter(summary -> unit.equals(summary.get("unit").asText())).findFirst().orElseThrow();
  }

  private static List<String> texts(JsonNode array, String field) {
    return stream(array).map(node -> node.get(field).asText()).toList();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
