package cn.zhengai.major;

import static cn.zhengai.processes.MajorAssessmentProcess.Variables.CONCLUSION;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.FINDINGS;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.MAJOR;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.MAJOR_NAME;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.OWNER_GROUP;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.PERIOD;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.SANCTION;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.UNIT_HEAD_GROUP;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.Review.ImprovementApproval;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.StepTaker;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes a major's assessment in its review: a rectification that 质管办 accepted is marked approved, by whom; the
 * major's leaders and its 二级学院's heads are told the conclusion and any decision of the leading group.
 */
@ModelBean("记入考核性诊断结论（整改经质管办复核通过的记为已验收），并把结论和领导小组的决定通知专业负责人和二级学院")
@Component(MajorAssessmentProcess.Beans.RECORD_ASSESSMENT)
class RecordMajorAssessmentDelegate implements JavaDelegate {

  private final ReviewStore reviews;
  private final Notifications notifications;
  private final StepTaker stepTaker;
  private final Clock clock;

  RecordMajorAssessmentDelegate(ReviewStore reviews, Notifications notifications, StepTaker stepTaker, Clock clock) {
    this.reviews = reviews;
    this.notifications = notifications;
    this.stepTaker = stepTaker;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Subject major = Subject.major(MAJOR.get(execution));
    Period period = Period.parse(PERIOD.get(execution));
    boolean rectified = reviews.find(major, period).map(Review::improvement).isPresent();
    if (rectified) {
      reviews.record(major, period, new ImprovementApproval(stepTaker.userIdOr(OrgGroups.QA_OFFICE)), clock.instant());
    }
    String conclusion = CONCLUSION.get(execution);
    String decision = SANCTION.find(execution).map(sanction -> "；领导小组决定：" + sanction).orElse("");
    String subject = "【专业考核性诊断结论】" + MAJOR_NAME.get(execution) + " " + period.label() + "：" + conclusion + decision;
    String body = FINDINGS.get(execution) + (rectified ? "\n整改已经质管办复核通过。" : "");
    notifications.send(OWNER_GROUP.get(execution), Notifications.Kind.RESULT, subject, body, execution.getProcessInstanceId());
    notifications.send(UNIT_HEAD_GROUP.get(execution), Notifications.Kind.RESULT, subject, body, execution.getProcessInstanceId());
  }
}
