package cn.zhengai.tasks;

import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.processes.SharedVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Opens one unit's scope in a multi-instance sub-process: names the unit, routes its tasks to the unit's heads,
 * and declares the form variables locally, so that parallel units' answers never overwrite each other.
 */
public final class UnitScope {

  /** Variable names every unit scope sets. */
  public static final String UNIT = SharedVariables.UNIT.name();

  private UnitScope() {}

  public static void open(DelegateExecution execution, OrgUnitRepository units, List<String> localVariables) {
    String unitId = SharedVariables.UNIT.get(execution);
    OrgUnit unit = units.findById(unitId)
        .orElseThrow(() -> new IllegalStateException("单位 " + unitId + " 不在组织数据中，无法派发任务"));
    SharedVariables.UNIT_NAME.setLocal(execution, unit.name());
    SharedVariables.UNIT_HEAD_GROUP.setLocal(execution, OrgGroups.headsOf(unit.id()));
    localVariables.forEach(name -> execution.setVariableLocal(name, null));
  }
}
