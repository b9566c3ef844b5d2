package cn.zhengai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualQualityReportProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.processes.AnnualWorkPlanProcess.Variables;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import cn.zhengai.support.TableRows;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The year's end in Tasklist: a unit assesses itself beside its measured figures and downloads its self-diagnosis
 * report, a major leader diagnoses the major and its 二级学院 reviews it, 质管办 writes the annual quality report and the
 * leading group approves it.
 */
@AppTest
class TasklistYearEndBrowserTest extends TasklistTestSupport {

  @Autowired ManagementService managementService;
  @Autowired ReviewStore reviews;

  /** 教务处's 2028 at its year-end review, the figures measured: a target past its value, a task overdue without a report. */
  private String jwcAtYearEndOf2028() {
    Map<String, Object> target = new HashMap<>(Map.of("code", "T2028-JW-88", "name", "毕业率", "plan", "专业建设规划", "unitOfMeasure", "%",
        "comparison", "≥", "targetValue", "95", "standardValue", "90", "warningValue", "92", "owner", "教务处", "period", "2028年"));
    target.putAll(Map.of("cycleYear", "2028", "currentValue", "97"));
    EngineRest.as(http, "liming").post("/api/planning/targets", target).expect(201);
    EngineRest.as(http, "wangfang").post("/api/planning/key-tasks?year=2028", Map.of("title", "建设课程思政示范课", "lead", "教务处",
        "unit", "教务处", "measures", "按月推进", "deadline", "2028-06-30")).expect(201);
    // the 2028 cycle, moved on to its year-end review of 教务处 alone; the figures are measured first
    String cycle = runtimeService.startProcessInstanceByKey(SchoolAnnualCycleProcess.KEY, Map.of(SchoolAnnualCycleProcess.Variables.YEAR.name(), 2028))
        .getId();
    runtimeService.createProcessInstanceModification(cycle)
        .startBeforeActivity(SchoolAnnualCycleProcess.Elements.SUB_PROCESS_UNIT_REVIEW + "#multiInstanceBody")
        .setVariable(SchoolAnnualCycleProcess.Variables.REVIEW_UNITS.name(), List.of("jwc")).execute();
    managementService.createJobQuery().processInstanceId(cycle).activityId(SchoolAnnualCycleProcess.Elements.TASK_MEASURE_ATTAINMENT).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    return cycle;
  }


  /** A head writes a key task's 工作成效 in 表5 (the workbench's call). */
  private void writeOutcome(String head, int year, String title, String outcome) {
    JsonNode task = StreamSupport.stream(EngineRest.as(http, head).get("/api/planning/key-tasks?year=" + year).expect(200).json()
        .spliterator(), false).filter(row -> row.get("title").asText().equals(title)).findFirst().orElseThrow();
    TableRows.change(EngineRest.as(http, head), "/api/planning/key-tasks", task, "outcome", outcome);
  }


  /** The shared app keeps its database: the rows these tests entered go, so no later class finds them. */
  @AfterEach
  void removeWhatTheTestsEntered() {
    jdbc.update("DELETE FROM work_task WHERE plan_year = 2028 AND title = '建设课程思政示范课'");
    jdbc.update("DELETE FROM target WHERE code = 'T2028-JW-88'");
    jdbc.update("DELETE FROM spiral_review WHERE period_code = '2028' AND subject_id = 'jwc'");
    jdbc.update("DELETE FROM spiral_review WHERE level = 'MAJOR' AND period_code = '2034'");
    jdbc.update("DELETE FROM process_round WHERE business_key = '2034/500211'");
    jdbc.update("DELETE FROM major_assessment_slot");
  }

