package cn.zhengai.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.browser.Browser;
import cn.zhengai.browser.BrowserTestSupport;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist, Cockpit and Admin speak Chinese to a Chinese browser and English to an English one. Screenshots are
 * kept under app/target/browser-artifacts.
 */
@AppTest
class WebappsLanguageBrowserTest extends BrowserTestSupport {

  /** Groups on one page of Admin's list. */
  private static final int ADMIN_PAGE_SIZE = 50;

  @Autowired IdentityService identityService;

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
    assertThat(groups).contains("职能部门", "单位负责人", "专业")
        .doesNotContain("camunda BPM Administrators", "functional-department", "unit-head", "SYSTEM");
    // Admin lists the groups by id, 50 a page: the roles come on a later page, which one depends on the groups other
    // classes of the shared app added
    List<String> ids = identityService.createGroupQuery().orderByGroupId().asc().list().stream().map(Group::getId).toList();
    int rolesPage = ids.indexOf("role-expert") / ADMIN_PAGE_SIZE + 1;
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    for (int page = 1; page < rolesPage; page++) {
      // the page number changes at the click, the rows when the next page's groups have come
      String rowsBefore = groupRows();
      browser.findElement(By.linkText("下一页")).click();
      wait.until(driver -> !groupRows().equals(rowsBefore));
    }
    keep("webapp-admin-groups-roles");
    assertThat(groupRows()).as("page %d of %d groups", rolesPage, ids.size()).contains("角色");
    assertThat(bodyText()).contains("校外专家").doesNotContain("SYSTEM");
  }

  @Test
  void theQaOfficeWatchesTheRoundsInCockpit() {
    runtimeService.startProcessInstanceByKey(AnnualWorkPlanProcess.KEY, Map.of(AnnualWorkPlanProcess.Variables.YEAR.name(), 2027));
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

  @Test
  void afterLogoutEachPersonLogsInAgainAndLandsWhereTheyWork() {
    browser = Browser.open("zh-CN");
    browser.get(url("/"));
    Browser.logIn(browser, "wangfang");
    expectApp("tasklist", "诊改 · 任务列表", "王芳", "login-staff-lands-in-tasklist");
    logOut("login-after-logout");
    Browser.logIn(browser, "zhouqiang");
    expectApp("cockpit", "诊改 · 驾驶舱", "周强", "login-qa-office-lands-in-cockpit");
    logOut("login-after-second-logout");
    Browser.logIn(browser, "admin");
    expectApp("admin", "诊改 · 管理", "系统管理员", "login-admin-lands-in-admin");
    assertNoConsoleErrors();
  }

  @Test
  void aLoginFormWhoseSessionEndedLeadsToAFreshLoginPage() {
    browser = Browser.open("zh-CN");
    browser.get(url("/login"));
    // the session the form's CSRF token belongs to ends before the form is sent (a logout elsewhere, a time-out)
    browser.manage().deleteCookieNamed("JSESSIONID");
    browser.findElement(By.id("username")).sendKeys("wangfang");
    browser.findElement(By.id("password")).sendKeys(EngineRest.DEMO_PASSWORD);
    browser.findElement(By.id("login")).click();
    Browser.waitUpTo(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/login?expired"));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("登录页面已过期，请重新输入用户名和密码。");
    keep("login-expired-form");

    Browser.logIn(browser, "wangfang");
    expectApp("tasklist", "诊改 · 任务列表", "王芳", "login-after-expired-form");
    assertNoConsoleErrors();
  }

  @Test
  void aPersonSavesTheirProfileAndTheAdministratorUpdatesAnothers() {
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    logInAt("/camunda/app/welcome/default/", "wangfang");
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".user-profile-name"))).getText())
        .isEqualTo("王芳");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='编辑个人资料']"))).click();
    assertThat(labelledValue("user-profile-firstname")).isEqualTo("姓=王");
    assertThat(labelledValue("user-profile-lastname")).isEqualTo("名=芳");
    WebElement email = browser.findElement(By.id("user-profile-email"));
    email.clear();
    email.sendKeys("wangfang@zhengai.edu.cn");
    browser.findElement(By.cssSelector("form[name='userProfile'] button[type='submit']")).click();
    wait.until(driver -> "wangfang@zhengai.edu.cn".equals(profile("wangfang").getEmail()));
    keep("welcome-profile-saved");
    assertThat(profile("wangfang").getFirstName()).isEqualTo("王");

    logOut("welcome-after-logout");
    Browser.logIn(browser, "admin");
    expectText("/camunda/app/admin/default/#/users/chenjie?tab=profile", "编辑用户 陈杰", "admin-user-profile");
    assertThat(labelledValue("inputFirstname")).isEqualTo("姓*=陈");
    assertThat(labelledValue("inputLastname")).isEqualTo("名*=杰");
    WebElement adminEmail = browser.findElement(By.id("inputEmail"));
    adminEmail.clear();
    adminEmail.sendKeys("chenjie@zhengai.edu.cn");
    browser.findElement(By.cssSelector("[ng-click='updateProfile()']")).click();
    wait.until(driver -> "chenjie@zhengai.edu.cn".equals(profile("chenjie").getEmail()));
    keep("admin-user-profile-saved");
    assertNoConsoleErrors();
  }

  /** The webapp a login landed in, named by the product, without Camunda's migration banner, showing who is in. */
  private void expectApp(String app, String title, String person, String screenshot) {
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    try {
      wait.until(ExpectedConditions.urlContains("/camunda/app/" + app + "/"));
      wait.until(ExpectedConditions.textToBe(By.cssSelector("li.account > a.dropdown-toggle"), person));
      assertThat(browser.getTitle()).startsWith(title);
      assertThat(browser.findElement(By.cssSelector(".navbar-brand .brand-name")).getText()).isEqualTo(title);
      assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
    } finally {
      keep(screenshot);
    }
  }

  /** 退出 from the webapp's account menu: back on the product's login page. */
  private void logOut(String screenshot) {
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account > a.dropdown-toggle"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout > a"))).click();
    wait.until(ExpectedConditions.urlToBe(url("/login?logout")));
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice"))).getText()).isEqualTo("您已退出登录。");
    keep(screenshot);
  }

  /** The label and the value of a form field, as "label=value". */
  private String labelledValue(String fieldId) {
    String label = browser.findElement(By.cssSelector("label[for='" + fieldId + "']")).getText().trim();
    return label + "=" + browser.findElement(By.id(fieldId)).getAttribute("value");
  }

  private User profile(String userId) {
    return identityService.createUserQuery().userId(userId).singleResult();
  }

  /** Opens a page as a user does: sent to the login page first, then back to the page. */
  private void logInAt(String path, String user) {
    browser.get(url(path));
    Browser.logIn(browser, user);
  }

  /**
   * Waits for the text on the page, opening it first unless the browser is already on that document: loading the
   * same webapp again right after it loaded is not what a user does, and it sometimes leaves Chromium with a
   * page whose scripts its CSP nonce no longer admits.
   */
  private void expectText(String path, String text, String screenshot) {
    URI target = URI.create(url(path));
    URI current = URI.create(browser.getCurrentUrl());
    if (!target.getPath().equals(current.getPath())) {
      browser.get(target.toString());
    } else if (target.getFragment() != null) {
      ((JavascriptExecutor) browser).executeScript("window.location.hash = arguments[0];", target.getFragment());
    }
    try {
      // the webapps bootstrap slowly on a busy two-core machine
      Browser.waitUpTo(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//body[contains(normalize-space(.), '" + text + "')]")));
    } finally {
      keep(screenshot);
    }
  }

  private String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private String groupRows() {
    return browser.findElement(By.cssSelector("table tbody")).getText();
  }
}
