package cn.zhengai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.PlanningTables;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess.Variables;
import cn.zhengai.integration.excel.ExcelTableWriter;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.support.AppTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff work the chains in the workbench, through the pages only: 院办 follows the link of its task 起草年度目标,
 * enters the year's target and completes the task; a unit head adds a
 * key task, sees the Chinese message next to the wrong value, fixes it, reports progress on the task in 表6, names
 * its person and reads the row's history (old → new), and finds another unit's rows read-only with the owner named.
 */
@AppTest
class WorkbenchBrowserTest extends BrowserTestSupport {

  private static final int YEAR = CollegeTime.today(Clock.systemUTC()).getYear();

  @Autowired PlanningTables tables;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  private WebDriverWait wait;

  @Test
  void thePresidentsOfficeEntersTheYearsTargetFromItsTaskAndCompletesTheTask() {
    int year = YEAR + 1;
    String cycle = runtimeService.startProcessInstanceByKey(SchoolAnnualCycleProcess.KEY, Map.of(Variables.YEAR.name(), year)).getId();
    open("/camunda/app/welcome/default/", "liming");
    try {
      // the welcome page links to the workbench, which opens at the person's unit and the current year
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '工作台']"))).click();
      status("目标指标：");
      assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getText()).isEqualTo("院办");
      assertThat(browser.findElement(By.id("year")).getDomProperty("value")).isEqualTo(String.valueOf(YEAR));

