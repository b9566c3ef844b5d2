package cn.zhengai.calendar;

import cn.zhengai.api.Paging;
import cn.zhengai.calendar.AcademicCalendar.Entry;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 校历: everyone logged in reads it; admins and the head of 院办 maintain terms, holidays and milestone dates. */
@Tag(name = "校历")
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private static final String EDITORS = OrgGroups.headsOf(OrgGroups.PRESIDENTS_OFFICE);
  private static final String EDIT = "修改校历";

  private final AcademicCalendar calendar;
  private final CollegeCalendar college;

  CalendarController(AcademicCalendar calendar, CollegeCalendar college) {
    this.calendar = calendar;
    this.college = college;
  }

  @Operation(summary = "某年的校历节点（流程的截止日期取自这里）：按规则生成的日期，或院办手工设定的日期")
  @GetMapping("/{year}")
  ResponseEntity<List<Entry>> entries(@PathVariable int year, Paging paging) {
    return paging.of(calendar.entriesOf(year));
  }

  @Operation(summary = "某年的校历全貌：学期、假期、节假日与调休、全部校历节点，以及尚未录入的提示")
  @GetMapping("/{year}/overview")
  Overview overview(@PathVariable int year, Authentication authentication) {
    WorkingCalendar around = college.around(year);
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    List<Term> terms = around.terms().stream().filter(t -> !t.endsOn().isBefore(first) && !t.startsOn().isAfter(last)).toList();
    List<Vacation> vacations = around.vacations().stream().filter(v -> !v.to().isBefore(first) && !v.from().isAfter(last)).toList();
    List<CollegeDay> days = around.days().stream().filter(d -> d.day().getYear() == year).toList();
    List<String> warnings = new ArrayList<>();
    if (!college.holidaysEntered(year)) {
      warnings.add(year + " 年的法定节假日和调休安排尚未录入：暂按元旦、劳动节（5月1日–5日）、国庆节（10月1日–7日）推算，"
          + "清明、端午、中秋未计入；国务院公布当年安排后请逐日录入。");
    }
    if (terms.stream().anyMatch(t -> !t.entered())) {
      warnings.add("标注“按规则推算”的学期尚未录入，其日期由规则推算（秋季学期九月第一个星期一开学，春季学期春节后开学、七月第二个星期五结束），请按本校校历录入。");
    }
    if (!SpringFestival.isKnown(year)) {
      warnings.add(year + " 年的春节日期不在系统表中，寒假暂按 2 月 5 日前后推算。");
    }
    CurrentUser user = CurrentUser.of(authentication);
    return new Overview(year, mayEdit(user), terms, vacations, days, calendar.entriesOf(year), warnings);
  }

  @Operation(summary = "手工设定某年某校历节点的日期（优先于规则；院办负责人、系统管理员）")
  @PutMapping("/{year}/{milestone}")
  Entry set(@PathVariable int year, @PathVariable String milestone, @Valid @RequestBody MilestoneDate body, Authentication authentication) {
    var user = Access.requireAnyGroup(authentication, EDIT, EDITORS);
    return calendar.set(year, milestoneNamed(milestone), body.date(), body.note(), user.userId());
  }

  @Operation(summary = "取消手工设定的日期，恢复按规则生成")
  @DeleteMapping("/{year}/{milestone}")
  ResponseEntity<Void> clear(@PathVariable int year, @PathVariable String milestone, Authentication authentication) {
    Access.requireAnyGroup(authentication, EDIT, EDITORS);
    return done(calendar.clear(year, milestoneNamed(milestone)));
  }

  @Operation(summary = "录入学期的开学与结束日期（学年以开始年份计，学期 1 = 秋季、2 = 春季）")
  @PutMapping("/terms/{academicYear}/{term}")
  Term setTerm(@PathVariable int academicYear, @PathVariable int term, @Valid @RequestBody TermDates body, Authentication authentication) {
    var user = Access.requireAnyGroup(authentication, EDIT, EDITORS);
    return college.setTerm(academicYear, term, body.startsOn(), body.endsOn(), user.userId());
  }

  @Operation(summary = "删除录入的学期日期，恢复按规则推算")
  @DeleteMapping("/terms/{academicYear}/{term}")
  ResponseEntity<Void> clearTerm(@PathVariable int academicYear, @PathVariable int term, Authentication authentication) {
    Access.requireAnyGroup(authentication, EDIT, EDITORS);
    return done(college.clearTerm(academicYear, term));
  }

  @Operation(summary = "录入放假日（HOLIDAY）或调休上班日（WORKDAY，只能是星期六或星期日）")
  @PutMapping("/{year}/days/{day}")
  CollegeDay setDay(@PathVariable int year, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @Valid @RequestBody DayEntry body, Authentication authentication) {
    var user = Access.requireAnyGroup(authentication, EDIT, EDITORS);
    return college.setDay(year, day, kindNamed(body.kind()), body.label(), user.userId());
  }

  @Operation(summary = "删除一个放假日或调休上班日")
  @DeleteMapping("/{year}/days/{day}")
  ResponseEntity<Void> deleteDay(@PathVariable int year, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      Authentication authentication) {
    Access.requireAnyGroup(authentication, EDIT, EDITORS);
    return done(college.deleteDay(year, day));
  }

  private static boolean mayEdit(CurrentUser user) {
    return user.isMemberOf(Access.ADMIN_GROUP) || user.isMemberOf(EDITORS);
  }

  private static Milestone milestoneNamed(String name) {
    return Arrays.stream(Milestone.values()).filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> CollegeCalendar.refused("校历节点（milestone）“" + name + "”不存在，应为 "
            + Arrays.stream(Milestone.values()).map(Milestone::name).collect(Collectors.joining("、")) + " 之一"));
  }

  private static CollegeDay.Kind kindNamed(String name) {
    return Arrays.stream(CollegeDay.Kind.values()).filter(k -> k.name().equals(name)).findFirst()
        .orElseThrow(() -> CollegeCalendar.refused("类型（kind）“" + name + "”无效，应为 HOLIDAY（放假）或 WORKDAY（调休上班）"));
  }

  private static ResponseEntity<Void> done(boolean found) {
    return found ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }

  record MilestoneDate(@NotNull(message = "请填写日期") LocalDate date, @Size(max = 200, message = "说明不能超过 200 字") String note) {}

  record TermDates(@NotNull(message = "请填写开学日期") LocalDate startsOn, @NotNull(message = "请填写结束日期") LocalDate endsOn) {}

  record DayEntry(@NotBlank(message = "请选择类型") String kind,
      @NotBlank(message = "请填写名称，如 春节、国庆节调休上班") @Size(max = 32, message = "名称不能超过 32 字") String label) {}

  /** What the 校历 page shows for one year. */
  record Overview(int year, boolean mayEdit, List<Term> terms, List<Vacation> vacations, List<CollegeDay> days,
      List<Entry> milestones, List<String> warnings) {}
}
