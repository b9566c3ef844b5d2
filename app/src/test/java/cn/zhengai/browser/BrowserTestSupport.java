package cn.zhengai.browser;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A browser test against the running app: its port, and the browser and running rounds cleaned up after each test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTestSupport {

  @LocalServerPort protected int port;
  @Autowired protected RuntimeService runtimeService;
  protected WebDriver browser;

  @AfterEach
  void closeBrowserAndRounds() {
    // deleting a cycle ends the escalation instances of its tasks too, so some are gone by their turn
    runtimeService.createProcessInstanceQuery().list()
        .forEach(round -> runtimeService.deleteProcessInstanceIfExists(round.getId(), "test", false, true, false, false));
    if (browser != null) {
      browser.quit();
    }
  }
}
