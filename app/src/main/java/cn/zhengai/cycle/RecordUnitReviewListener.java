package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Elements.*;
import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.notification.Notifications;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.processes.SharedVariables;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.Review.Accountability;
import cn.zhengai.spiral.Review.Assessment;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.ImprovementApproval;
import cn.zhengai.spiral.Review.Innovation;
import cn.zhengai.spiral.Review.Learning;
import cn.zhengai.spiral.Review.Performance;
import cn.zhengai.spiral.Review.Section;
import cn.zhengai.spiral.Review.SelfAssessment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Checks each year-end review step's answers and keeps them in the review store, with who gave them: the
 * self-assessment with its 工作成效, the diagnosis, the performance result, the accountability decision, the
 * improvement plan with 学习 and 创新, and its approval. The unit's heads are told its grade and any accountability
 * decision.
 */
@ModelBean("检查并保存年终诊断各步的结果（自评、诊断、绩效、问责、学习、创新、改进计划）及办理人，并把考核结果和问责决定通知单位")
@Component(SchoolAnnualCycleProcess.Beans.RECORD_UNIT_REVIEW)
class RecordUnitReviewListener implements TaskListener {

  /** Grades of the self-assessment, the diagnosis and the performance result. */
  static final List<String> GRADES = List.of("优秀", "良好", "合格", "不合格");

  private final ReviewStore reviews;
  private final Notifications notifications;
  private final IdentityService identityService;
  private final Clock clock;

  RecordUnitReviewListener(ReviewStore reviews, Notifications notifications, @Lazy IdentityService identityService,
      Clock clock) {
    this.reviews = reviews;
    this.notifications = notifications;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> answers = task.getVariables();
    List<String> problems = new ArrayList<>();
    List<Section> kept = new ArrayList<>();
    String user = currentUser();
    switch (task.getTaskDefinitionKey()) {
      case TASK_SELF_ASSESS -> {
        FormChecks.requireText(answers, SELF_ASSESSMENT, "自我诊断", problems);
        FormChecks.requireText(answers, WORK_RESULTS, "工作成效", problems);
        FormChecks.requireChoice(answers, SELF_GRADE, "自评等级", GRADES, problems);
        kept.add(new SelfAssessment(text(answers, SELF_ASSESSMENT), text(answers, WORK_RESULTS), text(answers, SELF_GRADE)));
      }
      case TASK_DIAGNOSE_UNIT -> {
        FormChecks.requireChoice(answers, GRADE, "诊断等级", GRADES, problems);
        FormChecks.requireText(answers, FINDINGS, "诊断发现", problems);
        kept.add(new Assessment(text(answers, GRADE), text(answers, FINDINGS), user));
      }
      case TASK_RECORD_PERFORMANCE -> {
        FormChecks.requireChoice(answers, PERFORMANCE_RESULT, "绩效考核结果", GRADES, problems);
        kept.add(new Performance(text(answers, PERFORMANCE_RESULT), user));
      }
      case TASK_DECIDE_ACCOUNTABILITY -> {
        FormChecks.requireChoice(answers, ACCOUNTABILITY_DECISION, "问责决定", List.of(HOLD_ACCOUNTABLE, WAIVE), problems);
        FormChecks.requireText(answers, ACCOUNTABILITY_MEASURES, "问责措施或不予问责的理由", problems);
        kept.add(new Accountability(text(answers, ACCOUNTABILITY_DECISION), text(answers, ACCOUNTABILITY_MEASURES), user));
      }
      case TASK_WRITE_IMPROVEMENT_PLAN -> {
        FormChecks.requireText(answers, LEARNING_BENCHMARKS, "学习：对标先进", problems);
        FormChecks.requireText(answers, LEARNING_PEERS, "学习：同行交流", problems);
        FormChecks.requireText(answers, LEARNING_TRAINING, "学习：培训提升", problems);
        FormChecks.requireText(answers, INNOVATION, "创新：方法改进", problems);
        FormChecks.requireText(answers, PROBLEMS, "存在问题", problems);
        FormChecks.requireText(answers, CAUSES, "原因分析", problems);
        FormChecks.requireText(answers, IMPROVEMENT_MEASURES, "改进措施", problems);
        FormChecks.requireText(answers, NEXT_YEAR_TARGETS, "下一年度目标", problems);
        kept.add(new Learning(text(answers, LEARNING_BENCHMARKS), text(answers, LEARNING_PEERS), text(answers, LEARNING_TRAINING)));
        kept.add(new Innovation(text(answers, INNOVATION)));
        kept.add(new Improvement(text(answers, PROBLEMS), text(answers, CAUSES), text(answers, IMPROVEMENT_MEASURES),
            text(answers, NEXT_YEAR_TARGETS), null));
      }
      case TASK_APPROVE_IMPROVEMENT_PLAN -> kept.add(new ImprovementApproval(
          CycleDecisions.APPROVE.equals(answers.get(DECISION)) ? user : null));
      default -> throw new IllegalStateException(task.getTaskDefinitionKey() + " is not a step of the year-end review");
    }
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    int year = SharedVariables.YEAR.get(task);
    Subject unit = Subject.unit(SharedVariables.UNIT.get(task));
    kept.forEach(section -> reviews.record(unit, Period.year(year), section, clock.instant()));
    tellTheUnit(task, year, kept.get(0));
  }

  /** The unit's heads learn their grade once the performance result is recorded, and any accountability decision. */
  private void tellTheUnit(DelegateTask task, int year, Section section) {
    String unitName = SharedVariables.UNIT_NAME.get(task);
    String subject;
    String body;
    if (section instanceof Performance performance) {
      Review review = reviews.find(Subject.unit(SharedVariables.UNIT.get(task)), Period.year(year)).orElseThrow();
      subject = "【年度考核结果】" + unitName + " " + year + " 年度：诊断等级 " + review.assessment().grade() + "，绩效考核结果 "
          + performance.result();
      body = "诊断发现：" + review.assessment().findings();
    } else if (section instanceof Accountability accountability) {
      subject = "【问责决定】" + unitName + " " + year + " 年度："
          + (HOLD_ACCOUNTABLE.equals(accountability.decision()) ? "予以问责" : "不予问责");
      body = accountability.measures();
    } else {
      return;
    }
    notifications.send(SharedVariables.UNIT_HEAD_GROUP.get(task), Notifications.Kind.RESULT, subject, body,
        task.getProcessInstanceId());
  }

  private static String text(Map<String, Object> answers, String name) {
    return (String) answers.get(name);
  }

  private String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
