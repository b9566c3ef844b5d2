package cn.zhengai.monitoring;

import static cn.zhengai.processes.MonitoringCheckpointProcess.Variables.*;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Starts a checkpoint: one {@link MonitoringCheckpointProcess} instance per unit, its first step asynchronous, so
 * that units never wait for each other and one unit's failure is an incident of its own instance only.
 */
@Service
public class MonitoringCheckpoints {

  private final RuntimeService runtimeService;
  private final OrgUnitRepository units;
  private final MonitoringSettings settings;
  private final CorrectionVerifiers verifiers;

  MonitoringCheckpoints(@Lazy RuntimeService runtimeService, OrgUnitRepository units, MonitoringSettings settings,
      CorrectionVerifiers verifiers) {
    this.runtimeService = runtimeService;
    this.units = units;
    this.settings = settings;
    this.verifiers = verifiers;
  }

  public void start(int year, LocalDate checkpoint, List<String> unitIds) {
    for (String unitId : unitIds) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(YEAR.name(), year);
      variables.put(UNIT.name(), unitId);
      variables.put(UNIT_NAME.name(), units.findById(unitId).map(unit -> unit.name()).orElse(unitId));
      variables.put(UNIT_HEAD_GROUP.name(), OrgGroups.headsOf(unitId));
      variables.put(VERIFIER_GROUP.name(), verifiers.of(unitId));
      variables.put(CHECKPOINT.name(), checkpoint.toString());
      variables.put(REPORT_DUE_AT.name(), CollegeTime.endOfDay(checkpoint.plusDays(settings.reportDays())));
      runtimeService.startProcessInstanceByKey(MonitoringCheckpointProcess.KEY, businessKey(checkpoint, unitId), variables);
    }
  }

  /** "2027-04/jwc": the month and the unit, as Cockpit lists the instances. */
  static String businessKey(LocalDate checkpoint, String unitId) {
    return checkpoint.toString().substring(0, 7) + "/" + unitId;
  }
}
