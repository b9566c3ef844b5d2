package cn.zhengai.planning.warnings;

import cn.zhengai.api.Paging;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.planning.PlanningAccess;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.zhengai.security.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "目标链、标准链与任务跟踪")
@RestController
@RequestMapping("/api/planning/warnings")
class WarningController {

  private final DeadlineWarnings warnings;
  private final PlanningSupport support;

  WarningController(DeadlineWarnings warnings, PlanningSupport support) {
    this.warnings = warnings;
    this.support = support;
  }

  @Operation(summary = "我负责的单位某天的到期与逾期预警（每日汇总通知的完整清单），分页，逾期在前；day 默认今天")
  @GetMapping
  ResponseEntity<DeadlineWarnings.Page> mine(@RequestParam(required = false) LocalDate day, Paging paging,
      Authentication authentication) {
    List<String> unitIds = CurrentUser.of(authentication).groupIds().stream()
        .filter(group -> group.startsWith(OrgGroups.HEAD_GROUP_PREFIX))
        .map(group -> group.substring(OrgGroups.HEAD_GROUP_PREFIX.length())).toList();
    DeadlineWarnings.Page page = warnings.listed(unitIds, day == null ? support.today() : day, paging.page(), paging.size(),
        support.directory());
    return paging.answer(page, page.total());
  }

  @Operation(summary = "立即检查到期与逾期（平时每天自动检查一次）；已发过的预警不会重发。仅质管办与系统管理员")
  @PostMapping("/scan")
  Map<String, Integer> scan(Authentication authentication) {
    Access.requireAnyGroup(authentication, "立即检查到期预警", PlanningAccess.QA_OFFICE);
    return Map.of("sent", warnings.scan(support.today()));
  }
}
