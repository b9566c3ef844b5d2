package cn.zhengai.cycle;

import cn.zhengai.api.Paging;
import cn.zhengai.monitoring.DeviationWarnings;
import cn.zhengai.monitoring.DeviationWarnings.Warning;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a year's cycle produced. The bodies that run the cycle (院办, 质管办, 人事处, the leading group) see every
 * unit; anyone else sees the units they belong to.
 */
@Tag(name = "年度诊改")
@RestController
@RequestMapping("/api/cycles/{year}")
class CycleController {

  private static final List<String> OVERSEERS = List.of(Access.ADMIN_GROUP, OrgGroups.PRESIDENTS_OFFICE, OrgGroups.QA_OFFICE,
      OrgGroups.PERSONNEL, OrgGroups.LEADING_GROUP);

  private final ReviewStore reviews;
  private final OrgUnitRepository units;
  private final DeviationWarnings warnings;

  CycleController(ReviewStore reviews, OrgUnitRepository units, DeviationWarnings warnings) {
    this.reviews = reviews;
    this.units = units;
    this.warnings = warnings;
  }

  /** A school unit's review of the year, with the unit's name; the sections as the review store keeps them. */
  record UnitReview(int year, String unitId, String unitName, Review.SelfAssessment selfAssessment, Review.Attainment attainment,
      Review.Assessment assessment, Review.Performance performance, Review.Accountability accountability,
      Review.Learning learning, Review.Innovation innovation, Review.Improvement improvement) {}

  @Operation(summary = "各单位年末诊断结果：数据测算（目标达成、任务完成、升级次数）、自评与工作成效、考核性诊断、绩效、问责、学习、创新、改进计划")
  @GetMapping("/reviews")
  ResponseEntity<List<UnitReview>> reviews(@PathVariable int year, Paging paging, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    Map<String, Review> byUnit = reviews.of(Level.SCHOOL, Period.year(year)).stream()
        .collect(Collectors.toMap(review -> review.subject().id(), Function.identity()));
    return paging.of(units.findAll().stream().filter(unit -> byUnit.containsKey(unit.id()) && sees(user, unit.id())).map(unit -> {
      Review review = byUnit.get(unit.id());
      return new UnitReview(year, unit.id(), unit.name(), review.selfAssessment(), review.attainment(), review.assessment(),
          review.performance(), review.accountability(), review.learning(), review.innovation(), review.improvement());
    }).toList());
  }

  @Operation(summary = "月度监测发现的偏差预警：任务滞后、逾期，指标越过预警值")
  @GetMapping("/warnings")
  ResponseEntity<List<Warning>> warnings(@PathVariable int year, Paging paging, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return paging.of(warnings.ofYear(year).stream().filter(warning -> sees(user, warning.unitId())).toList());
  }

  private static boolean sees(CurrentUser user, String unitId) {
    return OVERSEERS.stream().anyMatch(user::isMemberOf) || user.isMemberOf(unitId);
  }
}
