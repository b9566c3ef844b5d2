package cn.zhengai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.processes.AnnualWorkPlanProcess.Variables;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The annual work plan round in Tasklist: 院办 opens it from the start dialog, a department head completes the unit's
 * task, a refused plan shows only its Chinese reason, a returned plan its reason; the cards say which unit and when.
 */
@AppTest
class TasklistBrowserTest extends TasklistTestSupport {

  @Test
  void aDepartmentHeadCompletesTheAnnualWorkPlanTaskInTasklist() {
    String round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(Variables.YEAR.name(), 2027)).getId();
    keyTask("浏览器测试：完成 3 个专业人才培养方案修订", "2027-12-31");
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "wangfang");
      wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));
      By task = By.xpath("//a[contains(normalize-space(.), '提交年度工作计划')]");
      wait.until(ExpectedConditions.elementToBeClickable(task));
      // tasks come only from processes: Tasklist offers no dead-end "创建任务"
      assertThat(presentButHidden("li.create-task-action")).isTrue();
      // the card shows the unit and the year from the filter's variables, and no bare priority number
      assertThat(cardPart(wait, "提交年度工作计划", ".variables")).contains("教务处", "2027");
      assertThat(presentButHidden(".tasks-list .priority")).isTrue();
      // a department head can start no process, so Tasklist offers none
      assertThat(presentButHidden("li.start-process-action")).isTrue();
      wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(task)).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();

      // the plan is the unit's key tasks in 表5: the form leads to them in the workbench
      WebElement workbench = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//form//a[contains(normalize-space(.), '重点任务（表5）')]")));
      assertThat(workbench.getAttribute("href")).endsWith("/workbench?table=key-tasks&year=2027&unit=jwc");
      assertThat(browser.findElements(By.xpath("//form//label[contains(normalize-space(.), '退回理由')]")))
          .as("a plan never returned shows no reason").isEmpty();
      fill(wait, "计划说明", "与专业建设规划衔接");
      assertThat(errorsOfForm()).isEmpty();
      keepWithoutConsoleErrors("tasklist-work-plan-form");

      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();
      wait.until(driver -> taskService.createTaskQuery().processInstanceId(round)
          .taskDefinitionKey(Elements.TASK_REVIEW_WORK_PLAN).count() == 1);
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-failure");
      throw e;
    }
    Task review = taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(Elements.TASK_REVIEW_WORK_PLAN).singleResult();
    assertThat(taskService.getVariable(review.getId(), Variables.UNIT.name())).isEqualTo("jwc");
    assertThat(taskService.getVariable(review.getId(), Variables.KEY_TASKS.name()))
        .isEqualTo("1. 浏览器测试：完成 3 个专业人才培养方案修订；措施及目标：对标专业教学标准逐项修订；完成时限：2027-12-31");
    assertThat(taskService.getVariable(review.getId(), Variables.PLAN_NOTE.name())).isEqualTo("与专业建设规划衔接");
  }

  @Test
  void aUnitHeadWhosePlanIsRefusedSeesOnlyTheChineseReason() {
    String round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(Variables.YEAR.name(), 2027)).getId();
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "wangfang");
      openTask(wait, "提交年度工作计划");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();
      // no key tasks in 表5 yet, so no plan to submit
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();

      WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//*[contains(@class, 'alert')][contains(., '尚未在“表5 年度重点工作任务分解”中录入')]")));
      Browser.keep(browser, "tasklist-refused-plan");
      assertThat(notice.getText()).contains("表单填写有误：教务处尚未在“表5 年度重点工作任务分解”中录入 2027 年度的重点任务")
          .doesNotContain("ENGINE-", "Exception", "TaskListener");
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("ENGINE-", "Exception");
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-refused-plan-failure");
      throw e;
    }
    assertThat(taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(Elements.TASK_REVIEW_WORK_PLAN).count())
        .isZero();
  }

  @Test
  void aReturnedPlanShowsItsReasonAndTheNextReviewStartsEmpty() {
    String round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(Variables.YEAR.name(), 2027)).getId();
    keyTask("浏览器测试：修订人才培养方案", "2027-06-30");
    taskService.complete(unitTask(round, Elements.TASK_SUBMIT_WORK_PLAN), Map.of());
    String revisionDue = LocalDate.now().plusDays(7).toString();
    taskService.complete(unitTask(round, Elements.TASK_REVIEW_WORK_PLAN), Map.of(Variables.DECISION.name(), Variables.DECISION_RETURN,
        Variables.RETURN_REASON.name(), "请补充师资培训任务", Variables.REVISION_DUE_DATE.name(), revisionDue));
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "wangfang");
      openTask(wait, "修改年度工作计划");
      assertThat(shown(wait, "院办退回理由")).isEqualTo("请补充师资培训任务");
      assertThat(shown(wait, "修改截止日期")).isEqualTo(revisionDue);
      Browser.keep(browser, "tasklist-returned-plan");
      browser.quit();

      keyTask("浏览器测试：双师型教师培训", "2027-11-30");
      taskService.complete(unitTask(round, Elements.TASK_REVISE_WORK_PLAN), Map.of());
      browser = Browser.open("zh-CN");
      wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "liming");
      openTask(wait, "审核年度工作计划");
      assertThat(shown(wait, "上次退回理由")).isEqualTo("请补充师资培训任务");
      String first = "1. 浏览器测试：修订人才培养方案；措施及目标：对标专业教学标准逐项修订；完成时限：2027-06-30";
      assertThat(shown(wait, "自上次退回以来的修改")).isEqualTo("【重点任务（表5）】\n原：" + first + "\n现：" + first
          + "\n2. 浏览器测试：双师型教师培训；措施及目标：对标专业教学标准逐项修订；完成时限：2027-11-30");
      Browser.keep(browser, "tasklist-second-review");
      assertThat(browser.findElements(By.cssSelector("form input[type='radio']"))).hasSize(2).noneMatch(WebElement::isSelected);
      assertThat(browser.findElements(By.xpath("//form//label[contains(normalize-space(.), '退回理由')]")))
          .as("only the previous reason, no new one until 退回修改 is chosen").hasSize(1);

      // returning it again: the revision date is picked in a Chinese calendar whose weeks start on Monday; the form
      // takes input once the task is claimed
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .claim"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
      WebElement returnAgain = browser.findElement(By.xpath("//form//label[normalize-space(.) = '退回修改']"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", returnAgain);
      returnAgain.click();
      WebElement revisionDate = clickField(wait, "修改截止日期");
      assertThat(revisionDate.getAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
      WebElement calendar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
      keepWithoutConsoleErrors("tasklist-date-picker");
      assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream().map(WebElement::getText).toList())
          .as("weeks start on Monday, in Chinese").startsWith("一", "二", "三", "四", "五", "六", "日");
      assertThat(calendar.findElement(By.cssSelector(".flatpickr-current-month")).getText()).contains("月").doesNotContainPattern("[A-Za-z]");
      revisionDate.sendKeys(revisionDue, Keys.TAB);
      wait.until(driver -> revisionDue.equals(revisionDate.getAttribute("value")));
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-returned-plan-failure");
      throw e;
    }
  }

  @Test
  void thePresidentsOfficeOpensTheRoundFromTasklistsStartDialog() {
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "liming");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[@ng-click='open()'][contains(., '启动流程')]"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//*[@ng-click='selectProcessDefinition(processDefinition)'][contains(normalize-space(.), '年度工作计划')]"))).click();
      WebElement year = fill(wait, "计划年度", "1999");
      year.sendKeys(Keys.TAB);
      wait.until(driver -> errorsOfForm().contains("不能小于 2000。"));
      year.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2027", Keys.TAB);
      wait.until(driver -> errorsOfForm().isEmpty());
      keepWithoutConsoleErrors("tasklist-start-annual-work-plan");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='startProcessInstance()']"))).click();
      wait.until(driver -> runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
          .processInstanceBusinessKey("2027").count() == 1);
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-start-failure");
      throw e;
    }
    String round = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2027").singleResult().getId();
    assertThat(taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(Elements.TASK_SUBMIT_WORK_PLAN).count())
        .isEqualTo(19);
  }

  @Test
  void thePresidentsOfficeSeesWhichUnitEachCardConcernsAndWhenEachReviewIsDue() {
    // a college starting the cycle while a round it opened on its own runs
    String round = runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(Variables.YEAR.name(), 2027)).getId();
    runtimeService.startProcessInstanceByKey(SchoolAnnualCycleProcess.KEY, Map.of(SchoolAnnualCycleProcess.Variables.YEAR.name(), 2027));
    keyTask("浏览器测试：完成 3 个专业人才培养方案修订", "2027-12-31");
    taskService.complete(unitTask(round, Elements.TASK_SUBMIT_WORK_PLAN), Map.of());
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    try {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      Browser.logIn(browser, "liming");
      card(wait, "起草年度目标");
      card(wait, "审核年度工作计划");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.start-process-action")));
      keepWithoutConsoleErrors("tasklist-presidents-office-cards");
      assertThat(cardPart(wait, "起草年度目标", ".variables")).contains("全校", "2027").doesNotContain("<空>");
      assertThat(cardPart(wait, "审核年度工作计划", ".variables")).contains("教务处");
      assertThat(cardPart(wait, "审核年度工作计划", ".due-date")).isNotBlank();
      assertThat(presentButHidden(".tasks-list .priority")).isTrue();
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "tasklist-presidents-office-cards-failure");
      throw e;
    }
  }


  /** The tests read 教务处's 2027 plan as they write it; another class on the shared app may have left key tasks there. */
  @BeforeEach
  void startWithoutKeyTasksOfAcademicAffairs() {
    jdbc.update("DELETE FROM work_task WHERE plan_year = 2027 AND unit_id = 'jwc' AND kind = 'KEY'");
  }

  /** The shared app keeps its database: the rows these tests entered go, so no later class finds them. */
  @AfterEach
  void removeWhatTheTestsEntered() {
    jdbc.update("DELETE FROM work_task WHERE plan_year = 2027 AND title LIKE '浏览器测试%'");
  }

  /** 教务处's head enters a key task of 2027 in 表5, as in the task's 相关数据 tab. */
  private void keyTask(String title, String deadline) {
    EngineRest.as(http, "wangfang").post("/api/planning/key-tasks?year=2027", Map.of("title", title, "unit", "教务处",
        "measures", "对标专业教学标准逐项修订", "deadline", deadline)).expect(201);
  }


  /** 教务处's task of the round at an activity. */
  private String unitTask(String round, String activityId) {
    return taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(activityId).list().stream()
        .filter(task -> "jwc".equals(taskService.getVariable(task.getId(), Variables.UNIT.name()))).findFirst().orElseThrow().getId();
  }

}
