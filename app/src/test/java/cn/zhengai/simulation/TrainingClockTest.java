package cn.zhengai.simulation;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Elements.TASK_DRAFT_TARGETS;
import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.browser.Browser;
import cn.zhengai.browser.BrowserTestSupport;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * 演练模式: the administrator moves the one clock of the app and the engine through the API and the page 演练时钟;
 * the timers on the way fire in the order they fall due, and the date rules follow the clock. The year 2027's cycle
 * starts at the real date; its first task, 起草年度目标 (院办), is due on 2027-03-01 (the fifth working day of the spring term), and its escalation ladder
 * reminds 院办 before that, tells 质管办 at it and the leading group a week later.
 */
// its own app: the training clock is a profile of its own
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", SimulationMode.PROFILE})
class TrainingClockTest extends BrowserTestSupport {

  private static final String CLOCK = "/api/simulation/clock";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void realTimeAndNoEscalations() {
    ClockUtil.reset();
    jdbc.update("DELETE FROM escalation_record");
  }

  @Test
  void theAdministratorMovesTheClockAndTheTimersOnTheWayFireInTheOrderTheyFallDue() {
    startTheCycleOf2027();
    EngineRest admin = as("admin");
    JsonNode next = admin.get(CLOCK).expect(200).json().get("nextTimers").get(0);
    assertThat(next.get("process").asText() + " · " + next.get("step").asText()).isEqualTo("任务催办与升级 · 到期前");

    // to the next timer: the reminder before 起草年度目标's due date, and nothing after it
    JsonNode reminder = admin.post(CLOCK + "/next-timer", Map.of()).expect(200).json();
    assertThat(reminder.get("to").asText()).isEqualTo(next.get("due").asText());
    assertThat(fired(reminder)).containsExactly(next.get("due").asText() + " 任务催办与升级 · 到期前");
    assertThat(as("zhouqiang").get("/api/escalations?unit=yb").expect(200).json()).extracting(r -> r.get("stage").asText())
        .containsExactly("REMINDER");

    // to a date two weeks on: the ladder's two rungs fire on their days, in that order; the task is still open
    JsonNode move = admin.post(CLOCK, Map.of("date", "2027-03-12")).expect(200).json();
    assertThat(move.get("to").asText()).isEqualTo("2027-03-12T09:00:00");
    assertThat(fired(move)).containsExactly("2027-03-01T23:59:59 任务催办与升级 · 到期未办", "2027-03-08T23:59:59 任务催办与升级 · 逾期较久");
    assertThat(move.get("openTasks").asLong()).isEqualTo(1);
    assertThat(as("zhouqiang").get("/api/escalations?unit=yb").expect(200).json()).extracting(r -> r.get("stage").asText())
        .containsExactly("REMINDER", "QA_OFFICE", "LEADING_GROUP");
    // the clock runs on from there, for the engine and the app alike
    LocalDateTime now = LocalDateTime.parse(admin.get(CLOCK).expect(200).json().get("now").asText());
    assertThat(Duration.between(LocalDateTime.of(2027, 3, 12, 9, 0), now)).isBetween(Duration.ZERO, Duration.ofMinutes(5));
    assertThat(as("wangfang").get("/api/me").expect(200).json().get("today").asText()).isEqualTo("2027-03-12");

    assertThat(admin.post(CLOCK, Map.of("date", "2027-03-01")).expect(400).json().get("message").asText())
        .startsWith("演练时钟不能往回拨：当前模拟时间已是 2027-03-12 09:00");
    assertThat(admin.post(CLOCK, Map.of()).expect(400).json().get("message").asText()).contains("二者选一");
    assertThat(as("zhouqiang").post(CLOCK, Map.of("date", "2027-03-01")).expect(403).json().get("message").asText())
        .isEqualTo("无权调整演练时钟：仅限 系统管理员");
    assertThat(as("zhouqiang").post(CLOCK + "/next-timer", Map.of()).expect(403).json().get("message").asText())
        .isEqualTo("无权调整演练时钟：仅限 系统管理员");
  }