      // the task 起草年度目标 links to the year's targets of every unit
      browser.get(url("/camunda/app/tasklist/default/"));
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(.), '起草年度目标')]"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();
      String tasklist = browser.getWindowHandle();
      wait.until(ExpectedConditions.elementToBeClickable(By.linkText("在工作台中录入 " + year + " 年度的目标指标"))).click();
      browser.getWindowHandles().stream().filter(handle -> !handle.equals(tasklist)).findFirst()
          .ifPresent(workbench -> browser.switchTo().window(workbench));
      status("目标指标：");
      assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getText()).isEqualTo("全部单位");
      assertThat(browser.findElement(By.id("year")).getDomProperty("value")).isEqualTo(String.valueOf(year));

      // 院办 drafts the targets of every unit
      browser.findElement(By.id("add")).click();
      type("new-1", "code", "JW-" + year + "-01");
      type("new-1", "name", "毕业率");
      type("new-1", "plan", "专业建设规划");
      choose("new-1", "comparison", "≥");
      type("new-1", "targetValue", "95");
      type("new-1", "owner", "教务处");
      type("new-1", "period", "年度");
      save("new-1");
      status("已新增一行");
      keep("workbench-target-entered");
      Map<String, Object> target = stored("targets", TableScope.ALL, "code", "JW-" + year + "-01");
      assertThat(target).containsEntry("owner", "教务处").containsEntry("cycleYear", String.valueOf(year))
          .containsEntry("comparison", "≥").containsEntry("plan", "专业建设规划");

      // back in the task: the targets exist, so it completes
      if (!browser.getWindowHandle().equals(tasklist)) {
        browser.close();
        browser.switchTo().window(tasklist);
      } else {
        browser.navigate().back();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(.), '起草年度目标')]"))).click();
      }
      // beside the form, the task shows the rows it is about: the 工作台 at the year's targets
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '相关数据']"))).click();
      browser.switchTo().frame(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("iframe.zhengai-task-data"))));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tabulator"), "JW-" + year + "-01"));
      browser.switchTo().defaultContent();
      keep("workbench-in-task");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '表单']"))).click();
      WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//form//label[contains(normalize-space(.), '起草说明')]")));
      browser.findElement(By.id(note.getDomAttribute("for"))).sendKeys("依据专业建设规划起草教务处的年度目标");
      String draft = taskService.createTaskQuery().processInstanceId(cycle)
          .taskDefinitionKey(SchoolAnnualCycleProcess.Elements.TASK_DRAFT_TARGETS).singleResult().getId();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();
      wait.until(driver -> taskService.createTaskQuery().processInstanceId(cycle)
          .taskDefinitionKey(SchoolAnnualCycleProcess.Elements.TASK_APPROVE_TARGETS).count() == 1);
      keep("workbench-draft-targets-completed");
      // Tasklist may ask once more for the task it has just completed (404) while it redraws; nothing else may fail
      assertNoConsoleErrors("/task/" + draft + " - Failed to load resource: the server responded with a status of 404");
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "workbench-target-failure");
      throw e;
    }
  }

  @Test
  void aUnitHeadFixesAKeyTaskAfterTheChineseMessageReportsProgressAndReadsOtherUnitsRows() {
    String title = "建成智慧教室 20 间";
    open("/camunda/app/tasklist/default/", "wangfang");
    try {
      // Tasklist's header links to the workbench, which opens at the person's unit
      workbenchLinkInTasklist().click();
      status("目标指标：");
      assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getText()).isEqualTo("教务处");
      // the reports the person may read are one click away
      assertThat(browser.findElement(By.id("reports-link")).getDomProperty("href")).isEqualTo(url("/reports"));
      // a link from a task opens the table, year and unit it names
      browser.get(url("/workbench?table=key-tasks&year=" + YEAR));
      status("表5");
      browser.findElement(By.id("add")).click();
      type("new-1", "title", title);
      type("new-1", "deadline", "年底前");
      save("new-1");
      WebElement note = wait.until(driver -> text(cell("new-1", "_note")).contains("完成时限") ? cell("new-1", "_note") : null);
      assertThat(note.getText()).contains("不是日期");
      assertThat(cell("new-1", "deadline").getDomAttribute("class")).contains("cell-problem");
      keep("workbench-key-task-problem");

      type("new-1", "deadline", YEAR + "-11-30");
      save("new-1");
      status("已新增一行");
      Map<String, Object> task = stored("key-tasks", new TableScope(YEAR), "title", title);
      assertThat(task).containsEntry("unit", "教务处").containsEntry("deadline", YEAR + "-11-30");
      String key = String.valueOf(task.get("id"));
      wait.until(driver -> text(cell(key, "_note")).equals("可修改"));
      keep("workbench-key-task-saved");

      // the same task in 表6: progress and the month states
      browser.get(url("/workbench?table=task-tracking&year=" + YEAR + "&unit=教务处"));
      status("表6");
      cell(key, "_note").click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("progress-form")));
      browser.findElement(By.id("progress-percent")).sendKeys("40");
      browser.findElement(By.id("progress-note")).sendKeys("已完成 8 间");
      browser.findElement(By.id("progress-submit")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-message"), "已填报：完成 40%"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-reports"), "完成 40%：已完成 8 间（wangfang）"));
      keep("workbench-progress-reported");

      // the task given to a person (重点任务落实到岗到人): the row's history shows who, when, old → new
      type(key, "person", "张老师");
      status("已保存：责任人");
      cell(key, "_note").click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "wangfang 修改"));
      assertThat(browser.findElement(By.id("history")).getText()).contains("责任人：（空） → 张老师", "wangfang 新建",
          "完成时限：" + YEAR + "-11-30");
      keep("workbench-history");
      assertThat(jdbc.queryForObject("SELECT percent FROM task_progress WHERE task_id = ?", Integer.class, task.get("id"))).isEqualTo(40);

      // a history longer than a page: the newest changes first, 加载更多 brings the older ones, nothing is cut off
      Map<String, Object> created = jdbc.queryForMap("SELECT table_id, row_key FROM planning_change WHERE row_key LIKE ?"
          + " AND action = 'CREATED'", "%" + title + "%");
      for (int draft = 1; draft <= 25; draft++) {
        jdbc.update("INSERT INTO planning_change (table_id, row_key, action, changed_by, changed_at, cells) VALUES (?, ?, 'CHANGED',"
            + " 'zhouqiang', ?, ?)", created.get("table_id"), created.get("row_key"),
            java.time.OffsetDateTime.now().plusMinutes(draft), "[{\"column\":\"主要措施\",\"before\":\"第 " + draft
            + " 稿\",\"after\":\"第 " + (draft + 1) + " 稿\"}]");
      }
      int total = jdbc.queryForObject("SELECT COUNT(*) FROM planning_change WHERE row_key = ?", Integer.class, created.get("row_key"));
      cell(key, "_note").click();
      WebElement more = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#history .load-more")));
      assertThat(more.getText()).isEqualTo("加载更多（共 " + total + " 条，已显示 20 条）");
      assertThat(browser.findElement(By.id("history")).getText()).contains("主要措施：第 25 稿 → 第 26 稿").doesNotContain("wangfang 新建");
      keep("workbench-history-first-page");
      more.click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "wangfang 新建"));
      assertThat(browser.findElements(By.cssSelector("#history > li"))).hasSize(total);
      assertThat(browser.findElements(By.cssSelector("#history .load-more"))).isEmpty();
      keep("workbench-history-all-pages");

      // another unit's plan: read-only, its owner named
      browser.get(url("/workbench?table=plans&unit="));
      status("表4");
      String other = String.valueOf(stored("plans", TableScope.ALL, "name", "师资队伍建设规划").get("id"));
      assertThat(text(cell(other, "_note"))).isEqualTo("只读：属于「人事处」");
      click(cell(other, "name"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-owner"), "只读：此行属于「人事处」"));
      assertThat(cell(other, "name").findElements(By.cssSelector("input, textarea"))).isEmpty();
      assertThat(cell(other, "_actions").findElements(By.tagName("button"))).isEmpty();
      keep("workbench-other-unit-read-only");
      // the refused key task answered 400, which the browser reports as a failed request; nothing else may fail
      assertNoConsoleErrors("/api/planning/key-tasks?year=" + YEAR);
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "workbench-unit-head-failure");
      throw e;
    }
  }

  @Test
  void aWorkbookWithAWrongRowIsShownInThePreviewAndNothingIsWritten(@TempDir Path folder) throws IOException {
    PlanningTable keyTasks = tables.get("key-tasks");
    Path workbook = folder.resolve("表5.xlsx");
    try (OutputStream out = Files.newOutputStream(workbook)) {
      ExcelTableWriter.write(out, keyTasks.layout(), List.of(
          List.of("修订人才培养方案", "", "", "教务处", "", "", YEAR + "-06-30"),
          List.of("建设虚拟仿真实训室", "", "", "后勤集团", "", "", YEAR + "-12-31")));
    }
    open("/workbench?table=key-tasks&year=" + YEAR, "wangfang");
    try {
      status("表5");
      // the export is saved under its Chinese name (RFC 5987)
      assertThat(browser.findElement(By.id("export")).getDomAttribute("href")).isEqualTo("/api/planning/key-tasks/export?year=" + YEAR);
      Object disposition = ((JavascriptExecutor) browser).executeAsyncScript(
          "fetch('/api/planning/key-tasks/export?year=" + YEAR + "').then(r => arguments[0](r.headers.get('Content-Disposition')));");
      assertThat(disposition.toString()).contains("filename*=UTF-8''" + URLEncoder.encode("表5", StandardCharsets.UTF_8));

      browser.findElement(By.id("import-file")).sendKeys(workbook.toString());
      WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
      WebElement problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview .problems")));
      assertThat(problems.getText()).contains("表5 年度重点工作任务分解", "3", "责任部门", "“后勤集团”不是本校的部门或教学单位");
      assertThat(preview.findElement(By.id("preview-confirm")).isDisplayed()).isFalse();
      keep("workbench-import-preview-problem");
      browser.findElement(By.id("preview-cancel")).click();
      status("已取消导入，未写入任何数据");
      assertThat(keyTasks.rows(new TableScope(YEAR))).noneMatch(row -> row.values().contains("修订人才培养方案"));

      // the file fixed: the preview lists the two new rows, and 确认导入 writes them
      try (OutputStream out = Files.newOutputStream(workbook)) {
        ExcelTableWriter.write(out, keyTasks.layout(), List.of(
            List.of("修订人才培养方案", "", "", "教务处", "", "", YEAR + "-06-30"),
            List.of("建设虚拟仿真实训室", "", "", "教务处", "", "", YEAR + "-12-31")));
      }
      browser.findElement(By.id("import-file")).sendKeys(workbook.toString());
      WebElement created = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview .created")));
      assertThat(created.getText()).contains("修订人才培养方案", "建设虚拟仿真实训室");
      keep("workbench-import-preview-ok");
      wait.until(ExpectedConditions.elementToBeClickable(By.id("preview-confirm"))).click();
      status("新建 2 行");
      assertThat(keyTasks.rows(new TableScope(YEAR)).stream().map(row -> row.value(0)))
          .contains("修订人才培养方案", "建设虚拟仿真实训室");

      // an export taken now goes stale when the row is changed in the grid; the file's own change is then a conflict
      Path export = folder.resolve("表5（导出）.xlsx");
      Files.write(export, exportAs("wangfang", "/api/planning/key-tasks/export?year=" + YEAR));
      String rowId = String.valueOf(keyTasks.rows(new TableScope(YEAR)).stream()
          .filter(row -> row.value(0).equals("修订人才培养方案")).findFirst().orElseThrow().id());
      type(rowId, "measures", "对标专业教学标准修订");
      status("已保存");
      setCell(export, "修订人才培养方案", "措施及目标", "按旧导出修改");
      browser.findElement(By.id("import-file")).sendKeys(export.toString());
      WebElement conflicts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview .conflicts")));
      assertThat(conflicts.getText()).contains("修订人才培养方案", "在导出后已被");
      assertThat(browser.findElement(By.id("preview-confirm")).isDisplayed()).isFalse();
      keep("workbench-import-preview-conflict");
      browser.findElement(By.id("preview-cancel")).click();
      status("已取消导入，未写入任何数据");
      // the refused import answers 400 (or a preview with its problems), which the browser may report as a failed request
      assertNoConsoleErrors("/api/planning/key-tasks/import");
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "workbench-import-failure");
      throw e;
    }
    assertThat(keyTasks.rows(new TableScope(YEAR)).stream().filter(row -> row.value(0).equals("修订人才培养方案")).findFirst()
        .orElseThrow().values()).contains("对标专业教学标准修订").doesNotContain("按旧导出修改");
  }

  @Test
  void theMajorsPageListsEachUnitsMajorsAndPreviewsAWrongSheetWithoutWritingIt(@TempDir Path folder) throws IOException {
    PlanningTable majors = tables.get("majors");
    String inspection = String.valueOf(stored("majors", TableScope.ALL, "code", "500211").get("id"));
    Path workbook = folder.resolve("专业.xlsx");
    try (OutputStream out = Files.newOutputStream(workbook)) {
      ExcelTableWriter.write(out, majors.layout(), List.of(
          List.of("460706", "汽车智能技术", "汽车工程学院", "无名氏", "", "", "2027", "2030", "")));
    }
    open("/workbench?table=majors", "xujun");
    try {
      // the dean's unit and its four majors, every one of which the dean may change
      status("专业：4 行，其中你可以修改 4 行");
      assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getText()).isEqualTo("汽车工程学院");
      assertThat(text(cell(inspection, "name"))).isEqualTo("汽车检测与维修技术");
      assertThat(text(cell(inspection, "leaders"))).isEqualTo("何涛（hetao）");
      assertThat(text(cell(inspection, "chiefTeachers"))).isEqualTo("熊伟（xiongwei）");
      assertThat(text(cell(inspection, "qaGroup"))).isEqualTo("林峰（linfeng）、郭静（guojing）");
      assertThat(text(cell(inspection, "firstGraduationYear"))).isEqualTo("2011");
      assertThat(text(cell(inspection, "_note"))).isEqualTo("可修改");
      keep("workbench-majors");

      browser.findElement(By.id("import-file")).sendKeys(workbook.toString());
      WebElement problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview .problems")));
      assertThat(problems.getText()).contains("专业", "专业（课程）负责人", "“无名氏”不是本校人员的账号或姓名");
      keep("workbench-majors-import-problem");
      browser.findElement(By.id("preview-cancel")).click();
      status("已取消导入，未写入任何数据");
      assertThat(majors.rows(TableScope.ALL)).noneMatch(row -> row.value(0).equals("460706"));

      // every major of the college, under 全部单位
      browser.get(url("/workbench?table=majors&unit="));
      status("专业：17 行，其中你可以修改 4 行");
      assertNoConsoleErrors();
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "workbench-majors-failure");
      throw e;
    }
  }

  @Test
  void theQaOfficeUploadsAnExportOfTheNationalPlatformOnTheDataPageAndReadsItsRuns(@TempDir Path folder) throws IOException {
    String id = Long.toString(System.nanoTime(), 36).toUpperCase();
    CurrentUser qaOffice = new CurrentUser("zhouqiang", List.of("zgb"));
    tables.get("indicators").save(List.of(
        new TableRow(2, null, List.of("STAFF_" + id, "专任教师数 " + id, "人", "学校", "越高越好", "人事处", "", "", "")),
        new TableRow(3, null, List.of("PARTTIME_" + id, "兼职教师数 " + id, "人", "学校", "越高越好", "人事处", "", "", ""))),
        qaOffice, TableScope.ALL);
    putAs("zhouqiang", "/api/data/sources/teachers-" + id, "{\"name\": \"教师信息 " + id + "\", \"kind\": \"FILE\", \"settings\":"
        + " {\"sheet\": \"教师队伍\", \"subjectColumn\": \"单位\", \"period\": \"" + (YEAR - 1) + "\", \"columns\":"
        + " {\"专任教师\": \"STAFF_" + id + "\", \"兼职教师\": \"PARTTIME_" + id + "\"}}}");
    Path export = folder.resolve("教师队伍（采集平台导出）.xlsx");
    writeTeachers(export, "四百");
    open("/data", "zhouqiang");
    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#upload-source option[value='teachers-" + id + "']")));
      new Select(browser.findElement(By.id("upload-source"))).selectByValue("teachers-" + id);
      browser.findElement(By.id("upload-file")).sendKeys(export.toString());
      browser.findElement(By.id("upload-button")).click();
      status("未载入任何数据");
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-problems"))).getText())
          .contains("工作表「教师队伍」第 3 行「专任教师」列：“四百”不是数值");
      keep("data-upload-refused");

      writeTeachers(export, "400");
      browser.findElement(By.id("upload-file")).clear();
      browser.findElement(By.id("upload-file")).sendKeys(export.toString());
      browser.findElement(By.id("upload-button")).click();
      status("已载入 4 条读数");
      WebElement latest = browser.findElement(By.cssSelector("#runs tr.run"));
      assertThat(latest.getText()).contains("教师信息 " + id, "上传", "教师队伍（采集平台导出）.xlsx", "成功", "4");
      keep("data-upload-loaded");
      // the refused upload answers 400, which the browser reports as a failed request
      assertNoConsoleErrors("/upload");

      // the indicators are a sheet of the workbench like the chains' tables
      browser.get(url("/workbench?table=indicators&unit=rsc"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tabulator"), "专任教师数 " + id));
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "data-upload-failure");
      throw e;
    }
  }

  @Test
  void theQaOfficeEditsAFileSourcesMappingOnTheDataPageAndTheNextDroppedFileLoadsByIt(@TempDir Path folder) throws IOException {
    String id = Long.toString(System.nanoTime(), 36).toUpperCase();
    CurrentUser qaOffice = new CurrentUser("zhouqiang", List.of("zgb"));
    tables.get("indicators").save(List.of(
        new TableRow(2, null, List.of("STAFF_" + id, "专任教师数 " + id, "人", "学校", "越高越好", "人事处", "", "", "")),
        new TableRow(3, null, List.of("PARTTIME_" + id, "兼职教师数 " + id, "人", "学校", "越高越好", "人事处", "", "", ""))),
        qaOffice, TableScope.ALL);
    // the mapping as first set up: 兼职教师 under the name of an older export, which the platform's file no longer has
    putAs("zhouqiang", "/api/data/sources/teachers-" + id, "{\"name\": \"教师信息 " + id + "\", \"kind\": \"FILE\", \"settings\":"
        + " {\"folder\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(folder.toString())
        + ", \"sheet\": \"教师队伍\", \"subjectColumn\": \"单位\", \"period\": \"" + (YEAR - 1) + "\", \"columns\":"
        + " {\"专任教师\": \"STAFF_" + id + "\", \"外聘教师\": \"PARTTIME_" + id + "\"}}}");
    open("/data", "zhouqiang");
    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mapping-source option[value='teachers-" + id + "']")));
      new Select(browser.findElement(By.id("mapping-source"))).selectByValue("teachers-" + id);
      wait.until(driver -> browser.findElements(By.cssSelector("#mapping-rows tr")).size() == 2);
      assertThat(browser.findElement(By.id("mapping-sheet")).getAttribute("value")).isEqualTo("教师队伍");
      // 质管办 deletes the old column, adds 兼职教师 with a mistyped indicator code: refused, nothing saved
      mappingRow(2).findElement(By.xpath(".//button[normalize-space(.) = '删除']")).click();
      browser.findElement(By.id("mapping-add")).click();
      mappingRow(2).findElement(By.name("column")).sendKeys("兼职教师");
      mappingRow(2).findElement(By.name("indicator")).sendKeys("PARTIME_" + id);
      browser.findElement(By.id("mapping-save")).click();
      status("未写入任何数据");
      assertThat(browser.findElement(By.id("mapping-problems")).getText())
          .contains("对应关系第 2 行「指标编号」：指标“PARTIME_" + id + "”不存在");
      keep("data-mapping-refused");
      assertThat(jdbc.queryForObject("SELECT settings FROM data_source WHERE code = ?", String.class, "teachers-" + id))
          .contains("外聘教师").doesNotContain("兼职教师");

      WebElement indicator = mappingRow(2).findElement(By.name("indicator"));
      indicator.clear();
      indicator.sendKeys("PARTTIME_" + id);
      browser.findElement(By.id("mapping-save")).click();
      status("已保存「教师信息 " + id + "」的对应关系");
      assertThat(browser.findElement(By.id("sources")).getText()).contains("专任教师 → STAFF_" + id + "；兼职教师 → PARTTIME_" + id)
          .doesNotContain("外聘教师");
      keep("data-mapping-saved");
      // the refused save answers 400, which the browser reports as a failed request
      assertNoConsoleErrors("/mapping");
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "data-mapping-failure");
      throw e;
    }

    // the next file dropped into the source's folder loads by the new mapping
    writeTeachers(folder.resolve("教师队伍（采集平台导出）.xlsx"), "400");
    HttpResponse<String> run = sendAs("zhouqiang", "POST", "/api/data/sources/teachers-" + id + "/run", null);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reading r JOIN indicator i ON i.id = r.indicator_id WHERE i.code = ?",
        Integer.class, "PARTTIME_" + id)).isEqualTo(2);

    // a unit's head may not change it
    HttpResponse<String> refused = sendAs("wangfang", "PUT", "/api/data/sources/teachers-" + id + "/mapping",
        "{\"sheet\": \"教师队伍\", \"subjectColumn\": \"单位\", \"period\": \"" + (YEAR - 1) + "\", \"columns\": []}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("无权管理数据来源");
  }

  private WebElement mappingRow(int number) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mapping-rows tr:nth-child(" + number + ")")));
  }

  /** The national platform's 教师队伍 table: a title row, the header, two units; 专任教师 of the first as given. */
  private static void writeTeachers(Path file, String firstStaff) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("教师队伍");
      sheet.createRow(0).createCell(0).setCellValue("人才培养工作状态数据采集平台 · 教师队伍");
      List<List<String>> rows = List.of(List.of("单位", "专任教师", "兼职教师", "备注"), List.of("汽车工程学院", firstStaff, "35", ""),
          List.of("智能制造学院", "88", "27", "含外聘"));
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      workbook.write(out);
    }
  }

  private void putAs(String user, String path, String json) {
    HttpResponse<String> response = sendAs(user, "PUT", path, json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** A JSON request as a script sends it, with HTTP Basic. */
  private HttpResponse<String> sendAs(String user, String method, String path, String json) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":zhengai2026").getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file as the person downloads it (HTTP Basic, as scripts do; the bytes are the same). */
  private byte[] exportAs(String user, String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":zhengai2026").getBytes(StandardCharsets.UTF_8))).build();
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Edits one cell of a workbook, as a person does in Excel: the row by its first cell, the column by its header. */
  private static void setCell(Path file, String firstCell, String header, String value) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
      Sheet sheet = workbook.getSheetAt(0);
      int column = -1;
      for (Cell cell : sheet.getRow(0)) {
        if (cell.getStringCellValue().startsWith(header)) {
          column = cell.getColumnIndex();
        }
      }
      assertThat(column).as("column " + header).isNotNegative();
      for (Row row : sheet) {
        if (row.getCell(0) != null && firstCell.equals(row.getCell(0).getStringCellValue())) {
          row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }

  /** The demo college's year of readings has 汽车工程学院 losing far more students last month than its history allows. */
  @Test
  void theQaOfficeSeesTheDemoWarningItsControlChartAndTheParetoOfWarnings() {
    open("/monitors", "zhouqiang");
    WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//tbody[@id='warnings']/tr[td[1] = '流失学生数' and td[2] = '汽车工程学院' and td[3] = '单点超出3σ控制限']")));
    assertThat(warning.getText()).contains("学工处", "未关闭");
    // the Pareto by unit and by rule, drawn by the chart library
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pareto-unit canvas")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pareto-rule canvas")));
    keep("monitors-warnings-and-pareto");

    warning.findElement(By.linkText("查看控制图")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-title"), "流失学生数（DROPOUTS）· 汽车工程学院"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#control-chart canvas")));
    assertThat(browser.findElement(By.id("signals")).getText()).startsWith("单点超出3σ控制限（向上）：");
    // a count of students cannot be negative: the lower limit stops at 0 and says so
    assertThat(browser.findElement(By.id("chart-facts")).getText()).contains("责任单位 学工处", "越低越好", "取值范围 0 ~ 不限", "UCL",
        "LCL 0（取值界限）");
    assertThat(browser.findElements(By.cssSelector("#points tr.flagged"))).hasSize(1);
    keep("monitors-control-chart");
    assertNoConsoleErrors();
  }

  private void open(String path, String user) {
    browser = Browser.open("zh-CN");
    // the grid draws a row anew when it changes
    wait = (WebDriverWait) Browser.waitUpTo(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);
    browser.get(url(path));
    Browser.logIn(browser, user);
  }

  /**
   * Tasklist's header link to the workbench. Once (on a busy CI machine) Tasklist showed no header within a minute;
   * the page it showed is kept and described, and the page is loaded once more before the test gives up.
   */
  private WebElement workbenchLinkInTasklist() {
    By link = By.cssSelector("a.zhengai-workbench-link");
    try {
      return wait.until(ExpectedConditions.elementToBeClickable(link));
    } catch (TimeoutException e) {
      Browser.keep(browser, "workbench-link-missing");
      System.err.println("Tasklist showed no workbench link at " + browser.getCurrentUrl() + ": "
          + browser.findElement(By.tagName("body")).getText());
      browser.navigate().refresh();
      try {
        return wait.until(ExpectedConditions.elementToBeClickable(link));
      } catch (TimeoutException again) {
        throw new AssertionError("Tasklist showed no workbench link at " + browser.getCurrentUrl() + ", twice; it showed: "
            + browser.findElement(By.tagName("body")).getText(), again);
      }
    }
  }

  private void status(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
  }

  /** The cell of a row (by its id, or new-n for a new row) and a column (by its field). */
  private WebElement cell(String rowKey, String field) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".tabulator-row[data-key='" + rowKey + "'] .tabulator-cell[tabulator-field='" + field + "']")));
  }

  private void click(WebElement cell) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", cell);
    cell.click();
  }

  /** Types into a cell as a person does: click it, replace what is there, Enter. */
  private void type(String rowKey, String field, String value) {
    click(cell(rowKey, field));
    WebElement input = wait.until(driver -> cell(rowKey, field).findElements(By.cssSelector("input, textarea")).stream().findFirst().orElse(null));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.ENTER);
    wait.until(driver -> cell(rowKey, field).findElements(By.cssSelector("input, textarea")).isEmpty());
  }

  /** Picks a value from a cell's drop-down. */
  private void choose(String rowKey, String field, String value) {
    click(cell(rowKey, field));
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class, 'tabulator-edit-list-item')][normalize-space(.) = '" + value + "']"))).click();
    wait.until(driver -> text(cell(rowKey, field)).equals(value));
  }

  private void save(String rowKey) {
    cell(rowKey, "_actions").findElement(By.xpath(".//button[normalize-space(.) = '保存']")).click();
  }

  private String text(WebElement element) {
    return element.getText().trim();
  }

  private Map<String, Object> stored(String tableId, TableScope scope, String field, String value) {
    PlanningTable table = tables.get(tableId);
    return table.rows(scope).stream().map(table::toJson).filter(row -> value.equals(row.get(field))).findFirst()
        .orElseThrow(() -> new AssertionError(table.sheetName() + "中没有" + field + "为“" + value + "”的行"));
  }
}
