package cn.zhengai.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.browser.Browser;
import cn.zhengai.browser.BrowserTestSupport;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 校历 through HTTP and its page: milestones generated for any year stay out of the vacations and holidays the
 * calendar holds; the head of 院办 enters terms, holidays, 调休 days and a year's date by hand, and bad input is refused
 * in Chinese with nothing written. The writes go to 2031–2034, years no other test reads, and are removed after.
 */
@AppTest
class CalendarTest extends BrowserTestSupport {

  private static final String PRESIDENTS_OFFICE_HEAD = "liming";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void forgetWhatWasEntered() {
    jdbc.update("DELETE FROM college_day WHERE calendar_day >= DATE '2031-01-01'");
    jdbc.update("DELETE FROM college_term WHERE academic_year >= 2030");
    jdbc.update("DELETE FROM academic_calendar WHERE calendar_year >= 2031");
  }

  @Test
  void everyMilestoneFrom2025To2035AvoidsTheVacationsAndHolidaysOfTheCalendar() {
    EngineRest reader = as("wangfang");
    Set<LocalDate> holidays = new HashSet<>();
    Map<LocalDate, String> workdays = new HashMap<>();
    List<JsonNode> vacations = new ArrayList<>();
    Map<String, JsonNode> milestones = new HashMap<>();
    for (int year = 2025; year <= 2036; year++) {
      JsonNode overview = reader.get("/api/calendar/" + year + "/overview").expect(200).json();
      overview.get("days").forEach(day -> {
        if (day.get("kind").asText().equals("HOLIDAY")) {
          holidays.add(LocalDate.parse(day.get("day").asText()));
        } else {
          workdays.put(LocalDate.parse(day.get("day").asText()), day.get("label").asText());
        }
      });
      overview.get("vacations").forEach(vacations::add);
      if (year <= 2035) {
        int y = year;
        overview.get("milestones").forEach(m -> milestones.put(y + " " + m.get("milestone").asText(), m));
        assertThat(overview.get("mayEdit").asBoolean()).isFalse();
      }
    }
    assertThat(milestones).hasSize(11 * Milestone.values().length);
    assertThat(workdays).containsEntry(LocalDate.of(2026, 2, 28), "春节调休上班");
    milestones.forEach((what, milestone) -> {
      LocalDate date = LocalDate.parse(milestone.get("date").asText());
      assertThat(holidays).as(what).doesNotContain(date);
      assertThat(vacations).as(what).noneMatch(v -> !date.isBefore(LocalDate.parse(v.get("from").asText()))
          && !date.isAfter(LocalDate.parse(v.get("to").asText())));
      assertThat(workdays.containsKey(date) || date.getDayOfWeek().getValue() <= 5).as(what + " on a working day").isTrue();
      assertThat(milestone.get("overridden").asBoolean()).as(what).isFalse();
    });
    // 2027's plan is due on the last Friday of February, in term: the date the annual plans always had
    assertThat(milestones.get("2027 ANNUAL_WORK_PLAN_DUE").get("date").asText()).isEqualTo("2027-02-26");
    assertThat(milestones.get("2027 CYCLE_TARGETS_DUE").get("rule").asText()).isEqualTo("春季学期开学后第 5 个工作日");
    // the compatible list: every milestone of a year far ahead
    assertThat(reader.get("/api/calendar/2035").expect(200).json()).extracting(m -> m.get("milestone").asText())
        .containsExactlyInAnyOrder(Arrays.stream(Milestone.values()).map(Milestone::name).toArray(String[]::new));
    assertThat(reader.get("/api/calendar/2031/overview").expect(200).json().get("warnings").get(0).asText())
        .startsWith("2031 年的法定节假日和调休安排尚未录入");
    assertThat(reader.get("/api/calendar/2026/overview").expect(200).json().get("warnings").toString()).doesNotContain("法定节假日");
  }

