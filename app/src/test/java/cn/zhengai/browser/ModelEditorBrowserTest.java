package cn.zhengai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.support.AppTest;
import java.time.Duration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner changes a model in the browser editor: opens the deployed version, renames a task on the
 * diagram, checks the change, deploys it, and the QA office sees the new version in Cockpit; a model with a
 * problem shows it on the element.
 */
@AppTest
class ModelEditorBrowserTest extends BrowserTestSupport {

  private static final String RENAMED = "审核单位年度工作计划";

  @Autowired RepositoryService repositoryService;

  @Test
  void aProcessOwnerRenamesATaskChecksTheChangeDeploysItAndCockpitShowsTheNewVersion() {
    int deployedVersion = latestAnnualWorkPlan().getVersion();
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    try {
      // the welcome page of the webapps links to the editor
      browser.get(url("/camunda/app/welcome/default/"));
      Browser.logIn(browser, "wuqian");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.) = '流程模型编辑器']"))).click();
      openAnnualWorkPlan(wait);

      // rename on the diagram: double-click the task and type
      new Actions(browser).doubleClick(shape(Elements.TASK_REVIEW_WORK_PLAN)).perform();
      WebElement label = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".djs-direct-editing-content")));
      label.sendKeys(Keys.chord(Keys.CONTROL, "a"), RENAMED);
      browser.findElement(By.cssSelector("#model-title")).click();
      wait.until(driver -> shapeText(Elements.TASK_REVIEW_WORK_PLAN).equals(RENAMED));

      browser.findElement(By.id("check")).click();
      WebElement changes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report .changes")));
      assertThat(changes.getText()).contains(Elements.TASK_REVIEW_WORK_PLAN, RENAMED);
      assertThat(status(wait, "检查通过")).contains("可以部署");
      keep("model-editor-checked");

      browser.findElement(By.id("deploy")).click();
      WebElement confirmation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
      assertThat(confirmation.getText()).contains("确认部署", RENAMED);
      keep("model-editor-confirm");
      browser.findElement(By.id("confirm-yes")).click();
      int newVersion = deployedVersion + 1;
      assertThat(status(wait, "已部署为第 " + newVersion + " 版")).isNotEmpty();
      assertThat(browser.findElement(By.id("model-title")).getText()).contains("第 " + newVersion + " 版");
      keep("model-editor-deployed");
      // the welcome page asks the engine for its password policy, which is off
      assertNoConsoleErrors();
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "model-editor-failure");
      throw e;
    }
    ProcessDefinition deployed = latestAnnualWorkPlan();
    assertThat(deployed.getVersion()).isEqualTo(deployedVersion + 1);
    UserTask review = repositoryService.getBpmnModelInstance(deployed.getId()).getModelElementById(Elements.TASK_REVIEW_WORK_PLAN);
    assertThat(review.getName()).isEqualTo(RENAMED);

    // the QA office sees the new version in Cockpit
    browser.manage().deleteAllCookies();
    browser.get(url("/camunda/app/cockpit/default/"));
    Browser.logIn(browser, "zhouqiang");
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(normalize-space(.), '流程定义')]")));
      // the login page took the browser to Cockpit's start page; the definition's view is a route inside it
      ((JavascriptExecutor) browser).executeScript("window.location.hash = arguments[0];",
          "#/process-definition/" + deployed.getId() + "/runtime");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dd.definition-version"),
          String.valueOf(deployed.getVersion())));
      wait.until(driver -> shapeText(Elements.TASK_REVIEW_WORK_PLAN).equals(RENAMED));
    } finally {
      Browser.keep(browser, "model-editor-cockpit");
    }
  }

  @Test
  void aCandidateGroupThatDoesNotExistIsMarkedOnItsTask() {
    long deployments = repositoryService.createDeploymentQuery().count();
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    try {
      browser.get(url("/models/editor"));
      Browser.logIn(browser, "wuqian");
      openAnnualWorkPlan(wait);
      shape(Elements.TASK_REVIEW_WORK_PLAN).click();
      // the properties panel: 处理人 → 候选组
      wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//*[contains(@class, 'bio-properties-panel-group-header')][contains(normalize-space(.), '处理人')]"))).click();
      WebElement candidateGroups = wait.until(ExpectedConditions.elementToBeClickable(By.id("bio-properties-panel-candidateGroups")));
      // leaving the field applies what was typed at once
      candidateGroups.sendKeys(Keys.chord(Keys.CONTROL, "a"), "dean-office", Keys.TAB);

      browser.findElement(By.id("check")).click();
      WebElement badge = wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector(".problem-badge[data-element-id='" + Elements.TASK_REVIEW_WORK_PLAN + "'] button")));
      assertThat(shape(Elements.TASK_REVIEW_WORK_PLAN).getAttribute("class")).contains("zhengai-problem");
      badge.click();
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".problem-badge[data-element-id='" + Elements.TASK_REVIEW_WORK_PLAN + "'] .problem-details")));
      assertThat(details.getText()).contains("dean-office", "不存在");
      assertThat(browser.findElement(By.cssSelector("#report .problems")).getText())
          .contains(Elements.TASK_REVIEW_WORK_PLAN + "（审核年度工作计划）", "dean-office");
      assertThat(status(wait, "检查未通过")).contains("未部署");
      keep("model-editor-problem");
      // the refused check answers 400, which the browser reports as a failed request; nothing else may fail
      assertNoConsoleErrors("/api/models?dryRun=true");
    } catch (RuntimeException | AssertionError e) {
      Browser.keep(browser, "model-editor-problem-failure");
      throw e;
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  /** On the editor page: opens the annual work plan from the list of deployed models. */
  private void openAnnualWorkPlan(WebDriverWait wait) {
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#models button[data-key='" + AnnualWorkPlanProcess.KEY + "']"))).click();
    status(wait, "已打开「年度工作计划」");
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("g.djs-element[data-element-id='" + Elements.TASK_REVIEW_WORK_PLAN + "']")));
  }

  private String status(WebDriverWait wait, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
    return browser.findElement(By.id("status")).getText();
  }

  private WebElement shape(String elementId) {
    return browser.findElement(By.cssSelector("g.djs-element.djs-shape[data-element-id='" + elementId + "']"));
  }

  private String shapeText(String elementId) {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "return arguments[0].querySelector('text').textContent;", shape(elementId));
  }

  private ProcessDefinition latestAnnualWorkPlan() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).latestVersion().singleResult();
  }
}
