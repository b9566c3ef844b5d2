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
    // deleting a round may end others with it (a cycle's sub-processes): those are gone when their turn comes
    runtimeService.deleteProcessInstancesIfExists(runtimeService.createProcessInstanceQuery().list().stream()
        .map(round -> round.getId()).toList(), "test", false, true, false);
    if (browser != null) {
      browser.quit();
    }
  }
}