  @Test
  void theHeadOfThePresidentsOfficeMaintainsTheCalendarAndBadInputIsRefusedWithNothingWritten() {
    EngineRest head = as(PRESIDENTS_OFFICE_HEAD);
    // a 调休 Saturday, and a holiday
    JsonNode saturday = head.put("/api/calendar/2033/days/2033-05-07", Map.of("kind", "WORKDAY", "label", "劳动节调休上班")).expect(200).json();
    assertThat(saturday.get("kindLabel").asText()).isEqualTo("调休上班");
    head.put("/api/calendar/2033/days/2033-05-02", Map.of("kind", "HOLIDAY", "label", "劳动节")).expect(200);
    JsonNode overview = head.get("/api/calendar/2033/overview").expect(200).json();
    assertThat(overview.get("mayEdit").asBoolean()).isTrue();
    assertThat(overview.get("warnings").toString()).doesNotContain("法定节假日");
    assertThat(overview.get("days").toString()).contains("2033-05-07", "2033-05-02").doesNotContain("2033-10-01");

    // the spring term 2033 starts later: the milestones counted from it move; a date set by hand wins over the rule
    assertThat(head.get("/api/calendar/2033").expect(200).json().toString()).contains("\"CYCLE_TARGETS_DUE\"");
    head.put("/api/calendar/terms/2032/2", Map.of("startsOn", "2033-03-07", "endsOn", "2033-07-08")).expect(200);
    assertThat(milestone(head, 2033, "CYCLE_TARGETS_DUE").get("date").asText()).isEqualTo("2033-03-14");
    JsonNode set = head.put("/api/calendar/2033/CYCLE_TARGETS_DUE", Map.of("date", "2033-03-18", "note", "校长办公会决定")).expect(200).json();
    assertThat(set.get("overridden").asBoolean()).isTrue();
    assertThat(set.get("generatedDate").asText()).isEqualTo("2033-03-14");
    assertThat(milestone(head, 2033, "CYCLE_TARGETS_DUE").get("date").asText()).isEqualTo("2033-03-18");
    head.delete("/api/calendar/2033/CYCLE_TARGETS_DUE").expect(204);
    assertThat(milestone(head, 2033, "CYCLE_TARGETS_DUE").get("overridden").asBoolean()).isFalse();

    // bad input: a Chinese 400 naming the field, nothing written
    assertThat(head.put("/api/calendar/terms/2032/1", Map.of("startsOn", "2033-01-10", "endsOn", "2032-09-01")).expect(400).json()
        .get("message").asText()).isEqualTo("2032—2033学年第一学期的结束日期（endsOn）2032-09-01 早于开始日期（startsOn）2033-01-10");
    assertThat(head.put("/api/calendar/terms/2032/1", Map.of("startsOn", "2032-09-13", "endsOn", "2033-03-10")).expect(400).json()
        .get("message").asText()).contains("与2032—2033学年第二学期（2033-03-07 至 2033-07-08）重叠");
    assertThat(head.put("/api/calendar/2033/days/2034-01-01", Map.of("kind", "HOLIDAY", "label", "元旦")).expect(400).json()
        .get("message").asText()).isEqualTo("日期（day）2034-01-01 不在 2033 年内");
    assertThat(head.put("/api/calendar/2033/days/2033-05-09", Map.of("kind", "WORKDAY", "label", "调休")).expect(400).json()
        .get("message").asText()).isEqualTo("调休上班日（day）2033-05-09 是星期一：调休上班日只能是星期六或星期日");
    assertThat(head.put("/api/calendar/2033/days/2033-05-08", Map.of("kind", "休息", "label", "调休")).expect(400).json()
        .get("message").asText()).startsWith("类型（kind）“休息”无效");
    assertThat(head.put("/api/calendar/2033/NO_SUCH_DATE", Map.of("date", "2033-03-01")).expect(400).json().get("message").asText())
        .startsWith("校历节点（milestone）“NO_SUCH_DATE”不存在");
    assertThat(head.put("/api/calendar/2033/CYCLE_PLANS_DUE", Map.of("date", "2036-03-01")).expect(400).json().get("message").asText())
        .contains("日期（date）2036-03-01 不在 2033 年度内");
    JsonNode after = head.get("/api/calendar/2033/overview").expect(200).json();
    assertThat(after.get("days")).hasSize(overview.get("days").size());
    assertThat(after.get("terms").toString()).doesNotContain("2032-09-13");
    assertThat(after.get("milestones").toString()).doesNotContain("\"overridden\":true");

    // others read only: a member of 院办 who is not its head, the QA office
    for (String reader : List.of("zhaoli", "zhouqiang")) {
      assertThat(as(reader).put("/api/calendar/2033/days/2033-05-14", Map.of("kind", "WORKDAY", "label", "调休")).expect(403).json()
          .get("message").asText()).isEqualTo("无权修改校历：仅限 院办负责人 及系统管理员");
      assertThat(as(reader).get("/api/calendar/2033/overview").expect(200).json().get("mayEdit").asBoolean()).isFalse();
    }
  }

