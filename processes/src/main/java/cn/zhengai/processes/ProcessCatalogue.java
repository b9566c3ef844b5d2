package cn.zhengai.processes;

import java.util.List;

/** Every model the product deploys. A test keeps this list equal to the files in {@code processes/}. */
public final class ProcessCatalogue {

  public static final List<ProcessModel> ALL = List.of(AnnualWorkPlanProcess.MODEL, SchoolAnnualCycleProcess.MODEL,
      MonitoringCheckpointProcess.MODEL, TaskEscalationProcess.MODEL, MajorAnnualDiagnosisProcess.MODEL,
      MajorAssessmentProcess.MODEL, AnnualQualityReportProcess.MODEL);

  private ProcessCatalogue() {}
}
