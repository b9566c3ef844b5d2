package cn.zhengai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A browser test of Tasklist: what a person does there (open a task from its card, fill and choose in its form,
 * complete it) and reads there (a card's parts, the form's fields and messages), on the app the test class runs on.
 */
abstract class TasklistTestSupport extends BrowserTestSupport {

  private static final Pattern FAILED_TASK_REQUEST =
      Pattern.compile("/camunda/api/engine/engine/default/task/([0-9a-f-]+) - Failed to load resource: the server responded with a status of 404");

  @Autowired protected TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected TestRestTemplate http;

  /** Chooses the form's radio option with the given label, scrolled into view as a person would. */
  void choose(WebDriverWait wait, String option) {
    WebElement label = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//form//label[normalize-space(.) = '" + option + "']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", label);
    label.findElement(By.cssSelector("input[type='radio']")).click();
  }

  /** Clicks the task form's 完成 button, scrolled into view. */
  void completeForm(WebDriverWait wait) {
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
    complete.click();
  }

  /** Opens the task whose card has the given name; the list may redraw itself (it refreshes) while it is clicked. */
  void openTask(WebDriverWait wait, String taskName) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement card = ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(.), '" + taskName + "')]"))
          .apply(driver);
      if (card == null) {
        return false;
      }
      card.click();
      return true;
    });
  }

  /** The task card whose name is the given text, once the list shows it. */
  WebElement card(WebDriverWait wait, String taskName) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//ol[contains(@class, 'tasks-list')]/li[.//h4//a[normalize-space(.) = '" + taskName + "']]")));
  }

  /**
   * The text of a part of a task's card. Tasklist renders its list anew whenever it refreshes, so a card found a
   * moment ago may be gone: the card is looked up again until its part can be read.
   */
  String cardPart(WebDriverWait wait, String taskName, String partSelector) {
    return wait.ignoring(StaleElementReferenceException.class)
        .until(driver -> card(wait, taskName).findElement(By.cssSelector(partSelector)).getText());
  }

  /** Whether the page has such elements and none of them is shown, read in one step while Tasklist may re-render. */
  boolean presentButHidden(String cssSelector) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript("const found = document.querySelectorAll(arguments[0]);"
        + " return found.length > 0 && Array.from(found).every(element => element.getClientRects().length === 0);", cssSelector);
  }

  /** The validation messages the form shows now. */
  List<String> errorsOfForm() {
    return browser.findElements(By.cssSelector("form .fjs-form-field-error li")).stream().map(WebElement::getText).toList();
  }

  /**
   * Keeps a screenshot, once nothing since the last one was logged as an error in the browser's console. Tasklist
   * may ask once more for a task it has just completed; the 404 it gets for that finished task shows nothing to the
   * person and is not counted.
   */
  void keepWithoutConsoleErrors(String name) {
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().equals(Level.SEVERE)).filter(entry -> !isRequestForAFinishedTask(entry)).toList();
    Browser.keep(browser, name);
    assertThat(errors).as("browser console errors").isEmpty();
  }

  private boolean isRequestForAFinishedTask(LogEntry entry) {
    Matcher request = FAILED_TASK_REQUEST.matcher(entry.getMessage());
    return request.find() && historyService.createHistoricTaskInstanceQuery().taskId(request.group(1)).finished().count() == 1;
  }

  /** The value of the read-only form field whose label contains the given text, once the form shows it. */
  String shown(WebDriverWait wait, String label) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//form//label[contains(normalize-space(.), '" + label + "')]")));
    return browser.findElement(By.id(labelElement.getAttribute("for"))).getAttribute("value");
  }

  /** Types into the form field whose label contains the given text, as a user would find it. */
  WebElement fill(WebDriverWait wait, String label, String text) {
    WebElement field = clickField(wait, label);
    field.sendKeys(text);
    return field;
  }

  /** Clicks into the form field whose label contains the given text. */
  WebElement clickField(WebDriverWait wait, String label) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//form//label[contains(normalize-space(.), '" + label + "')]")));
    WebElement field = browser.findElement(By.id(labelElement.getAttribute("for")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
    field.click();
    return field;
  }
}