  @Test
  void aProgressReportDatedAfterTheRealTodayIsAcceptedOnceTheClockIsThere() {
    EngineRest academicAffairs = as("wangfang");
    academicAffairs.post("/api/planning/key-tasks?year=2027", Map.of("title", "演练：修订人才培养方案", "lead", "教务处", "unit", "教务处",
        "measures", "按月推进", "deadline", "2027-06-30")).expect(201);
    String task = StreamSupport.stream(academicAffairs.get("/api/planning/task-tracking?year=2027").expect(200).json().spliterator(), false)
        .filter(row -> row.get("title").asText().equals("演练：修订人才培养方案")).findFirst().orElseThrow().get("id").asText();
    Map<String, Object> report = Map.of("percent", 40, "note", "初稿", "reportedOn", "2027-03-25");
    assertThat(academicAffairs.post("/api/planning/task-tracking/" + task + "/progress", report).expect(400).json().get("message").asText())
        .contains("填报日期 2027-03-25 晚于今天");

    as("admin").post(CLOCK, Map.of("date", "2027-03-25")).expect(200);
    academicAffairs.post("/api/planning/task-tracking/" + task + "/progress", report).expect(201);
  }

  @Test
  void onThePageTheAdministratorMovesTheClockToADateAndSeesTheTimersThatFired() {
    startTheCycleOf2027();
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    browser.get(url("/camunda/app/welcome/default/"));
    Browser.logIn(browser, "admin");
    // every page says that the clock is a training clock, and links to it
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("演练时钟"))).click();
    wait.until(ExpectedConditions.textMatches(By.id("now"), java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("next-timers"), "到期前"));
    keep("simulation-before");

    chooseDate("2027-03-02");
    browser.findElement(By.id("move-to-date")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已拨到 2027-03-02"));
    assertThat(browser.findElement(By.id("now")).getText()).isEqualTo("2027-03-02 09:00");
    assertThat(browser.findElement(By.id("summary")).getText()).contains("触发定时器 2 个", "现有待办任务 1 项");
    assertThat(browser.findElement(By.id("fired")).getText()).contains("任务催办与升级 到期前", "任务催办与升级 到期未办");
    assertThat(browser.findElement(By.id("simulation-banner")).getText()).contains("演练模式", "2027-03-02 09:00");
    keep("simulation-moved");

    // backwards is refused, with the reason on the page
    chooseDate("2027-02-20");
    browser.findElement(By.id("move-to-date")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "演练时钟不能往回拨"));

    // what the clock changed, in the 诊改驾驶舱 (Cockpit): 院办's 起草年度目标 is overdue now, the ladder has told 质管办
    browser.get(url("/camunda/app/cockpit/default/#/zhengai-dashboard"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("simulation-banner"), "2027-03-02"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("td[data-step='" + TASK_DRAFT_TARGETS + "']"), "逾期"));
    assertThat(browser.findElement(By.id("zg-year")).getDomProperty("value")).as("the year of the training clock").isEqualTo("2027");
    assertThat(browser.findElement(By.cssSelector(".zg-content")).getText()).contains("已升级至质管办");
    keep("simulation-dashboard");
    assertNoConsoleErrors("/api/simulation/clock");
  }

  /** Picks a day in the date field: typing depends on the browser's date format, the picker's result does not. */
  private void chooseDate(String day) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("target-date")), day);
  }

  private void startTheCycleOf2027() {
    // the demo college's state data has a warning on the first start, whose correction task has a ladder of its own
    runtimeService.createProcessInstanceQuery().list().forEach(old -> runtimeService.deleteProcessInstanceIfExists(old.getId(), "reset",
        false, true, false, false));
    as("liming").post("/engine-rest/process-definition/key/" + SchoolAnnualCycleProcess.KEY + "/start",
        variables(Map.of(SchoolAnnualCycleProcess.Variables.YEAR.name(), 2027))).expect(200);
  }

  private static List<String> fired(JsonNode move) {
    List<String> fired = new ArrayList<>();
    move.get("fired").forEach(timer -> fired.add(timer.get("due").asText() + " " + timer.get("process").asText() + " · "
        + timer.get("step").asText()));
    return fired;
  }

  private EngineRest as(String user) {
    return EngineRest.as(http, user);
  }
}