  @Test
  void aUnitAssessesItselfBesideItsFiguresMeasuredAtYearEnd() {
    String cycle = jwcAtYearEndOf2028();
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "wangfang");
      openTask(wait, "单位自我诊断");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
      assertThat(shown(wait, "数据测算结果")).startsWith("截至 2028-12-01：目标 1 项，达成 1 项；任务 1 项，按期完成 0 项，逾期 1 项")
          .contains("· T2028-JW-88 毕业率（97，目标 ≥ 95） 达成", "· 任务 建设课程思政示范课（截止 2028-06-30）：逾期");
      fill(wait, "自我诊断", "毕业率达成，课程思政示范课未按期完成");
      fill(wait, "工作成效", "毕业率 97%");
      choose(wait, "合格");
      wait.until(driver -> driver.findElements(By.cssSelector("form input[type='radio']")).stream()
          .anyMatch(WebElement::isSelected));
      keepWithoutConsoleErrors("tasklist-self-assessment-with-figures");
      // 表5's 工作成效 is asked task by task: the form leads to 表5 and is refused while a key task has none
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//form//a[contains(., '重点任务（表5）的工作成效')]")))
          .getAttribute("href")).endsWith("/workbench?table=key-tasks&year=2028&unit=jwc");
      completeForm(wait);
      wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//*[contains(@class, 'alert')][contains(., '尚未填写工作成效：「建设课程思政示范课」')]")));
      Browser.keep(browser, "tasklist-self-assessment-without-outcomes");
      writeOutcome("wangfang", 2028, "建设课程思政示范课", "完成 2 门示范课，第三门延至次年");
      // the person closes the message, which covers the form's buttons, and completes the task again
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page-notifications .alert button.close:not(.ng-hide)"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
      completeForm(wait);
      wait.until(driver -> taskService.createTaskQuery().processInstanceId(cycle)
          .taskDefinitionKey(SchoolAnnualCycleProcess.Elements.TASK_DIAGNOSE_UNIT).count() == 1);
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-self-assessment-failure");
      throw e;
    }
    Review.SelfAssessment kept = reviews.find(Subject.unit("jwc"), Period.year(2028)).orElseThrow().selfAssessment();
    assertThat(kept).isEqualTo(new Review.SelfAssessment("毕业率达成，课程思政示范课未按期完成", "毕业率 97%", "合格"));
  }

  @Test
  void aMajorLeaderDiagnosesTheMajorInTasklistAndReadsItsAssessmentYearOnTheRotationPage() {
    String year = runtimeService.startProcessInstanceByKey(MajorAnnualDiagnosisProcess.KEY, Map.of(
        MajorAnnualDiagnosisProcess.Variables.YEAR.name(), 2034, MajorAnnualDiagnosisProcess.Variables.MAJOR.name(), "500211")).getId();
    managementService.createJobQuery().processInstanceId(year).list().forEach(job -> managementService.executeJob(job.getId()));

    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "hetao");
      openTask(wait, "专业自我诊断");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
      assertThat(shown(wait, "本年度目标与指标达成情况")).contains("专业目标 0 项").contains("请对照专业教学标准自行说明");
      assertThat(shown(wait, "专业")).isEqualTo("汽车检测与维修技术");
      fill(wait, "存在问题", "新能源方向课程不足");
      fill(wait, "原因分析", "师资转型慢");
      // the required field, not 上一年度的改进措施 shown above it
      fill(wait, "改进措施*", "引进企业兼职教师");
      fill(wait, "修正培养目标", "增加新能源车检测能力");
      fill(wait, "完善课程体系", "新增动力电池检测课程");
      choose(wait, "良好");
      keepWithoutConsoleErrors("tasklist-major-self-diagnosis");
      completeForm(wait);
      wait.until(driver -> taskService.createTaskQuery().processInstanceId(year)
          .taskDefinitionKey(MajorAnnualDiagnosisProcess.Elements.TASK_REVIEW_BY_WORKING_GROUP).count() == 1);

      browser.get("http://localhost:" + port + "/majors/rotation?period=2034-2036");
      WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rotation tr[data-code='500211']")));
      assertThat(row.getText()).startsWith("500211 汽车检测与维修技术 汽车工程学院 203").endsWith("未开始");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("专业考核性诊断轮次：2034—2036年");
      keepWithoutConsoleErrors("major-rotation-page");

      // a member of the 二级学院's working group, not its head, reviews it with the major's report of the year a tab away
      browser.manage().deleteAllCookies();
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "caolei");
      openTask(wait, "二级学院审核专业诊断");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '诊断报告']"))).click();
      WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.zhengai-report-link")));
      assertThat(report.getText()).isEqualTo("下载汽车检测与维修技术 2034 年度专业自我诊断报告（Word）");
      assertThat(report.getAttribute("href")).endsWith("/api/reports/2034/majors/500211");
      keepWithoutConsoleErrors("tasklist-major-report");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '表单']"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
      choose(wait, "通过");
      keepWithoutConsoleErrors("tasklist-major-working-group-review");
      completeForm(wait);
      wait.until(driver -> taskService.createTaskQuery().processInstanceId(year)
          .taskDefinitionKey(MajorAnnualDiagnosisProcess.Elements.TASK_ACCEPT_BY_ACADEMIC_AFFAIRS).count() == 1);
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-major-self-diagnosis-failure");
      throw e;
    }
    Review.Improvement kept = reviews.find(Subject.major("500211"), Period.year(2034)).orElseThrow().improvement();
    assertThat(kept.measures()).isEqualTo("引进企业兼职教师");
    assertThat(kept.nextTargets()).isEqualTo("修正培养目标：增加新能源车检测能力\n完善课程体系：新增动力电池检测课程");
  }

  @Test
  void aUnitHeadDownloadsItsSelfDiagnosisReportFromItsYearEndTask() throws Exception {
    String cycle = jwcAtYearEndOf2028();
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "wangfang");
      openTask(wait, "单位自我诊断");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '诊断报告']"))).click();
      WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.zhengai-report-link")));
      assertThat(report.getText()).isEqualTo("下载教务处 2028 年度自我诊断报告（Word）");
      keepWithoutConsoleErrors("tasklist-task-report");
      // the browser downloads what the link points at, with the person's session
      String downloaded = (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))"
          + ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })"
          + ".catch(e => done('失败 ' + e));", report.getAttribute("href"));
      try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(Base64.getDecoder().decode(downloaded)))) {
        assertThat(new XWPFWordExtractor(document).getText()).contains("教务处 2028年度自我诊断报告", "T2028-JW-88", "毕业率");
      }
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-task-report-failure");
      throw e;
    } finally {
      runtimeService.deleteProcessInstance(cycle, "test");
    }
  }

  @Test
  void theQaOfficeWritesTheAnnualReportInItsTaskAndTheLeadingGroupApprovesItInTasklist() throws Exception {
    int year = 2035;
    Path edited = Files.createTempFile("annual-report", ".docx");
    byte[] uploaded = http.withBasicAuth("zhouqiang", "zhengai2026").getForObject("/api/reports/" + year + "/annual/draft",
        byte[].class);
    Files.write(edited, uploaded);
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      // 质管办 starts the year's round on the 报告 page and goes to its task
      browser.get(url("/reports?year=" + year));
      Browser.logIn(browser, "zhouqiang");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#annual-round-start button"))).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message"))).getText())
          .isEqualTo("已启动 2035 年度质量年报编制：质管办的任务“编写质量年报”已在任务列表中。");
      assertThat(browser.findElements(By.id("annual-submit"))).as("submitted on the page only while writing").hasSize(1);
      browser.findElement(By.id("annual-round-task")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();
      String toReportsPage = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//form//a[contains(normalize-space(.), '上传编辑后的质量年报')]"))).getAttribute("href");
      assertThat(toReportsPage).endsWith("/reports?year=2035");
      assertThat(browser.findElement(By.xpath("//form//a[contains(normalize-space(.), '质量年报草稿')]")).getAttribute("href"))
          .endsWith("/api/reports/2035/annual/draft");
      keepWithoutConsoleErrors("tasklist-annual-report-write");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '诊断报告']"))).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("a.zhengai-report-link")))
          .stream().map(WebElement::getText)).containsExactly("下载 2035 年度质量年报草稿（Word）",
          "2035 年度报告页（上传编辑后的质量年报、查看各版本）");

      // on the 报告 page the edited document is uploaded, then the task is completed
      browser.get(toReportsPage);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#annual-submit input[type='file']")))
          .sendKeys(edited.toString());
      browser.findElement(By.cssSelector("#annual-submit button")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message"))).getText())
          .isEqualTo("质量年报已提交。请在任务列表中完成“编写质量年报”任务，送质量保证领导小组审批。");
      keepWithoutConsoleErrors("reports-annual-submitted");
      browser.findElement(By.id("annual-round-task")).click();
      completeForm(wait);
      wait.until(driver -> taskService.createTaskQuery().processDefinitionKey(AnnualQualityReportProcess.KEY)
          .taskDefinitionKey(AnnualQualityReportProcess.Elements.TASK_APPROVE_REPORT).count() == 1);

      // the leading group approves in Tasklist, which publishes what 质管办 submitted
      browser.manage().deleteAllCookies();
      browser.get(url("/camunda/app/tasklist/default/"));
      Browser.logIn(browser, "sunhua");
      openTask(wait, "审批质量年报");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();
      assertThat(shown(wait, "审定内容")).contains("2035年度教育质量年度报告.docx", "zhouqiang");
      choose(wait, "通过");
      keepWithoutConsoleErrors("tasklist-annual-report-approve");
      completeForm(wait);
      wait.until(driver -> runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualQualityReportProcess.KEY)
          .count() == 0);

      browser.get(url("/reports?year=" + year));
      String checksum = jdbc.queryForObject("SELECT sha256 FROM report_version WHERE period_code = '2035'", String.class);
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("annual-versions"))).getText())
          .contains("第 1 版", "已发布", "sunhua", checksum);
      assertThat(browser.findElements(By.cssSelector("button.publish"))).isEmpty();
      keepWithoutConsoleErrors("reports-annual-published");
      // what was published is the file 质管办 uploaded, byte for byte
      assertThat(jdbc.queryForObject("SELECT content FROM report_version WHERE period_code = '2035'", byte[].class))
          .isEqualTo(uploaded);
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-annual-report-failure");
      throw e;
    } finally {
      Files.deleteIfExists(edited);
      jdbc.update("DELETE FROM report_version WHERE period_code = '2035'");
    }
  }

}
