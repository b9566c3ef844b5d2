package cn.zhengai.cycle;

import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.planning.YearData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The units a year's cycle watches and reviews: every unit that owns a target or has a task in 表6, in the
 * college's order. A unit with tasks but no target is monitored and reviewed as well.
 */
@Component
class CycleUnits {

  private final YearData yearData;
  private final OrgUnitRepository units;

  CycleUnits(YearData yearData, OrgUnitRepository units) {
    this.yearData = yearData;
    this.units = units;
  }

  List<String> of(int year, List<String> targetOwners) {
    Set<String> taking = new HashSet<>(targetOwners);
    taking.addAll(yearData.unitsWithTasks(year));
    return new ArrayList<>(units.findAll().stream().map(OrgUnit::id).filter(taking::contains).toList());
  }
}
