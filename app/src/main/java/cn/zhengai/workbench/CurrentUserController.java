package cn.zhengai.workbench;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.org.EngineUserNames;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.security.GroupNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in: what the workbench needs to open at the person's own unit and the current year. */
@Tag(name = "当前用户")
@RestController
class CurrentUserController {

  private final IdentityService identityService;
  private final OrgUnitRepository orgUnits;
  private final GroupNames groupNames;
  private final Clock clock;

  CurrentUserController(IdentityService identityService, OrgUnitRepository orgUnits, GroupNames groupNames, Clock clock) {
    this.identityService = identityService;
    this.orgUnits = orgUnits;
    this.groupNames = groupNames;
    this.clock = clock;
  }

  @Operation(summary = "当前用户：账号、姓名、所在单位（部门或教学单位）、所在组（角色）及当前年度")
  @GetMapping("/api/me")
  Me me(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    User person = identityService.createUserQuery().userId(user.userId()).singleResult();
    Map<String, OrgUnitRepository.OrgUnit> unitsById = orgUnits.findAll().stream()
        .collect(Collectors.toMap(OrgUnitRepository.OrgUnit::id, Function.identity()));
    List<Named> units = user.groupIds().stream().filter(unitsById::containsKey)
        .map(id -> new Named(id, unitsById.get(id).name())).toList();
    List<Named> groups = user.groupIds().stream().filter(id -> !unitsById.containsKey(id))
        .map(id -> new Named(id, groupNames.nameOf(id))).toList();
    String name = person == null ? user.userId() : EngineUserNames.fullName(person);
    LocalDate today = CollegeTime.today(clock);
    return new Me(user.userId(), name, units, groups, today.getYear(), today);
  }

  /**
   * @param units the departments and teaching units the person belongs to
   * @param groups every other group: roles, heads' groups, the QA bodies
   * @param year the current year in the college's time zone, the year of the running cycle
   * @param today the college's date (the training clock's in 演练模式)
   */
  record Me(String userId, String name, List<Named> units, List<Named> groups, int year, LocalDate today) {}

  record Named(String id, String name) {}
}
