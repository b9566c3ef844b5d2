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
      Map<String, Object> variables = unitVariables(year, unitId, checkpoint);
      variables.put(REPORT_DUE_AT.name(), CollegeTime.endOfDay(checkpoint.plusDays(settings.reportDays())));
      runtimeService.startProcessInstanceByKey(MonitoringCheckpointProcess.KEY, businessKey(checkpoint, unitId), variables);
    }
  }

  /**
   * Asks a unit to correct a deviation the data monitors found on a day: the same loop as a checkpoint's, entered at
   * 制定纠偏措施 (there is no progress to report), business key "2027-04/jwc/warning-12". Returns the instance's id.
   */
  String startCorrection(String unitId, LocalDate day, long warningId, String deviation, String chartLink) {
    Map<String, Object> variables = unitVariables(day.getYear(), unitId, day);
    variables.put(DEVIATION_COUNT.name(), 1);
    variables.put(DEVIATIONS.name(), deviation);
    variables.put(CHART_LINK.name(), chartLink);
    variables.put(CORRECTION_DUE_AT.name(), settings.correctionDueAt(day));
    variables.put(VERIFICATION_DUE_AT.name(), settings.verificationDueAt(day));
    return runtimeService.createProcessInstanceByKey(MonitoringCheckpointProcess.KEY)
        .businessKey(businessKey(day, unitId) + "/warning-" + warningId).setVariables(variables)
        .startBeforeActivity(MonitoringCheckpointProcess.Elements.TASK_CORRECT_DEVIATION).execute().getId();
  }

  private Map<String, Object> unitVariables(int year, String unitId, LocalDate checkpoint) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(YEAR.name(), year);
    variables.put(UNIT.name(), unitId);
    variables.put(UNIT_NAME.name(), units.findById(unitId).map(unit -> unit.name()).orElse(unitId));
    variables.put(UNIT_HEAD_GROUP.name(), OrgGroups.headsOf(unitId));
    variables.put(VERIFIER_GROUP.name(), verifiers.of(unitId));
    variables.put(CHECKPOINT.name(), checkpoint.toString());
    return variables;
  }

  /** "2027-04/jwc": the month and the unit, as Cockpit lists the instances. */
  static String businessKey(LocalDate checkpoint, String unitId) {
    return checkpoint.toString().substring(0, 7) + "/" + unitId;
  }
}
