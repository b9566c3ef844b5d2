package cn.zhengai.calendar;

import cn.zhengai.api.Paging;
import cn.zhengai.calendar.AcademicCalendar.Entry;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "校历")
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final AcademicCalendar calendar;

  CalendarController(AcademicCalendar calendar) {
    this.calendar = calendar;
  }

  @Operation(summary = "某年的校历节点（流程的截止日期取自这里）")
  @GetMapping("/{year}")
  ResponseEntity<List<Entry>> entries(@PathVariable int year, Paging paging) {
    return paging.of(calendar.entriesOf(year));
  }

  @Operation(summary = "设置校历节点日期（院办、质管办）")
  @PutMapping("/{year}/{milestone}")
  Entry set(@PathVariable int year, @PathVariable Milestone milestone, @Valid @RequestBody MilestoneDate body,
      Authentication authentication) {
    var user = Access.requireAnyGroup(authentication, "修改校历", OrgGroups.PRESIDENTS_OFFICE, OrgGroups.QA_OFFICE);
    return calendar.set(year, milestone, body.date(), body.note(), user.userId());
  }

  record MilestoneDate(@NotNull(message = "请填写日期") LocalDate date, @Size(max = 200, message = "说明不能超过 200 字") String note) {}
}
