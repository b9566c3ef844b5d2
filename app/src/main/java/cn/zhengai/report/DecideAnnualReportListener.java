package cn.zhengai.report;

import static cn.zhengai.processes.AnnualQualityReportProcess.Variables.SUBMITTED_VERSION;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.processes.AnnualQualityReportProcess;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.report.PublishedReports.Version;
import cn.zhengai.tasks.StepTaker;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The leading group's approval of the annual quality report: when the task opens, the submitted version is shown as
 * what is decided on; when it is completed, an approval publishes exactly that version (frozen bytes, who, when,
 * SHA-256) and a return with a reason marks it returned. An incomplete decision is left to
 * {@code checkCycleDecisionListener}, named after this one, which refuses it and so undoes nothing here.
 */
@ModelBean("审批质量年报：任务中显示提交的版本；通过即冻结发布该版本，退回则标记为已退回（须排在检查评审结论之前）")
@Component(AnnualQualityReportProcess.Beans.DECIDE_REPORT)
class DecideAnnualReportListener implements TaskListener {

  private final PublishedReports versions;
  private final StepTaker stepTaker;
  private final Clock clock;

  DecideAnnualReportListener(PublishedReports versions, StepTaker stepTaker, Clock clock) {
    this.versions = versions;
    this.stepTaker = stepTaker;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = SUBMITTED_VERSION.get(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(CycleDecisions.DECISION_CONTENT, shown(versions.find(id).orElseThrow()));
      return;
    }
    String who = stepTaker.userIdOr(OrgGroups.LEADING_GROUP);
    Object decision = task.getVariable(CycleDecisions.DECISION);
    if (CycleDecisions.APPROVE.equals(decision)) {
      versions.publish(id, who, clock.instant());
    } else if (CycleDecisions.RETURN.equals(decision) && task.getVariable(CycleDecisions.RETURN_REASON) instanceof String reason
        && !reason.isBlank()) {
      versions.returnForRevision(id, reason, who, clock.instant());
    }
  }

  private static String shown(Version version) {
    return "质管办提交的质量年报：" + version.fileName() + "\n"
        + "提交：" + version.submittedBy() + " · " + SchoolUnitReports.MINUTE.format(version.submittedAt()) + "\n"
        + (version.note() == null || version.note().isBlank() ? "" : "说明：" + version.note() + "\n")
        + "SHA-256：" + version.sha256() + "\n"
        + "下载（见“诊断报告”页签）：/api/reports/annual/versions/" + version.id();
  }
}
