package cn.zhengai.dashboard;

import cn.zhengai.org.OrgGroups;
import cn.zhengai.planning.TableScope;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the 诊改驾驶舱 (the Cockpit plugin under {@code webjars/camunda/app/cockpit/scripts/zhengai-dashboard.js}).
 * The bodies that watch the whole system (质管办, the leading group, administrators) see every unit; a unit's heads
 * see their own unit(s) only; anyone else is refused.
 */
@Tag(name = "诊改驾驶舱")
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

  private static final List<String> WATCH_ALL = List.of(Access.ADMIN_GROUP, OrgGroups.QA_OFFICE, OrgGroups.LEADING_GROUP);

  private final CycleDashboard dashboard;

  DashboardController(CycleDashboard dashboard) {
    this.dashboard = dashboard;
  }

  @Operation(summary = "诊改驾驶舱：某年度每个按单位运行的流程中各单位所处环节（单位 × 环节），逾期、升级、预警与纠偏、年末等级；"
      + "质管办、质量保证领导小组、系统管理员看全部单位，单位负责人只看本单位")
  @GetMapping("/cycles/{year}")
  CycleDashboard.Board cycle(@PathVariable int year, Authentication authentication) {
    CurrentUser user = Access.requireAnyGroup(authentication, "查看诊改驾驶舱", OrgGroups.QA_OFFICE, OrgGroups.LEADING_GROUP,
        OrgGroups.DEPARTMENT_HEAD_ROLE);
    int checkedYear = new TableScope(year).requireYear();
    if (WATCH_ALL.stream().anyMatch(user::isMemberOf)) {
      return dashboard.of(checkedYear, null);
    }
    Set<String> headed = user.groupIds().stream().filter(group -> group.startsWith(OrgGroups.HEAD_GROUP_PREFIX))
        .map(group -> group.substring(OrgGroups.HEAD_GROUP_PREFIX.length())).collect(Collectors.toSet());
    return dashboard.of(checkedYear, headed);
  }
}
