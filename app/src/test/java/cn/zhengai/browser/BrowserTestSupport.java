package cn.zhengai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test against the running app: its port, screenshots that keep the browser's console for a check at the
 * end, and the browser and running rounds cleaned up after each test. The test class says which app it runs on
 * (usually the shared one, {@code @AppTest}).
 */
public abstract class BrowserTestSupport {

  @LocalServerPort protected int port;
  @Autowired protected RuntimeService runtimeService;
  protected WebDriver browser;
  /** The console entries read so far: reading the browser's console empties it. */
  protected final List<LogEntry> console = new ArrayList<>();

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Keeps a screenshot under target/browser-artifacts, holding on to the console entries up to now. */
  protected void keep(String name) {
    Browser.keep(browser, name, console);
  }

  /** No error in the console since the test began, except failed requests a test provokes on purpose. */
  protected void assertNoConsoleErrors(String... expectedFailedRequests) {
    console.addAll(browser.manage().logs().get(LogType.BROWSER).getAll());
    assertThat(Browser.errorsIn(console)).as("browser console errors")
        .noneMatch(entry -> List.of(expectedFailedRequests).stream().noneMatch(entry.getMessage()::contains));
  }

  @AfterEach
  void closeBrowserAndRounds() {
    // deleting a cycle ends the escalation instances of its tasks too, so some are gone by their turn
    runtimeService.createProcessInstanceQuery().list()
        .forEach(round -> runtimeService.deleteProcessInstanceIfExists(round.getId(), "test", false, true, false, false));
    if (browser != null) {
      browser.quit();
    }
    console.clear();
  }
}