  @Test
  void onThePageTheHeadOfThePresidentsOfficeSeesTheYearAndEntersATiaoxiuDayAndADateByHand() {
    browser = Browser.open("zh-CN");
    WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    browser.get(url("/workbench"));
    Browser.logIn(browser, PRESIDENTS_OFFICE_HEAD);
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("校历"))).click();
    wait.until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("\\d{4} 年校历")));
    browser.get(url("/calendar?year=2034"));
    status(wait, "2034 年校历");
    assertThat(browser.findElement(By.id("warnings")).getText()).contains("2034 年的法定节假日和调休安排尚未录入");
    assertThat(browser.findElement(By.id("terms")).getText()).contains("2033—2034学年第二学期（春季学期）", "按规则推算");
    assertThat(browser.findElement(By.id("vacations")).getText()).contains("2034年寒假", "2034年暑假");
    assertThat(browser.findElement(By.id("milestones")).getText()).contains("年度诊改：年度目标起草截止", "春季学期开学后第 5 个工作日", "按规则生成");
    keep("calendar-2034");

    // a 调休 Saturday
    type("day-date", "2034-04-29");
    new Select(browser.findElement(By.id("day-kind"))).selectByVisibleText("调休上班");
    browser.findElement(By.id("day-label")).sendKeys("劳动节调休上班");
    browser.findElement(By.cssSelector("#day-form button[type=submit]")).click();
    status(wait, "已保存 2034-04-29");
    assertThat(browser.findElement(By.cssSelector("#days tr[data-day='2034-04-29']")).getText()).contains("星期六", "调休上班", "已录入");

    // a term ending before it starts is refused on the page
    new Select(browser.findElement(By.id("term-period"))).selectByVisibleText("2034—2035学年第一学期（秋季学期）");
    type("term-end", "2034-08-01");
    browser.findElement(By.cssSelector("#term-form button[type=submit]")).click();
    status(wait, "结束日期（endsOn）2034-08-01 早于开始日期（startsOn）2034-09-04");
    assertThat(browser.findElement(By.id("status")).getAttribute("class")).contains("error");

    // 院办 sets the year's date for the targets by hand; the rule's date stays beside it
    new Select(browser.findElement(By.id("milestone-key"))).selectByVisibleText("年度诊改：年度目标起草截止");
    type("milestone-date", "2034-03-20");
    browser.findElement(By.id("milestone-note")).sendKeys("延至三月");
    browser.findElement(By.cssSelector("#milestone-form button[type=submit]")).click();
    status(wait, "已手工设定");
    assertThat(browser.findElement(By.cssSelector("#milestones tr[data-milestone='CYCLE_TARGETS_DUE']")).getText())
        .contains("2034-03-20", "手工设定（liming：延至三月）");
    keep("calendar-2034-edited");
    assertNoConsoleErrors("/api/calendar/terms/2034/1");

    // a reader sees the same year without the forms
    browser.quit();
    console.clear();
    browser = Browser.open("zh-CN");
    WebDriverWait readerWait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
    browser.get(url("/calendar?year=2034"));
    Browser.logIn(browser, "wangfang");
    status(readerWait, "2034 年校历");
    assertThat(browser.findElement(By.id("milestones")).getText()).contains("手工设定（liming：延至三月）");
    assertThat(browser.findElements(By.cssSelector("form.edit"))).allSatisfy(form -> assertThat(form.isDisplayed()).isFalse());
    keep("calendar-2034-reader");
    assertNoConsoleErrors();
  }

  private JsonNode milestone(EngineRest user, int year, String key) {
    for (JsonNode entry : user.get("/api/calendar/" + year).expect(200).json()) {
      if (entry.get("milestone").asText().equals(key)) {
        return entry;
      }
    }
    throw new AssertionError(key + " missing in " + year);
  }

  /** Sets a date field: typing depends on the browser's date format. */
  private void type(String id, String value) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
  }

  private void status(WebDriverWait wait, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
  }

  private EngineRest as(String user) {
    return EngineRest.as(http, user);
  }
}
