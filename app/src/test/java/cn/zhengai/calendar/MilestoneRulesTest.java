package cn.zhengai.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.support.NoAppTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The milestone rules on the college's calendar, without the app: the holidays and 调休 days are those the app ships
 * (its migration's seed), the terms are placed by rule.
 */
@NoAppTest
class MilestoneRulesTest {

  private static final List<CollegeDay> SHIPPED_DAYS = shippedDays();

  @Test
  void everyMilestoneFrom2025To2035FallsOnAWorkingDayInTermAndEachLevelsInOrder() {
    for (int year = 2025; year <= 2035; year++) {
      WorkingCalendar calendar = calendarAround(year, SHIPPED_DAYS);
      Map<Milestone, LocalDate> dates = new EnumMap<>(Milestone.class);
      for (Milestone milestone : Milestone.values()) {
        LocalDate date = milestone.rule().dateIn(year, calendar);
        String what = year + " " + milestone + " " + date;
        assertThat(calendar.isWorkingDayInTerm(date)).as(what).isTrue();
        assertThat(calendar.vacations()).as(what).noneMatch(vacation -> vacation.contains(date));
        assertThat(SHIPPED_DAYS).as(what).noneMatch(day -> day.day().equals(date) && day.kind() == CollegeDay.Kind.HOLIDAY);
        dates.put(milestone, date);
      }
      // the school: targets, standards, plans, assignment in the spring term; the year end's steps in December,
      // improvement in January
      List<LocalDate> school = Arrays.stream(Milestone.values()).filter(m -> m.level() == Level.SCHOOL)
          .filter(m -> m != Milestone.ANNUAL_WORK_PLAN_DUE).map(dates::get).toList();
      assertThat(school).as("the school cycle's milestones of " + year).isSorted();
      assertThat(dates.get(Milestone.CYCLE_TARGETS_DUE)).isAfter(calendar.term(Season.SPRING, year).startsOn());
      assertThat(dates.get(Milestone.CYCLE_IMPROVEMENT_DUE).getYear()).isEqualTo(year + 1);
      // the majors: the assessment's panel and materials after it opens in spring; the yearly self-diagnosis in
      // November, done before the school's year-end review reads it
      assertThat(List.of(dates.get(Milestone.MAJOR_ASSESSMENT_OPENS), dates.get(Milestone.MAJOR_PANEL_DUE),
          dates.get(Milestone.MAJOR_MATERIALS_DUE))).as("the major assessment's milestones of " + year).isSorted();
      assertThat(dates.get(Milestone.MAJOR_SELF_DIAGNOSIS_OPENS)).isBefore(dates.get(Milestone.MAJOR_SELF_DIAGNOSIS_DUE));
      assertThat(dates.get(Milestone.MAJOR_SELF_DIAGNOSIS_DUE)).isBefore(dates.get(Milestone.CYCLE_YEAR_END_REVIEW));
    }
  }

  @Test
  void aTiaoxiuSaturdayIsAWorkingDayAndAMilestoneMayFallOnIt() {
    MilestoneRule secondSaturdayOfMay = MilestoneRule.weekdayOfMonth(Month.MAY, DayOfWeek.SATURDAY, 2);
    LocalDate tiaoxiu = LocalDate.of(2026, 5, 9);
    WorkingCalendar shipped = calendarAround(2026, SHIPPED_DAYS);
    assertThat(shipped.isWorkingDay(tiaoxiu)).isTrue();
    assertThat(secondSaturdayOfMay.dateIn(2026, shipped)).isEqualTo(tiaoxiu);
    assertThat(shipped.workingDaysInTerm(LocalDate.of(2026, 5, 8), 1)).as("the working day after Friday 8 May").isEqualTo(tiaoxiu);
    // without the 调休 entry that Saturday is a weekend day: the milestone moves to Monday
    WorkingCalendar without = calendarAround(2026, SHIPPED_DAYS.stream().filter(day -> !day.day().equals(tiaoxiu)).toList());
    assertThat(without.isWorkingDay(tiaoxiu)).isFalse();
    assertThat(secondSaturdayOfMay.dateIn(2026, without)).isEqualTo(LocalDate.of(2026, 5, 11));
  }

  @Test
  void aDateTheRuleNamesInAVacationOrOnAHolidayMovesToTheNextWorkingDayInTerm() {
    MilestoneRule rule = Milestone.ANNUAL_WORK_PLAN_DUE.rule();
    assertThat(rule.describe()).isEqualTo("二月最后一个星期五");
    // 2027: the spring term started on 22 February, the day stands
    assertThat(rule.dateIn(2027, calendarAround(2027, SHIPPED_DAYS))).isEqualTo(LocalDate.of(2027, 2, 26));
    // 2026: 春节 is 17 February, the term starts on 2 March; the 调休 Saturday before it is still in the break
    WorkingCalendar of2026 = calendarAround(2026, SHIPPED_DAYS);
    assertThat(of2026.term(Season.SPRING, 2026).startsOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(rule.namedDay(2026, of2026)).isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(rule.dateIn(2026, of2026)).isEqualTo(LocalDate.of(2026, 3, 2));
    // 国庆节 2026: the first Friday of October is a holiday, the next working day is Thursday 8 October
    assertThat(MilestoneRule.weekdayOfMonth(Month.OCTOBER, DayOfWeek.FRIDAY, 1).dateIn(2026, of2026)).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(Milestone.CYCLE_TARGETS_DUE.rule().describe()).isEqualTo("春季学期开学后第 5 个工作日");
    assertThat(Milestone.CYCLE_IMPROVEMENT_DUE.rule().describe()).isEqualTo("秋季学期结束前第 3 个工作日");
  }

  @Test
  void aYearFarAheadHasTermsVacationsAndCheckpointsOnlyInTerm() {
    WorkingCalendar of2035 = calendarAround(2035, SHIPPED_DAYS);
    assertThat(of2035.vacations()).extracting(Vacation::label).contains("2035年寒假", "2035年暑假");
    // 春节 2035 is 8 February: the winter break holds it
    assertThat(of2035.vacations()).filteredOn(v -> v.label().equals("2035年寒假")).singleElement()
        .satisfies(winter -> assertThat(winter.contains(LocalDate.of(2035, 2, 8))).isTrue());
    assertThat(of2035.lastWorkingDayInTerm(YearMonth.of(2035, 7))).as("the spring term's last day").contains(LocalDate.of(2035, 7, 13));
    assertThat(of2035.lastWorkingDayInTerm(YearMonth.of(2035, 8))).as("August is summer break").isEmpty();
    assertThat(of2035.lastWorkingDayInTerm(YearMonth.of(2035, 9))).contains(LocalDate.of(2035, 9, 28));
  }

  private static WorkingCalendar calendarAround(int year, List<CollegeDay> days) {
    List<Term> terms = new ArrayList<>();
    for (int academicYear = year - 1; academicYear <= year + 1; academicYear++) {
      terms.add(Term.byRule(Period.semester(academicYear, 1)));
      terms.add(Term.byRule(Period.semester(academicYear, 2)));
    }
    List<CollegeDay> all = new ArrayList<>(days);
    for (int other = year - 1; other <= year + 1; other++) {
      int y = other;
      if (days.stream().noneMatch(day -> day.day().getYear() == y)) {
        all.addAll(CollegeDay.assumedHolidaysOf(other));
      }
    }
    return new WorkingCalendar(terms, all);
  }

  /** The holidays and 调休 days the migration ships. */
  private static List<CollegeDay> shippedDays() {
    try (InputStream sql = MilestoneRulesTest.class.getResourceAsStream("/db/migration/V10__college_calendar.sql")) {
      Matcher row = Pattern.compile("DATE '([\\d-]+)', '(HOLIDAY|WORKDAY)', '([^']+)'").matcher(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
      List<CollegeDay> days = new ArrayList<>();
      while (row.find()) {
        days.add(new CollegeDay(LocalDate.parse(row.group(1)), CollegeDay.Kind.valueOf(row.group(2)), row.group(3), true));
      }
      assertThat(days).as("33 days of 2025, 39 of 2026").hasSize(72);
      return days;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
