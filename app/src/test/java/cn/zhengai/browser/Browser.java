package cn.zhengai.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import cn.zhengai.support.EngineRest;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through the system chromedriver: nothing is downloaded at test time. Where
 * the browser is missing the test is skipped on a developer's machine and fails under CI, which installs it.
 */
public final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path ARTIFACTS = Path.of("target", "browser-artifacts");
  /**
   * One HTTP cache for the browsers a test JVM opens one after the other: each browser still starts with a fresh
   * profile (no cookies, no storage), but the webapps' scripts are revalidated instead of loaded whole, as in a
   * person's browser.
   */
  static final Path CACHE = Path.of("target", "chromium-cache", String.valueOf(ProcessHandle.current().pid())).toAbsolutePath();

  private Browser() {}

  public static WebDriver open(String acceptLanguage) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String missing = "Chromium/chromedriver 未安装（apt-get install chromium chromium-driver）";
      if (System.getenv("CI") != null) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1000", "--lang=" + acceptLanguage, "--disk-cache-dir=" + CACHE);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  /**
   * A wait that looks every 100 ms: with WebDriverWait's default of 500 ms a test idled a quarter of a second on
   * average at each of its waits for the page (about 170 waits over the browser tests).
   */
  public static WebDriverWait waitUpTo(WebDriver driver, Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
  }

  /** Fills in and submits the product's login page the browser is on; the browser goes back to the page it asked for. */
  public static void logIn(WebDriver driver, String user) {
    waitUpTo(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(EngineRest.DEMO_PASSWORD);
    driver.findElement(By.id("login")).click();
    waitUpTo(driver, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    reloadOnceIfTheWebappDidNotStart(driver);
  }

  /**
   * Camunda's webapps load their plugins through RequireJS, which gives up after 7 seconds on a very busy machine and
   * leaves a blank page ("Load timeout for modules: tasklist-plugin-…"); a person reloads it then, and so does the
   * test, once, leaving the failed load's console behind (and saying so).
   */
  private static void reloadOnceIfTheWebappDidNotStart(WebDriver driver) {
    if (!driver.getCurrentUrl().contains("/camunda/app/")) {
      return;
    }
    try {
      waitUpTo(driver, Duration.ofSeconds(45)).until(started -> !started.findElements(By.cssSelector(".ng-scope")).isEmpty());
    } catch (TimeoutException blank) {
      List<LogEntry> failedLoad = driver.manage().logs().get(LogType.BROWSER).getAll();
      System.err.println("网页应用未启动，刷新一次：" + driver.getCurrentUrl() + "\n" + failedLoad);
      driver.navigate().refresh();
    }
  }

  /** The errors among console entries (see {@link #keep(WebDriver, String, List)}). */
  public static List<LogEntry> errorsIn(List<LogEntry> console) {
    return console.stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
  }

  /** Keeps a screenshot (with the page source and the browser console) under target/browser-artifacts for people to look at. */
  public static Path keep(WebDriver driver, String name) {
    return keep(driver, name, new ArrayList<>());
  }

  /**
   * Keeps a screenshot like {@link #keep(WebDriver, String)} and adds the console's entries to {@code console}, so that
   * a test can check them at its end: reading the browser's console empties it.
   */
  public static Path keep(WebDriver driver, String name, List<LogEntry> console) {
    try {
      Files.createDirectories(ARTIFACTS);
      Path png = ARTIFACTS.resolve(name + ".png");
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(ARTIFACTS.resolve(name + ".html"), driver.getPageSource());
      List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
      console.addAll(entries);
      StringBuilder text = new StringBuilder();
      entries.forEach(entry -> text.append(entry).append('\n'));
      Files.writeString(ARTIFACTS.resolve(name + ".console.log"), text);
      return png;
    } catch (IOException e) {
      throw new IllegalStateException("无法保存浏览器截图 " + name, e);
    }
  }
}
