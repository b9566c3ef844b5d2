package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Elements.*;
import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.*;
import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.support.EngineRest;
import cn.zhengai.support.TableRows;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A whole year of the school's cycle for the demo college, through the application's own services: users work their
 * tasks through the engine REST API and the chains' API with their own accounts, and the clock moves month by month
 * while the due timers fire. Three units own targets: 教务处 (a task that falls behind and is corrected), 人事处 (a
 * report left to climb the escalation ladder, a task left overdue and a target missed: an accountability case; its
 * own performance result is recorded by the leading group) and 汽车工程学院 (an indicator past its warning value,
 * corrected; its improvement plan comes late). 质管办 has a task of its own, so its own diagnosis and improvement
 * plan go to the leading group; it is monitored like the target owners. At year end the figures are measured before the units assess themselves; the next
 * year's cycle starts on its date while 汽车工程学院's plan is still open. At the end the task tracking, the warnings,
 * the escalation records, the review store and the next year's cycle are checked. Walked by a test on PostgreSQL and
 * by the benchmark P5 with the training clock.
 */
public final class SchoolYearWalk {

  /** How the walk moves time: to noon of a day, running every timer and job due by then; and the jobs due now. */
  public interface Clockwork {
    void moveTo(LocalDate day);

    void runDueJobs();
  }

  static final String PRESIDENTS_OFFICE_HEAD = "liming"; // 院办
  static final String LEADING_GROUP_MEMBER = "sunhua";
  static final String QA_OFFICE_HEAD = "zhouqiang"; // 质管办
  static final String ACADEMIC_AFFAIRS_HEAD = "wangfang"; // 教务处
  static final String PERSONNEL_HEAD = "chenjie"; // 人事处
  static final String AUTOMOTIVE_DEAN = "xujun"; // 汽车工程学院
  static final Map<String, String> HEADS = new LinkedHashMap<>(Map.of("jwc", ACADEMIC_AFFAIRS_HEAD, "rsc", PERSONNEL_HEAD,
      "qcxy", AUTOMOTIVE_DEAN));
  /** Every unit the cycle watches and reviews: the target owners and 质管办, which has a task but no target. */
  static final Map<String, String> MONITORED = new LinkedHashMap<>(HEADS);
  /** The names 表5 gives the monitored units. */
  private static final Map<String, String> UNIT_NAMES = Map.of("jwc", "教务处", "rsc", "人事处", "qcxy", "汽车工程学院", "zgb", "质管办");

  static {
    MONITORED.put("zgb", QA_OFFICE_HEAD);
  }

  private static final ZoneId COLLEGE = ZoneId.of("Asia/Shanghai");

  private final TestRestTemplate http;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Clockwork clockwork;

  public SchoolYearWalk(TestRestTemplate http, RuntimeService runtimeService, TaskService taskService, Clockwork clockwork) {
    this.http = http;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.clockwork = clockwork;
  }

