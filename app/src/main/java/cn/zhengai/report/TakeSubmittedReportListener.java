package cn.zhengai.report;

import static cn.zhengai.processes.AnnualQualityReportProcess.Variables.SUBMITTED_VERSION;
import static cn.zhengai.processes.AnnualQualityReportProcess.Variables.VERSIONS_BEFORE;
import static cn.zhengai.processes.AnnualQualityReportProcess.Variables.YEAR;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.processes.AnnualQualityReportProcess;
import cn.zhengai.report.PublishedReports.Status;
import cn.zhengai.report.PublishedReports.Version;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.StepTaker;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 质管办 finishes writing only with a version submitted in this round (on the 报告 page: the edited .docx, or the
 * draft as generated); the newest one goes to the leading group, and any earlier one of the round is set aside, so
 * that no version waits for a decision nobody is asked to take.
 */
@ModelBean("完成编写质量年报：须已在报告页提交本轮的质量年报，最新提交的版本送领导小组审批")
@Component(AnnualQualityReportProcess.Beans.TAKE_SUBMITTED_VERSION)
class TakeSubmittedReportListener implements TaskListener {

  static final String SUPERSEDED = "已由之后提交的版本取代";

  private final PublishedReports versions;
  private final StepTaker stepTaker;
  private final Clock clock;

  TakeSubmittedReportListener(PublishedReports versions, StepTaker stepTaker, Clock clock) {
    this.versions = versions;
    this.stepTaker = stepTaker;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    int year = YEAR.get(task);
    int before = VERSIONS_BEFORE.get(task);
    List<Version> submitted = versions.ofPeriod(String.valueOf(year)).stream()
        .filter(version -> version.id() > before && version.status() == Status.SUBMITTED).toList();
    if (submitted.isEmpty()) {
      throw new FormValueException(List.of("尚未提交 " + year + " 年度质量年报：请先在报告页（/reports?year=" + year
          + "）上传编辑后的质量年报（不上传文件则提交系统生成稿），再完成此任务"));
    }
    // newest first
    Version newest = submitted.get(0);
    for (Version earlier : submitted.subList(1, submitted.size())) {
      versions.returnForRevision(earlier.id(), SUPERSEDED, stepTaker.userIdOr(OrgGroups.QA_OFFICE), clock.instant());
    }
    SUBMITTED_VERSION.set(task, (int) newest.id());
  }
}
