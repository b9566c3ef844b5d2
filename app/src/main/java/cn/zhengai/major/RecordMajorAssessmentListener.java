package cn.zhengai.major;

import static cn.zhengai.processes.MajorAssessmentProcess.Elements.TASK_CONCLUDE_ASSESSMENT;
import static cn.zhengai.processes.MajorAssessmentProcess.Elements.TASK_DECIDE_SANCTION;
import static cn.zhengai.processes.MajorAssessmentProcess.Elements.TASK_EXPERT_REVIEW;
import static cn.zhengai.processes.MajorAssessmentProcess.Elements.TASK_RECTIFY;
import static cn.zhengai.processes.MajorAssessmentProcess.Elements.TASK_SCHEDULE_SITE_VISIT;
import static cn.zhengai.processes.MajorAssessmentProcess.Elements.TASK_SUBMIT_MATERIALS;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.CERTIFICATION_COMPARISON;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.CONCLUSION;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.EMPLOYER_SATISFACTION;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.EXPERT;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.EXPERT_GRADE;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.EXPERT_OPINION;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.EXPERT_REVIEW_DUE_AT;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.FINDINGS;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.GRADUATE_TRACKING;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.ITEM_SCORES;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.MAJOR;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.MARKET_SURVEY;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.PERIOD;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.RECTIFICATION_DUE_AT;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.RECTIFICATION_DUE_DATE;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.RECTIFICATION_MEASURES;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.RECTIFICATION_RESULT;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.SANCTION;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.SANCTION_NOTE;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.SITE_VISIT_DATE;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.SITE_VISIT_PLAN;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.STANDARD_ITEMS;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.STATE_DATA;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.major.ExpertReviews.ExpertReview;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.Accountability;
import cn.zhengai.spiral.Review.Assessment;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.Section;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.StepTaker;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks each step of a major's assessment and keeps what it decides: the materials, the site visit (which sets
 * the experts' due date), each expert's scores (kept per expert: the experts review in parallel, each task with
 * its own answers), the conclusion with its rectification deadline, the leading group's decision and the
 * rectification, the last three in the major's review of the period.
 */
@ModelBean("检查并保存专业考核性诊断各步的结果（材料、现场考察、专家评分、结论、领导小组决定、整改）")
@Component(MajorAssessmentProcess.Beans.RECORD_ASSESSMENT_STEP)
class RecordMajorAssessmentListener implements TaskListener {

  private final ExpertReviews expertReviews;
  private final ReviewStore reviews;
  private final MajorSettings settings;
  private final StepTaker stepTaker;
  private final Clock clock;

  RecordMajorAssessmentListener(ExpertReviews expertReviews, ReviewStore reviews, MajorSettings settings,
      StepTaker stepTaker, Clock clock) {
    this.expertReviews = expertReviews;
    this.reviews = reviews;
    this.settings = settings;
    this.stepTaker = stepTaker;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // each expert's answers stay on their own task, starting from the items to score
      ITEM_SCORES.setLocal(task, STANDARD_ITEMS.find(task).orElse(""));
      EXPERT_GRADE.setLocal(task, null);
      EXPERT_OPINION.setLocal(task, null);
      return;
    }
    Map<String, Object> answers = task.getVariables();
    List<String> problems = new ArrayList<>();
    LocalDate today = CollegeTime.today(clock);
    Section kept = null;
    switch (task.getTaskDefinitionKey()) {
      case TASK_SUBMIT_MATERIALS -> {
        FormChecks.requireText(answers, STATE_DATA.name(), "状态数据分析", problems);
        FormChecks.requireText(answers, MARKET_SURVEY.name(), "市场需求调研", problems);
        FormChecks.requireText(answers, GRADUATE_TRACKING.name(), "毕业生跟踪调查", problems);
        FormChecks.requireText(answers, EMPLOYER_SATISFACTION.name(), "用人单位满意度调查", problems);
        if (CERTIFICATION_COMPARISON.find(task).map(String::length).orElse(0) > FormChecks.MAX_TEXT) {
          problems.add("专业认证或评估比对不能超过 " + FormChecks.MAX_TEXT + " 字");
        }
      }
      case TASK_SCHEDULE_SITE_VISIT -> {
        LocalDate visit = FormChecks.date(answers.get(SITE_VISIT_DATE.name()), "现场考察日期", true, problems);
        FormChecks.requireText(answers, SITE_VISIT_PLAN.name(), "考察安排", problems);
        if (visit != null && visit.isBefore(today)) {
          problems.add("现场考察日期 " + visit + " 已过，请安排今天或以后的日期");
        }
        if (problems.isEmpty()) {
          EXPERT_REVIEW_DUE_AT.set(task, CollegeTime.endOfDay(visit.plusDays(settings.expertReviewDays())));
        }
      }
      case TASK_EXPERT_REVIEW -> {
        ItemScores.total(ITEM_SCORES.find(task).orElse(""), problems);
        FormChecks.requireChoice(answers, EXPERT_GRADE.name(), "专家结论", MajorAssessmentProcess.CONCLUSIONS, problems);
        FormChecks.requireText(answers, EXPERT_OPINION.name(), "评审意见", problems);
        if (problems.isEmpty()) {
          String expert = EXPERT.find(task).orElse(task.getAssignee());
          expertReviews.save(task.getProcessInstanceId(), new ExpertReview(expert, ITEM_SCORES.get(task),
              EXPERT_GRADE.get(task), EXPERT_OPINION.get(task)), clock.instant());
        }
      }
      case TASK_CONCLUDE_ASSESSMENT -> {
        FormChecks.requireChoice(answers, CONCLUSION.name(), "诊断结论", MajorAssessmentProcess.CONCLUSIONS, problems);
        FormChecks.requireText(answers, FINDINGS.name(), "主要问题与整改要求", problems);
        boolean passed = MajorAssessmentProcess.CONCLUSIONS.get(0).equals(answers.get(CONCLUSION.name()));
        LocalDate due = FormChecks.date(answers.get(RECTIFICATION_DUE_DATE.name()), "整改期限", !passed, problems);
        if (due != null && !due.isAfter(today)) {
          problems.add("整改期限 " + due + " 应在今天之后");
        }
        if (problems.isEmpty()) {
          if (due != null) {
            RECTIFICATION_DUE_AT.set(task, CollegeTime.endOfDay(due));
          }
          kept = new Assessment(CONCLUSION.get(task), FINDINGS.get(task), stepTaker.userId());
        }
      }
      case TASK_DECIDE_SANCTION -> {
        FormChecks.requireChoice(answers, SANCTION.name(), "决定", MajorAssessmentProcess.SANCTIONS, problems);
        FormChecks.requireText(answers, SANCTION_NOTE.name(), "说明", problems);
        if (problems.isEmpty()) {
          kept = new Accountability(SANCTION.get(task), SANCTION_NOTE.get(task), stepTaker.userId());
        }
      }
      case TASK_RECTIFY -> {
        FormChecks.requireText(answers, RECTIFICATION_MEASURES.name(), "整改措施", problems);
        FormChecks.requireText(answers, RECTIFICATION_RESULT.name(), "整改效果", problems);
        if (problems.isEmpty()) {
          kept = new Improvement(FINDINGS.get(task), null, RECTIFICATION_MEASURES.get(task), RECTIFICATION_RESULT.get(task),
              null);
        }
      }
      default -> throw new IllegalStateException(task.getTaskDefinitionKey() + " is not a step of the major assessment");
    }
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    if (kept != null) {
      reviews.record(Subject.major(MAJOR.get(task)), Period.parse(PERIOD.get(task)), kept, clock.instant());
    }
  }
}