  /** Walks the year from 5 January 2027 to the start of the 2028 cycle, checking what comes out on the way. */
  public void walk() {
    // ---- 目标: 院办 drafts the year's targets, the leading group approves them
    clockwork.moveTo(LocalDate.of(2027, 1, 5));
    JsonNode cycle = as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/process-definition/key/" + SchoolAnnualCycleProcess.KEY + "/start",
        variables(Map.of(YEAR.name(), 2027))).expect(200).json();
    assertThat(cycle.get("businessKey").asText()).isEqualTo("2027");
    String draft = cycleTask(TASK_DRAFT_TARGETS, null);
    assertThat(as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/task/" + draft + "/submit-form", variables(Map.of(TARGETS_NOTE.name(), "草案")))
        .expect(400).json().get("message").asText()).contains("尚无 2027 年度的目标");
    target("T2027-JW-01", "毕业率", "专业建设规划", "教务处", "95", "90", "92");
    target("T2027-RS-01", "双师型教师比例", "师资队伍建设规划", "人事处", "60", "50", "55");
    target("T2027-QC-01", "专业对口就业率", "各教学单位“十三五”发展规划（6个）", "汽车工程学院", "95", "90", "92");
    // the draft goes in before the winter break, well before its due date (03-01, in the spring term); the leading
    // group returns it after a few days
    clockwork.moveTo(LocalDate.of(2027, 1, 18));
    complete(PRESIDENTS_OFFICE_HEAD, draft, Map.of(TARGETS_NOTE.name(), "初稿"));
    clockwork.moveTo(LocalDate.of(2027, 1, 20));
    complete(LEADING_GROUP_MEMBER, cycleTask(TASK_APPROVE_TARGETS, null), Map.of(CycleDecisions.DECISION, CycleDecisions.RETURN,
        CycleDecisions.RETURN_REASON, "请写明与十三五规划的衔接"));
    String redraft = cycleTask(TASK_DRAFT_TARGETS, null);
    assertThat(formValue(PRESIDENTS_OFFICE_HEAD, redraft, CycleDecisions.LAST_RETURN_REASON)).isEqualTo("请写明与十三五规划的衔接");
    // the first due date, later than revision-days (7) from the return
    assertThat(formValue(PRESIDENTS_OFFICE_HEAD, redraft, CycleDecisions.LAST_RETURN_DUE_DATE)).isEqualTo("2027-03-01");
    assertThat(taskService.createTaskQuery().taskId(redraft).singleResult().getDueDate())
        .isEqualTo(Date.from(LocalDate.of(2027, 3, 1).atTime(23, 59, 59).atZone(COLLEGE).toInstant()));
    clockwork.moveTo(LocalDate.of(2027, 1, 23));
    assertThat(as(QA_OFFICE_HEAD).get("/api/escalations?unit=yb").expect(200).json()).as("no escalation before the due date").isEmpty();
    setCurrentValue(PRESIDENTS_OFFICE_HEAD, "T2027-JW-01", "95");
    complete(PRESIDENTS_OFFICE_HEAD, redraft, Map.of(TARGETS_NOTE.name(), "依据十三五规划起草三项年度目标"));
    String secondApproval = cycleTask(TASK_APPROVE_TARGETS, null);
    assertThat(formValue(LEADING_GROUP_MEMBER, secondApproval, CycleDecisions.CHANGES_SINCE_RETURN))
        .as("what 院办 changed since the return: the note, and the target row")
        .contains("【目标起草说明】\n原：初稿\n现：依据十三五规划起草三项年度目标", "：修改「T2027-JW-01」（1月23日 12:00）；当前值 （空） → 95")
        .doesNotContain("T2027-RS-01");
    assertThat(formValue(LEADING_GROUP_MEMBER, secondApproval, DECISION_CONTENT.name())).as("the leading group sees the targets it approves")
        .contains("2027 年度目标 3 项", "· T2027-JW-01 毕业率（教务处）：目标值 ≥ 95%，标准值 90，预警值 92，当前值 95",
            "· T2027-RS-01 双师型教师比例（人事处）：目标值 ≥ 60%，标准值 50，预警值 55，当前值 —");
    assertThat(formValue(LEADING_GROUP_MEMBER, secondApproval, CycleDecisions.DECISION)).as("the second review starts empty").isNull();
    assertThat(formValue(LEADING_GROUP_MEMBER, secondApproval, CycleDecisions.RETURN_REASON)).isNull();
    assertThat(formValue(LEADING_GROUP_MEMBER, secondApproval, CycleDecisions.LAST_RETURN_REASON)).isEqualTo("请写明与十三五规划的衔接");
    complete(LEADING_GROUP_MEMBER, secondApproval, Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE));

    // ---- 标准: no target goes on without a standard in force
    String link = cycleTask(TASK_LINK_STANDARDS, null);
    assertThat(as(QA_OFFICE_HEAD).post("/engine-rest/task/" + link + "/submit-form", variables(Map.of(STANDARDS_NOTE.name(), "关联")))
        .expect(400).json().get("message").asText()).contains("T2027-JW-01", "T2027-RS-01", "T2027-QC-01");
    standard("毕业生质量标准", "教务处", "T2027-JW-01、T2027-QC-01");
    standard("双师型教师认定标准", "人事处", "T2027-RS-01");
    complete(QA_OFFICE_HEAD, link, Map.of(STANDARDS_NOTE.name(), "每项目标均已关联现行标准"));

    // ---- 计划 and 组织: each unit owning a target gets one annual work plan task: its plan is its key tasks in 表5,
    // which 院办 reviews; then it puts a person on each (表6)
    assertThat(taskService.createTaskQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).count())
        .as("one plan task per unit and year").isEqualTo(HEADS.size());
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + planTask(AnnualWorkPlanProcess.Elements.TASK_SUBMIT_WORK_PLAN,
        "jwc") + "/submit-form", variables(Map.of())).expect(400).json().get("message").asText())
        .contains("教务处尚未在“表5 年度重点工作任务分解”中录入 2027 年度的重点任务", "/workbench?table=key-tasks&year=2027&unit=jwc");
    keyTask(ACADEMIC_AFFAIRS_HEAD, "修订人才培养方案", "教务处", "2027-06-30");
    keyTask(PERSONNEL_HEAD, "引进双师型教师", "人事处", "2027-09-30");
    keyTask(AUTOMOTIVE_DEAN, "新能源实训基地建设", "汽车工程学院", "2027-10-31");
    keyTask(QA_OFFICE_HEAD, "编制年度质量报告", "质管办", "2027-06-30");
    for (Map.Entry<String, String> head : HEADS.entrySet()) {
      complete(head.getValue(), planTask(AnnualWorkPlanProcess.Elements.TASK_SUBMIT_WORK_PLAN, head.getKey()), Map.of());
      String review = planTask(AnnualWorkPlanProcess.Elements.TASK_REVIEW_WORK_PLAN, head.getKey());
      assertThat(formValue(PRESIDENTS_OFFICE_HEAD, review, AnnualWorkPlanProcess.Variables.KEY_TASKS.name()))
          .as("院办 reviews the unit's 表5 rows").startsWith("1. ").contains("；措施及目标：按月推进；完成时限：2027-");
      complete(PRESIDENTS_OFFICE_HEAD, review, Map.of(AnnualWorkPlanProcess.Variables.DECISION.name(),
          AnnualWorkPlanProcess.Variables.DECISION_APPROVE));
    }
    assertThat(taskService.createTaskQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY).count()).isZero();
    String assign = cycleTask(TASK_ASSIGN_KEY_TASKS, "qcxy");
    assertThat(as(AUTOMOTIVE_DEAN).post("/engine-rest/task/" + assign + "/submit-form", variables(Map.of(ASSIGNMENT_NOTE.name(), "已落实")))
        .expect(400).json().get("message").asText()).contains("新能源实训基地建设");
    assignPerson(ACADEMIC_AFFAIRS_HEAD, "修订人才培养方案", "王芳");
    assignPerson(PERSONNEL_HEAD, "引进双师型教师", "陈杰");
    assignPerson(AUTOMOTIVE_DEAN, "新能源实训基地建设", "徐军");
    for (Map.Entry<String, String> head : HEADS.entrySet()) {
      complete(head.getValue(), cycleTask(TASK_ASSIGN_KEY_TASKS, head.getKey()), Map.of(ASSIGNMENT_NOTE.name(), "已落实到人"));
    }

    // ---- 实施: each unit reports progress; a checkpoint closes each month from March to November on its last working
    // day in term: July's on the spring term's last day (9 July), none in August (summer break), October's on Friday 29
    Map<Integer, LocalDate> checkpoints = Map.of(3, LocalDate.of(2027, 3, 31), 4, LocalDate.of(2027, 4, 30), 5, LocalDate.of(2027, 5, 31),
        6, LocalDate.of(2027, 6, 30), 7, LocalDate.of(2027, 7, 9), 9, LocalDate.of(2027, 9, 30), 10, LocalDate.of(2027, 10, 29),
        11, LocalDate.of(2027, 11, 30));
    for (int month = 1; month <= 11; month++) {
      monthBeforeCheckpoint(month);
      LocalDate checkpoint = checkpoints.get(month);
      if (checkpoint == null) {
        continue;
      }
      // the checkpoint's timer fires as its day ends; the units report the next morning
      clockwork.moveTo(checkpoint.plusDays(1));
      for (Map.Entry<String, String> head : MONITORED.entrySet()) {
        if (month == 5 && head.getKey().equals("rsc")) {
          continue; // 人事处 leaves May's report to the escalation ladder
        }
        report(head.getKey(), checkpoint);
      }
      if (month == 4) {
        returnTheFirstCorrection("jwc", checkpoint);
      }
      correctWhatWasWarned(checkpoint);
      if (month == 5) {
        // a week after the report was due the ladder has reached the leading group; 人事处 reports then
        clockwork.moveTo(LocalDate.of(2027, 6, 13));
        progress(PERSONNEL_HEAD, "引进双师型教师", LocalDate.of(2027, 6, 13), 60);
        report("rsc", checkpoint);
        correctWhatWasWarned(checkpoint);
      }
    }

    // ---- 诊断, 激励, 学习与改进 at year end: the year-end timer fired on the morning of 1 December, and the data was
    // measured then, judged on that date; each unit assesses itself beside its figures
    Map<String, String> reviewed = MONITORED;
    for (Map.Entry<String, String> head : reviewed.entrySet()) {
      String selfAssess = cycleTask(TASK_SELF_ASSESS, head.getKey());
      assertThat(formValue(head.getValue(), selfAssess, ATTAINMENT_SUMMARY.name())).as("figures on the self-assessment form of " + head.getKey())
          .startsWith("截至 2027-12-01：目标 " + (head.getKey().equals("zgb") ? 0 : 1) + " 项");
      Map<String, Object> selfAssessment = Map.of(SELF_ASSESSMENT.name(), "对照目标与标准的总结", WORK_RESULTS.name(), "重点任务的工作成效综述",
          SELF_GRADE.name(), "良好");
      List<String> keyTasks = keyTaskTitles(head.getValue(), head.getKey());
      if (!keyTasks.isEmpty()) {
        // 表5's 工作成效 is asked now, task by task: the self-assessment waits until every key task has its own
        assertThat(as(head.getValue()).post("/engine-rest/task/" + selfAssess + "/submit-form", variables(selfAssessment))
            .expect(400).json().get("message").asText()).contains("尚未填写工作成效", "「" + keyTasks.get(0) + "」");
        writeOutcomes(head.getValue(), head.getKey());
      }
      complete(head.getValue(), selfAssess, selfAssessment);
    }
    assertThat(as(QA_OFFICE_HEAD).get("/api/planning/key-tasks?year=2027").expect(200).json()).isNotEmpty()
        .allMatch(row -> row.get("outcome").asText().startsWith("全年成效："));
    clockwork.moveTo(LocalDate.of(2027, 12, 15));
    // nobody reviews themselves: 质管办's own diagnosis goes to the leading group, 人事处's own performance too
    for (String unit : reviewed.keySet()) {
      String diagnose = cycleTask(TASK_DIAGNOSE_UNIT, unit);
      assertThat(candidateGroups(diagnose)).containsExactly(unit.equals("zgb") ? OrgGroups.LEADING_GROUP : OrgGroups.QA_OFFICE);
      complete(unit.equals("zgb") ? LEADING_GROUP_MEMBER : QA_OFFICE_HEAD, diagnose, Map.of(GRADE.name(), unit.equals("rsc") ? "合格" : "良好",
          FINDINGS.name(), "见数据测算"));
      String performance = cycleTask(TASK_RECORD_PERFORMANCE, unit);
      assertThat(candidateGroups(performance)).containsExactly(unit.equals("rsc") ? OrgGroups.LEADING_GROUP : OrgGroups.PERSONNEL);
      complete(unit.equals("rsc") ? LEADING_GROUP_MEMBER : PERSONNEL_HEAD, performance,
          Map.of(PERFORMANCE_RESULT.name(), unit.equals("rsc") ? "合格" : "良好"));
    }
    // the leading group signs off the year's grades, seeing every unit's
    String signOff = cycleTask(TASK_SIGN_OFF_GRADES, null);
    assertThat(formValue(LEADING_GROUP_MEMBER, signOff, DECISION_CONTENT.name())).contains("2027 年度各单位考核结果：",
        "· 人事处：自评 良好，诊断等级 合格，绩效 合格；目标 0/1 达成，任务 0/1 按期，逾期 1 项",
        "· 质管办：自评 良好，诊断等级 良好，绩效 良好；目标 0/0 达成，任务 1/1 按期，逾期 0 项");
    complete(LEADING_GROUP_MEMBER, signOff, Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE));
    String accountability = cycleTask(TASK_DECIDE_ACCOUNTABILITY, "rsc");
    assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_DECIDE_ACCOUNTABILITY).list())
        .extracting(task -> taskService.getVariable(task.getId(), UNIT.name())).as("the accountability cases").containsExactly("rsc");
    complete(LEADING_GROUP_MEMBER, accountability, Map.of(ACCOUNTABILITY_DECISION.name(), HOLD_ACCOUNTABLE, ACCOUNTABILITY_MEASURES.name(), "约谈部门负责人，年度考核降档"));
    // the unit is told its grade and the accountability decision
    assertThat(as(PERSONNEL_HEAD).get("/api/notifications").expect(200).json()).extracting(n -> n.get("subject").asText())
        .contains("【年度考核结果】人事处 2027 年度：诊断等级 合格，绩效考核结果 合格", "【问责决定】人事处 2027 年度：予以问责");
    for (Map.Entry<String, String> head : reviewed.entrySet()) {
      complete(head.getValue(), cycleTask(TASK_WRITE_IMPROVEMENT_PLAN, head.getKey()), improvementPlan(head.getKey()));
      String approver = head.getKey().equals("zgb") ? LEADING_GROUP_MEMBER : QA_OFFICE_HEAD;
      String planReview = cycleTask(TASK_APPROVE_IMPROVEMENT_PLAN, head.getKey());
      assertThat(candidateGroups(planReview)).containsExactly(head.getKey().equals("zgb") ? OrgGroups.LEADING_GROUP : OrgGroups.QA_OFFICE);
      if (head.getKey().equals("qcxy")) {
        // 汽车工程学院's plan goes back once; its rewrite keeps the plan's own due date (2028-01-11, three working days
        // before the autumn term ends), the later one
        complete(approver, planReview, Map.of(CycleDecisions.DECISION, CycleDecisions.RETURN,
            CycleDecisions.RETURN_REASON, "改进措施须落实到责任人"));
        String rewrite = cycleTask(TASK_WRITE_IMPROVEMENT_PLAN, "qcxy");
        assertThat(formValue(AUTOMOTIVE_DEAN, rewrite, CycleDecisions.LAST_RETURN_REASON)).isEqualTo("改进措施须落实到责任人");
        assertThat(formValue(AUTOMOTIVE_DEAN, rewrite, CycleDecisions.LAST_RETURN_DUE_DATE)).isEqualTo("2028-01-11");
      } else {
        complete(approver, planReview, Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE));
      }
    }
    clockwork.runDueJobs();

    // ---- the hand-over on its date, the day after the plans were due, while 汽车工程学院's rewrite is still open
    clockwork.moveTo(LocalDate.of(2028, 1, 16));
    var next = runtimeService.createProcessInstanceQuery().processDefinitionKey(SchoolAnnualCycleProcess.KEY).processInstanceBusinessKey("2028")
        .singleResult();
    assertThat(next).as("2028 starts without waiting for the late unit").isNotNull();
    assertThat(runtimeService.getVariable(next.getId(), PREVIOUS_IMPROVEMENTS.name())).asString()
        .contains("人事处：rsc 的改进措施；下一年度目标：下一年度目标；学习：对标 rsc 对标，同行 rsc 交流，培训 rsc 培训；创新：rsc 的方法改进",
            "汽车工程学院（改进计划尚未批准）：qcxy 的改进措施");
    assertThat(taskService.createTaskQuery().processInstanceId(next.getId()).taskDefinitionKey(TASK_DRAFT_TARGETS).count()).isEqualTo(1);
    String rewrite = cycleTask(TASK_WRITE_IMPROVEMENT_PLAN, "qcxy");
    assertThat(as(QA_OFFICE_HEAD).get("/api/escalations?unit=qcxy").expect(200).json()).as("the late plan stays escalated")
        .extracting(record -> record.get("activityId").asText() + " " + record.get("stage").asText())
        .contains(TASK_WRITE_IMPROVEMENT_PLAN + " QA_OFFICE");
    Map<String, Object> rewritten = improvementPlan("qcxy");
    complete(AUTOMOTIVE_DEAN, rewrite, rewritten);
    String secondReview = cycleTask(TASK_APPROVE_IMPROVEMENT_PLAN, "qcxy");
    assertThat(formValue(QA_OFFICE_HEAD, secondReview, CycleDecisions.DECISION)).as("the second review starts empty").isNull();
    assertThat(formValue(QA_OFFICE_HEAD, secondReview, CycleDecisions.LAST_RETURN_REASON)).isEqualTo("改进措施须落实到责任人");
    assertThat(formValue(QA_OFFICE_HEAD, secondReview, CycleDecisions.CHANGES_SINCE_RETURN)).isEqualTo("自上次退回以来未作任何修改。");
    complete(QA_OFFICE_HEAD, secondReview, Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SchoolAnnualCycleProcess.KEY).processInstanceBusinessKey("2027")
        .count()).as("2027 ends with its last unit").isZero();

    // ---- what came out: task tracking (表6)
    JsonNode tracking = as(QA_OFFICE_HEAD).get("/api/planning/task-tracking?year=2027").expect(200).json();
    assertThat(months(tracking, "修订人才培养方案")).containsExactly("正常", "正常", "正常", "滞后", "正常", "已完成", "已完成", "已完成",
        "已完成", "已完成", "已完成", "已完成");
    assertThat(months(tracking, "引进双师型教师").subList(8, 12)).containsExactly("正常", "逾期", "逾期", "逾期");
    assertThat(months(tracking, "新能源实训基地建设").subList(9, 12)).containsExactly("已完成", "已完成", "已完成");

    // the warnings, each answered by a correction the QA office verified
    List<String> warnings = new ArrayList<>();
    as(QA_OFFICE_HEAD).get("/api/cycles/2027/warnings").expect(200).json()
        .forEach(warning -> warnings.add(warning.get("checkpoint").asText() + " " + warning.get("unitId").asText() + " " + warning.get("kind").asText()));
    assertThat(warnings).containsExactly("2027-04-30 jwc TASK_BEHIND", "2027-07-09 qcxy INDICATOR", "2027-10-29 rsc TASK_OVERDUE",
        "2027-11-30 rsc TASK_OVERDUE", "2027-11-30 rsc INDICATOR");
    assertThat(as(AUTOMOTIVE_DEAN).get("/api/cycles/2027/warnings").expect(200).json()).extracting(w -> w.get("unitId").asText())
        .containsOnly("qcxy");
    // a 表6 task past its 完成时限 has one overdue signal: the deadline scan's warning (as each day at 07:00, run here by
    // 质管办; on the training clock the daily scans also warned a week before the deadline); the October and November
    // checkpoints ask 人事处 to correct it without warning of it again
    as(QA_OFFICE_HEAD).post("/api/planning/warnings/scan", Map.of()).expect(200);
    assertThat(StreamSupport.stream(as(PERSONNEL_HEAD).get("/api/notifications").expect(200).json().spliterator(), false)
        .filter(notification -> (notification.get("subject").asText() + notification.get("body").asText()).contains("引进双师型教师"))
        .map(notification -> notification.get("subject").asText()).filter(subject -> subject.contains("其中逾期")).toList())
        .singleElement().asString().startsWith("【到期预警】");
    // (学工处's corrections of the demo college's data warnings, raised at startup, are not the walk's)
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MonitoringCheckpointProcess.KEY).list().stream()
        .map(checkpoint -> checkpoint.getBusinessKey()).filter(key -> MONITORED.containsKey(key.split("/")[1])))
        .as("every checkpoint of the monitored units closed").isEmpty();

    // the escalation records of May's report, rung by rung
    List<String> rungs = new ArrayList<>();
    as(QA_OFFICE_HEAD).get("/api/escalations?unit=rsc").expect(200).json().forEach(record -> rungs.add(record.get("businessKey").asText()
        + " " + record.get("activityId").asText() + " " + record.get("stage").asText() + " " + record.get("escalatedTo").asText()));
    assertThat(rungs).containsExactly("2027-05/rsc Task_ReportProgress REMINDER head-rsc", "2027-05/rsc Task_ReportProgress QA_OFFICE zgb",
        "2027-05/rsc Task_ReportProgress LEADING_GROUP qa-leading-group");
    assertThat(as(PERSONNEL_HEAD).get("/api/notifications").expect(200).json()).extracting(n -> n.get("subject").asText())
        .anySatisfy(subject -> assertThat(subject).startsWith("【催办】「填报月度任务进度」将于 2027-06-05 到期（人事处）"));

    // the review store, every unit's diagnosis of the year, the late unit's plan included
    Map<String, JsonNode> reviews = new HashMap<>();
    as(QA_OFFICE_HEAD).get("/api/cycles/2027/reviews").expect(200).json().forEach(review -> reviews.put(review.get("unitId").asText(), review));
    assertThat(reviews).containsOnlyKeys("jwc", "rsc", "qcxy", "zgb");
    assertThat(figures(reviews.get("jwc"))).isEqualTo("1/1 targets, 1/1 tasks in time, 0 overdue, 0 escalations, 良好 by zhouqiang, approved by zhouqiang");
    assertThat(figures(reviews.get("qcxy"))).isEqualTo("1/1 targets, 1/1 tasks in time, 0 overdue, 0 escalations, 良好 by zhouqiang, approved by zhouqiang");
    assertThat(figures(reviews.get("rsc"))).isEqualTo("0/1 targets, 0/1 tasks in time, 1 overdue, 2 escalations, 合格 by zhouqiang, approved by zhouqiang");
    assertThat(figures(reviews.get("zgb"))).isEqualTo("0/0 targets, 1/1 tasks in time, 0 overdue, 0 escalations, 良好 by sunhua, approved by sunhua");
    JsonNode personnel = reviews.get("rsc");
    assertThat(personnel.path("accountability").path("decision").asText()).isEqualTo(HOLD_ACCOUNTABLE);
    assertThat(personnel.path("accountability").path("decidedBy").asText()).isEqualTo(LEADING_GROUP_MEMBER);
    assertThat(personnel.path("performance").path("recordedBy").asText()).isEqualTo(LEADING_GROUP_MEMBER);
    assertThat(reviews.get("jwc").path("performance").path("recordedBy").asText()).isEqualTo(PERSONNEL_HEAD);
    assertThat(personnel.path("selfAssessment").path("workResults").asText()).isEqualTo("重点任务的工作成效综述");
    assertThat(personnel.path("learning").path("benchmarks").asText()).isEqualTo("rsc 对标");
    assertThat(personnel.path("innovation").path("methodChanges").asText()).isEqualTo("rsc 的方法改进");
    assertThat(personnel.path("attainment").path("judgedOn").asText()).isEqualTo("2027-12-01");
    assertThat(personnel.path("attainment").path("summary").asText()).isEqualTo("""
        截至 2027-12-01：目标 1 项，达成 0 项；任务 1 项，按期完成 0 项，逾期 1 项；升级督办 2 次。
        · T2027-RS-01 双师型教师比例（52，目标 ≥ 60） 未达成
        · 任务 引进双师型教师（截止 2027-09-30）：逾期
        未达成目标：双师型教师比例（52，目标 ≥ 60）
        逾期任务：引进双师型教师""");
    assertThat(reviews.get("jwc").path("attainment").path("summary").asText()).contains("· T2027-JW-01 毕业率（97，目标 ≥ 95） 达成",
        "· 任务 修订人才培养方案（截止 2027-06-30）：按期完成");
    assertThat(as(AUTOMOTIVE_DEAN).get("/api/cycles/2027/reviews").expect(200).json()).extracting(r -> r.get("unitId").asText())
        .containsExactly("qcxy");

    // ---- 2028 drafts from 2027's targets, this year's values kept as history
    JsonNode targets2028 = as(QA_OFFICE_HEAD).get("/api/planning/targets").expect(200).json();
    assertThat(StreamSupport.stream(targets2028.spliterator(), false).filter(t -> t.get("cycleYear").asText().equals("2028"))
        .map(t -> t.get("code").asText() + " " + t.get("earlierValues").asText()).toList())
        .containsExactly("T2028-JW-01 2027:97", "T2028-RS-01 2027:52", "T2028-QC-01 2027:96");
  }

  /** What each unit does in the month before its checkpoint. */
  private void monthBeforeCheckpoint(int month) {
    switch (month) {
      case 1 -> progressAll(LocalDate.of(2027, 1, 25), 20, 10, 10, 20);
      case 2 -> progressAll(LocalDate.of(2027, 2, 25), 30, 20, 20, 30);
      case 3 -> progressAll(LocalDate.of(2027, 3, 25), 45, 35, 30, 50);
      case 4 -> {
        // 教务处 reports nothing in April: its task falls behind its plan
        clockwork.moveTo(LocalDate.of(2027, 4, 25));
        progress(PERSONNEL_HEAD, "引进双师型教师", LocalDate.of(2027, 4, 25), 50);
        progress(AUTOMOTIVE_DEAN, "新能源实训基地建设", LocalDate.of(2027, 4, 25), 45);
        progress(QA_OFFICE_HEAD, "编制年度质量报告", LocalDate.of(2027, 4, 25), 70);
      }
      case 5 -> {
        clockwork.moveTo(LocalDate.of(2027, 5, 20));
        progress(ACADEMIC_AFFAIRS_HEAD, "修订人才培养方案", LocalDate.of(2027, 5, 20), 80);
        progress(QA_OFFICE_HEAD, "编制年度质量报告", LocalDate.of(2027, 5, 20), 90);
      }
      case 6 -> {
        clockwork.moveTo(LocalDate.of(2027, 6, 28));
        progress(ACADEMIC_AFFAIRS_HEAD, "修订人才培养方案", LocalDate.of(2027, 6, 28), 100);
        progress(QA_OFFICE_HEAD, "编制年度质量报告", LocalDate.of(2027, 6, 28), 100);
        progress(AUTOMOTIVE_DEAN, "新能源实训基地建设", LocalDate.of(2027, 6, 28), 60);
      }
      case 7 -> {
        clockwork.moveTo(LocalDate.of(2027, 7, 5));
        progress(PERSONNEL_HEAD, "引进双师型教师", LocalDate.of(2027, 7, 5), 70);
        setCurrentValue(AUTOMOTIVE_DEAN, "T2027-QC-01", "91");
      }
      case 8 -> {
        clockwork.moveTo(LocalDate.of(2027, 8, 25));
        progress(PERSONNEL_HEAD, "引进双师型教师", LocalDate.of(2027, 8, 25), 80);
        progress(AUTOMOTIVE_DEAN, "新能源实训基地建设", LocalDate.of(2027, 8, 25), 85);
        setCurrentValue(AUTOMOTIVE_DEAN, "T2027-QC-01", "93");
      }
      case 9 -> {
        clockwork.moveTo(LocalDate.of(2027, 9, 25));
        progress(PERSONNEL_HEAD, "引进双师型教师", LocalDate.of(2027, 9, 25), 90);
        progress(AUTOMOTIVE_DEAN, "新能源实训基地建设", LocalDate.of(2027, 9, 25), 95);
      }
      case 10 -> {
        clockwork.moveTo(LocalDate.of(2027, 10, 15));
        progress(AUTOMOTIVE_DEAN, "新能源实训基地建设", LocalDate.of(2027, 10, 15), 100);
      }
      case 11 -> {
        // the year's values are in before the year end, which judges them (人事处's misses its warning value)
        clockwork.moveTo(LocalDate.of(2027, 11, 25));
        setCurrentValue(AUTOMOTIVE_DEAN, "T2027-QC-01", "96");
        setCurrentValue(ACADEMIC_AFFAIRS_HEAD, "T2027-JW-01", "97");
        setCurrentValue(PERSONNEL_HEAD, "T2027-RS-01", "52");
      }
      default -> {
        // nothing new to report this month
      }
    }
  }

  private void progressAll(LocalDate day, int academicAffairs, int personnel, int automotive, int qaOffice) {
    clockwork.moveTo(day);
    progress(ACADEMIC_AFFAIRS_HEAD, "修订人才培养方案", day, academicAffairs);
    progress(PERSONNEL_HEAD, "引进双师型教师", day, personnel);
    progress(AUTOMOTIVE_DEAN, "新能源实训基地建设", day, automotive);
    progress(QA_OFFICE_HEAD, "编制年度质量报告", day, qaOffice);
  }

  // ---- the users' steps

  private void target(String code, String name, String plan, String owner, String target, String standard, String warning) {
    Map<String, Object> row = new HashMap<>();
    row.put("code", code);
    row.put("name", name);
    row.put("plan", plan);
    row.put("unitOfMeasure", "%");
    row.put("comparison", "≥");
    row.put("targetValue", target);
    row.put("standardValue", standard);
    row.put("warningValue", warning);
    row.put("owner", owner);
    row.put("period", "2027年");
    row.put("cycleYear", "2027");
    as(PRESIDENTS_OFFICE_HEAD).post("/api/planning/targets", row).expect(201);
  }

  private void standard(String name, String responsible, String targets) {
    as(QA_OFFICE_HEAD).post("/api/planning/standards", Map.of("level", "学校", "name", name, "responsible", responsible, "version", "1",
        "effectiveDate", "2027-01-01", "status", "现行", "targets", targets)).expect(201);
  }

  private void keyTask(String head, String title, String unit, String deadline) {
    as(head).post("/api/planning/key-tasks?year=2027", Map.of("title", title, "lead", unit, "unit", unit, "measures", "按月推进",
        "deadline", deadline)).expect(201);
  }

  /** The unit's key tasks of 2027 (表5) as its head reads them in the workbench. */
  private List<String> keyTaskTitles(String head, String unit) {
    return StreamSupport.stream(as(head).get("/api/planning/key-tasks?year=2027").expect(200).json().spliterator(), false)
        .filter(row -> row.get("unit").asText().equals(UNIT_NAMES.get(unit))).map(row -> row.get("title").asText()).toList();
  }

  /** The head writes each of the unit's key tasks' 工作成效 in 表5. */
  private void writeOutcomes(String head, String unit) {
    for (JsonNode task : as(head).get("/api/planning/key-tasks?year=2027").expect(200).json()) {
      if (task.get("unit").asText().equals(UNIT_NAMES.get(unit))) {
        TableRows.change(as(head), "/api/planning/key-tasks", task, "outcome", "全年成效：" + task.get("title").asText() + "按期完成");
      }
    }
  }

  private void assignPerson(String head, String title, String person) {
    TableRows.change(as(head), "/api/planning/task-tracking", trackedTask(title), "person", person);
  }

  private void progress(String head, String title, LocalDate day, int percent) {
    as(head).post("/api/planning/task-tracking/" + trackedTask(title).get("id").asText() + "/progress",
        Map.of("percent", percent, "note", "按月填报", "reportedOn", day.toString())).expect(201);
  }

  private void setCurrentValue(String head, String code, String value) {
    JsonNode target = StreamSupport.stream(as(head).get("/api/planning/targets").expect(200).json().spliterator(), false)
        .filter(row -> row.get("code").asText().equals(code)).findFirst().orElseThrow();
    TableRows.change(as(head), "/api/planning/targets", target, "currentValue", value);
  }

  private void report(String unit, LocalDate checkpoint) {
    String checkpointKey = checkpoint.toString().substring(0, 7) + "/" + unit;
    Task report = taskService.createTaskQuery().processInstanceBusinessKey(checkpointKey)
        .taskDefinitionKey(MonitoringCheckpointProcess.Elements.TASK_REPORT_PROGRESS).singleResult();
    assertThat(report).as("progress report " + checkpointKey).isNotNull();
    complete(MONITORED.get(unit), report.getId(), Map.of(MonitoringCheckpointProcess.Variables.PROGRESS_SUMMARY.name(), "本月进度已填报"));
  }

  /**
   * The unit answers the warning on the morning after the checkpoint; a week later the QA office returns the
   * correction, which leaves the unit 7 more days, past the first due date (checkpoint + 11 days).
   */
  private void returnTheFirstCorrection(String unit, LocalDate checkpoint) {
    String key = checkpoint.toString().substring(0, 7) + "/" + unit;
    Task correct = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(MonitoringCheckpointProcess.Elements.TASK_CORRECT_DEVIATION).singleResult();
    complete(HEADS.get(unit), correct.getId(), Map.of("cause", "进度统计有误", "measure", "重新统计", "newDate", checkpoint.plusDays(30).toString()));
    clockwork.moveTo(checkpoint.plusDays(8));
    Task verify = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(MonitoringCheckpointProcess.Elements.TASK_VERIFY_CORRECTION).singleResult();
    complete(QA_OFFICE_HEAD, verify.getId(), Map.of(CycleDecisions.DECISION, CycleDecisions.RETURN, CycleDecisions.RETURN_REASON, "原因分析不充分"));
    Task redo = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(MonitoringCheckpointProcess.Elements.TASK_CORRECT_DEVIATION).singleResult();
    assertThat(formValue(HEADS.get(unit), redo.getId(), CycleDecisions.LAST_RETURN_REASON)).isEqualTo("原因分析不充分");
    LocalDate dueAgain = checkpoint.plusDays(15);
    assertThat(formValue(HEADS.get(unit), redo.getId(), CycleDecisions.LAST_RETURN_DUE_DATE)).isEqualTo(dueAgain.toString());
    assertThat(redo.getDueDate()).isEqualTo(Date.from(dueAgain.atTime(23, 59, 59).atZone(COLLEGE).toInstant()));
    clockwork.moveTo(checkpoint.plusDays(12));
    assertThat(as(QA_OFFICE_HEAD).get("/api/escalations?unit=" + unit).expect(200).json())
        .as("no escalation at the first due date of a returned correction").isEmpty();
  }

  /** Every unit warned at a checkpoint answers with a correction, which the QA office approves. */
  private void correctWhatWasWarned(LocalDate checkpoint) {
    for (Map.Entry<String, String> head : MONITORED.entrySet()) {
      String key = checkpoint.toString().substring(0, 7) + "/" + head.getKey();
      Task correct = taskService.createTaskQuery().processInstanceBusinessKey(key)
          .taskDefinitionKey(MonitoringCheckpointProcess.Elements.TASK_CORRECT_DEVIATION).singleResult();
      if (correct != null) {
        complete(head.getValue(), correct.getId(), Map.of("cause", "人手不足", "measure", "增派人员，每周督查",
            "newDate", ClockUtil.getCurrentTime().toInstant().atZone(COLLEGE).toLocalDate().plusDays(20).toString()));
        Task verify = taskService.createTaskQuery().processInstanceBusinessKey(key)
            .taskDefinitionKey(MonitoringCheckpointProcess.Elements.TASK_VERIFY_CORRECTION).singleResult();
        assertThat(formValue(QA_OFFICE_HEAD, verify.getId(), CycleDecisions.DECISION)).as("a verification starts empty").isNull();
        if (formValue(QA_OFFICE_HEAD, verify.getId(), CycleDecisions.LAST_RETURN_REASON) != null) {
          assertThat(formValue(QA_OFFICE_HEAD, verify.getId(), CycleDecisions.CHANGES_SINCE_RETURN))
              .contains("【偏差原因】\n原：进度统计有误\n现：人手不足", "【纠偏措施】\n原：重新统计\n现：增派人员，每周督查");
        } else {
          assertThat(formValue(QA_OFFICE_HEAD, verify.getId(), CycleDecisions.CHANGES_SINCE_RETURN)).as("a first verification").isNull();
        }
        complete(QA_OFFICE_HEAD, verify.getId(), Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE));
      }
    }
  }

  /** A value the task's form shows the user, or null when the form shows none. */
  private String formValue(String user, String taskId, String name) {
    return as(user).get("/engine-rest/task/" + taskId + "/form-variables").expect(200).json().path(name).path("value").asText(null);
  }

  private void complete(String user, String taskId, Map<String, Object> values) {
    as(user).post("/engine-rest/task/" + taskId + "/submit-form", variables(values)).expect(204);
  }

  /** The open task of the 2027 cycle at an activity; for a unit's step, the one of that unit. */
  private String cycleTask(String activityId, String unit) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey("2027").processDefinitionKey(SchoolAnnualCycleProcess.KEY)
        .taskDefinitionKey(activityId).list().stream()
        .filter(task -> unit == null || unit.equals(taskService.getVariable(task.getId(), UNIT.name()))).toList();
    assertThat(tasks).as(activityId + " " + unit).hasSize(1);
    return tasks.get(0).getId();
  }

  /** The open task of a unit's annual work plan, which the cycle's 计划 step calls with business key 2027/unit. */
  private String planTask(String activityId, String unit) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey("2027/" + unit)
        .processDefinitionKey(AnnualWorkPlanProcess.KEY).taskDefinitionKey(activityId).list();
    assertThat(tasks).as(activityId + " " + unit).hasSize(1);
    return tasks.get(0).getId();
  }

  private JsonNode trackedTask(String title) {
    return StreamSupport.stream(as(QA_OFFICE_HEAD).get("/api/planning/task-tracking?year=2027").expect(200).json().spliterator(), false)
        .filter(row -> row.get("title").asText().equals(title)).findFirst().orElseThrow();
  }

  private static List<String> months(JsonNode tracking, String title) {
    JsonNode task = StreamSupport.stream(tracking.spliterator(), false).filter(row -> row.get("title").asText().equals(title))
        .findFirst().orElseThrow();
    List<String> months = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      months.add(task.get("month" + month).asText());
    }
    return months;
  }

  private static String figures(JsonNode review) {
    JsonNode figures = review.path("attainment");
    return figures.path("targetsMet").asInt() + "/" + figures.path("targetsTotal").asInt() + " targets, " + figures.path("tasksDone").asInt()
        + "/" + figures.path("tasksTotal").asInt() + " tasks in time, " + figures.path("tasksOverdue").asInt() + " overdue, "
        + figures.path("escalations").asInt() + " escalations, " + review.path("assessment").path("grade").asText() + " by "
        + review.path("assessment").path("assessedBy").asText() + ", approved by " + review.path("improvement").path("approvedBy").asText();
  }

  private static Map<String, Object> improvementPlan(String unit) {
    Map<String, Object> plan = new HashMap<>();
    plan.put(LEARNING_BENCHMARKS.name(), unit + " 对标");
    plan.put(LEARNING_PEERS.name(), unit + " 交流");
    plan.put(LEARNING_TRAINING.name(), unit + " 培训");
    plan.put(INNOVATION.name(), unit + " 的方法改进");
    plan.put(PROBLEMS.name(), "问题");
    plan.put(CAUSES.name(), "原因");
    plan.put(IMPROVEMENT_MEASURES.name(), unit + " 的改进措施");
    plan.put(NEXT_YEAR_TARGETS.name(), "下一年度目标");
    return plan;
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId()).toList();
  }

  private EngineRest as(String user) {
    return EngineRest.as(http, user);
  }
}
