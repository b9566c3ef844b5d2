package cn.zhengai.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.browser.Browser;
import cn.zhengai.browser.BrowserTestSupport;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import java.util.Map;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist, Cockpit and Admin speak Chinese to a Chinese browser and English to an English one. Screenshots are
 * kept under app/target/browser-artifacts.
 */
class WebappsLanguageBrowserTest extends BrowserTestSupport {

  @Test
  void theWebappsSpeakChineseToAChineseBrowser() {
    browser = Browser.open("zh-CN");
    logInAt("/camunda/app/tasklist/default/", "admin");
    expectText("/camunda/app/tasklist/default/", "启动流程", "webapp-tasklist-zh");
    expectText("/camunda/app/cockpit/default/", "流程定义", "webapp-cockpit-zh");
    expectText("/camunda/app/admin/default/", "用户", "webapp-admin-zh");
    assertThat(browser.findElements(By.xpath("//body[contains(normalize-space(.), '授权')]"))).isNotEmpty();
  }

  @Test
  void adminListsTheGroupsByTheirChineseNamesAndTypes() {
    browser = Browser.open("zh-CN");
    logInAt("/camunda/app/admin/default/#/groups", "admin");
    expectText("/camunda/app/admin/default/#/groups", "系统管理员", "webapp-admin-groups");
    String groups = browser.findElement(By.tagName("body")).getText();
    assertThat(groups).contains("职能部门", "单位负责人", "角色")
        .doesNotContain("camunda BPM Administrators", "functional-department", "unit-head", "SYSTEM");
  }

  @Test
  void theQaOfficeWatchesTheRoundsInCockpit() {
    runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(AnnualWorkPlanProcess.Variables.YEAR, 2027));
    browser = Browser.open("zh-CN");
    logInAt("/camunda/app/cockpit/default/#/processes", "zhouqiang");
    expectText("/camunda/app/cockpit/default/#/processes", "年度工作计划", "webapp-cockpit-qa-office");
  }

  @Test
  void anEnglishBrowserGetsEnglish() {
    browser = Browser.open("en-US");
    logInAt("/camunda/app/tasklist/default/", "admin");
    expectText("/camunda/app/tasklist/default/", "Start process", "webapp-tasklist-en");
  }

  /** Opens a page as a user does: sent to the login page first, then back to the page. */
  private void logInAt(String path, String user) {
    browser.get("http://localhost:" + port + path);
    Browser.logIn(browser, user);
  }

  /**
   * Waits for the text on the page, opening it first unless the browser is already on that document: loading the
   * same webapp again right after it loaded is not what a user does, and it sometimes leaves Chromium with a
   * page whose scripts its CSP nonce no longer admits.
   */
  private void expectText(String path, String text, String screenshot) {
    URI target = URI.create("http://localhost:" + port + path);
    URI current = URI.create(browser.getCurrentUrl());
    if (!target.getPath().equals(current.getPath())) {
      browser.get(target.toString());
    } else if (target.getFragment() != null) {
      ((JavascriptExecutor) browser).executeScript("window.location.hash = arguments[0];", target.getFragment());
    }
    try {
      // the webapps bootstrap slowly on a busy two-core machine
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//body[contains(normalize-space(.), '" + text + "')]")));
    } finally {
      Browser.keep(browser, screenshot);
    }
  }
}
