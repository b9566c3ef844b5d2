package cn.zhengai.major;

import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.MAJOR;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.MAJOR_NAME;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.OWNER_GROUP;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.YEAR;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.ImprovementApproval;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.StepTaker;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records 教务处's acceptance of the major's self-diagnosis, by whom, so that next year's self-diagnosis and the
 * assessment read an accepted improvement; the major's leaders are told.
 */
@ModelBean("记录教务处对专业自我诊断的验收（验收人）并通知专业负责人")
@Component(MajorAnnualDiagnosisProcess.Beans.RECORD_MAJOR_YEAR)
class RecordMajorYearDelegate implements JavaDelegate {

  private final ReviewStore reviews;
  private final Notifications notifications;
  private final StepTaker stepTaker;
  private final Clock clock;

  RecordMajorYearDelegate(ReviewStore reviews, Notifications notifications, StepTaker stepTaker, Clock clock) {
    this.reviews = reviews;
    this.notifications = notifications;
    this.stepTaker = stepTaker;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String acceptedBy = stepTaker.userIdOr(OrgGroups.ACADEMIC_AFFAIRS);
    int year = YEAR.get(execution);
    reviews.record(Subject.major(MAJOR.get(execution)), Period.year(year), new ImprovementApproval(acceptedBy), clock.instant());
    notifications.send(OWNER_GROUP.get(execution), Notifications.Kind.RESULT, "【专业自我诊断已验收】" + MAJOR_NAME.get(execution)
        + " " + year + " 年度", "教务处已验收本专业的年度自我诊断，改进措施请在下一年度落实。", execution.getProcessInstanceId());
  }
}
