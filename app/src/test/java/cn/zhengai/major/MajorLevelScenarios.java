package cn.zhengai.major;

import static cn.zhengai.support.EngineRest.variables;
import static cn.zhengai.support.WordDocuments.cells;
import static cn.zhengai.support.WordDocuments.headings;
import static cn.zhengai.support.WordDocuments.tableWithHeader;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.processes.MajorAssessmentProcess.Elements;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.SelfAssessment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The major level through the application, the way its users drive it: the rounds opened on their calendar dates,
 * every step worked through the engine REST API with the users' own accounts; then the major's reports (Word) as
 * its people download them. Years 2031–2034 belong to these
 * scenarios. Run on H2 in the shared app ({@link MajorLevelOnH2Test}) and on PostgreSQL
 * ({@link cn.zhengai.ScenariosOnPostgresTest}).
 */
public abstract class MajorLevelScenarios {

  static final String MAJOR = "500211";
  static final String MAJOR_LEADER = "hetao";
  static final String UNIT_HEAD = "xujun";
  /** In 汽车工程学院's 质量保证工作组 as the leader of another of its majors (460702), not a head. */
  static final String WORKING_GROUP_MEMBER = "caolei";
  static final String ACADEMIC_AFFAIRS_HEAD = "wangfang";
  static final String QA_OFFICE_HEAD = "zhouqiang";
  static final String LEADING_GROUP_MEMBER = "sunhua";
  static final List<String> EXTERNAL_EXPERTS = List.of("songkai", "liangchen", "shaojun");

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired MajorRounds majorRounds;
  @Autowired AcademicCalendar calendar;
  @Autowired ReviewStore reviews;
  @Autowired Clock clock;

  @AfterEach
  void removeTheMajorsRounds() {
    for (String key : List.of(MajorAnnualDiagnosisProcess.KEY, MajorAssessmentProcess.KEY)) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(round -> runtimeService.deleteProcessInstance(round.getId(), "test finished", false, true));
      historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(round -> historyService.deleteHistoricProcessInstance(round.getId()));
    }
    jdbc.update("DELETE FROM process_round WHERE process_key LIKE 'major-%'");
    jdbc.update("DELETE FROM major_assessment_slot");
    jdbc.update("DELETE FROM major_expert_review");
    jdbc.update("DELETE FROM spiral_review WHERE level = 'MAJOR'");
    jdbc.update("DELETE FROM target WHERE major_code IS NOT NULL AND cycle_year >= 2031");
  }

  @Test
  void aMajorsYearIsMeasuredDiagnosedReviewedAcceptedAndReadTheYearAfter() throws Exception {
    jdbc.update("INSERT INTO target (code, name, plan_id, comparison, target_value, warning_value, current_value, owner_unit_id,"
        + " target_period, cycle_year, major_code, updated_by, updated_at) VALUES ('QC-2031-ZY', '汽检专业就业率',"
        + " (SELECT MIN(id) FROM plan), '>=', 95, 90, 92, 'qcxy', '2031年', 2031, ?, 'test', CURRENT_TIMESTAMP)", MAJOR);
    LocalDate opens = calendar.dateOf(2031, Milestone.MAJOR_SELF_DIAGNOSIS_OPENS);
    assertThat(majorRounds.open(opens.minusDays(1)).selfDiagnoses()).as("nothing before the calendar's date").isZero();
    int majors = jdbc.queryForObject("SELECT COUNT(*) FROM major WHERE first_year <= 2031", Integer.class);
    assertThat(majorRounds.open(opens).selfDiagnoses()).isEqualTo(majors);
    assertThat(majorRounds.open(opens.plusDays(1)).selfDiagnoses()).as("opened once").isZero();

    ProcessInstance year = instance(MajorAnnualDiagnosisProcess.KEY, "2031/" + MAJOR);
    runJobs(year.getId());
    String selfDiagnosis = onlyTask(MAJOR_LEADER, year.getId());
    JsonNode form = as(MAJOR_LEADER).get("/engine-rest/task/" + selfDiagnosis + "/form-variables").expect(200).json();
    assertThat(form.get("attainmentSummary").get("value").asText()).contains("专业目标 1 项，达成 0 项")
        .contains("汽检专业就业率（92，目标 ≥ 95） 预警");
    assertThat(form.get("majorName").get("value").asText()).isEqualTo("汽车检测与维修技术");
    assertThat(as(MAJOR_LEADER).get("/engine-rest/task/" + selfDiagnosis).json().get("due").asText())
        .startsWith(calendar.dateOf(2031, Milestone.MAJOR_SELF_DIAGNOSIS_DUE).toString());

    Map<String, Object> diagnosis = new HashMap<>(Map.of("problems", "校企合作课程开发不足", "causes", "企业专家参与少",
        "improvementMeasures", "与两家4S店共建课程", "objectiveRevision", "增加新能源车检测能力要求",
        "curriculumImprovement", "新增动力电池检测课程"));
    JsonNode refused = as(MAJOR_LEADER).post("/engine-rest/task/" + selfDiagnosis + "/submit-form", variables(diagnosis))
        .expect(400).json();
    assertThat(refused.get("message").asText()).contains("自评等级");
    diagnosis.put("selfGrade", "良好");
    as(MAJOR_LEADER).post("/engine-rest/task/" + selfDiagnosis + "/submit-form", variables(diagnosis)).expect(204);

    // the 二级学院's working group reviews it; the major's own leader sits in it too, but may not review himself
    String workingGroupReview = taskAt(WORKING_GROUP_MEMBER, year.getId(), MajorAnnualDiagnosisProcess.Elements.TASK_REVIEW_BY_WORKING_GROUP);
    assertThat(refusal(MAJOR_LEADER, workingGroupReview, Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE)))
        .contains("您是「500211 汽车检测与维修技术」的负责人，不能审核自己的工作，请由本组其他成员办理");
    approve(WORKING_GROUP_MEMBER, year.getId());
    approve(ACADEMIC_AFFAIRS_HEAD, year.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(year.getId()).count()).isZero();
    Review review = reviews.find(Subject.major(MAJOR), Period.year(2031)).orElseThrow();
    assertThat(review.attainment().targetsTotal()).isEqualTo(1);
    assertThat(review.selfAssessment().selfGrade()).isEqualTo("良好");
    assertThat(review.improvement().measures()).isEqualTo("与两家4S店共建课程");
    assertThat(review.improvement().approvedBy()).isEqualTo(ACADEMIC_AFFAIRS_HEAD);
    theYearsReportsShowTheMajor();

    // the year after, the leader reads what was accepted
    majorRounds.open(calendar.dateOf(2032, Milestone.MAJOR_SELF_DIAGNOSIS_OPENS));
    ProcessInstance next = instance(MajorAnnualDiagnosisProcess.KEY, "2032/" + MAJOR);
    runJobs(next.getId());
    assertThat(as(MAJOR_LEADER).get("/engine-rest/task/" + onlyTask(MAJOR_LEADER, next.getId()) + "/form-variables").json()
        .get("previousImprovements").get("value").asText()).contains("与两家4S店共建课程").contains("新增动力电池检测课程");
  }

  @Test
  void theRotationAssessesEveryMajorOnceAndAFailedMajorGoesToTheLeadingGroup() throws Exception {
    reviews.record(Subject.major(MAJOR), Period.year(2030), new SelfAssessment("实训设备老化", null, "合格"), Instant.now(clock));
    reviews.record(Subject.major(MAJOR), Period.year(2030), new Improvement("实训设备老化", "投入不足", "分两年更新设备", null,
        ACADEMIC_AFFAIRS_HEAD), Instant.now(clock));
    int majors = jdbc.queryForObject("SELECT COUNT(*) FROM major WHERE first_graduation_year <= 2033", Integer.class);
    List<String> opened = new ArrayList<>();
    for (int year = 2031; year <= 2033; year++) {
      LocalDate opens = calendar.dateOf(year, Milestone.MAJOR_ASSESSMENT_OPENS);
      assertThat(majorRounds.open(opens.minusDays(1)).assessments()).as("nothing before the calendar's date").isZero();
      List<String> before = runningAssessments();
      assertThat(majorRounds.open(opens).assessments()).as(year + "：about a third of the majors")
          .isBetween(majors / 3 - 2, majors / 3 + 2);
      assertThat(majorRounds.open(opens.plusDays(3)).assessments()).as("opened once").isZero();
      runningAssessments().stream().filter(key -> !before.contains(key)).forEach(opened::add);
      if (year < 2033) {
        // the year's assessments are done before the next year's open; the one this scenario follows runs on
        runtimeService.createProcessInstanceQuery().processDefinitionKey(MajorAssessmentProcess.KEY).list().stream()
            .filter(round -> !round.getBusinessKey().equals("2031-2033/" + MAJOR))
            .forEach(round -> runtimeService.deleteProcessInstance(round.getId(), "assessed"));
      }
    }
    assertThat(opened).as("every major once in the period").doesNotHaveDuplicates().hasSize(majors)
        .allMatch(key -> key.startsWith("2031-2033/")).contains("2031-2033/" + MAJOR);
    JsonNode rotation = as(QA_OFFICE_HEAD).get("/api/majors/rotation?period=2031-2033").expect(200).json();
    assertThat(rotation.get("majors")).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM major", Integer.class));

    String assessment = instance(MajorAssessmentProcess.KEY, "2031-2033/" + MAJOR).getId();
    String panel = taskAt(QA_OFFICE_HEAD, assessment, Elements.TASK_FORM_PANEL);
    assertThat(as(QA_OFFICE_HEAD).get("/engine-rest/task/" + panel + "/form-variables").json().get("expertOptions")
        .get("value").asText()).contains("songkai　宋凯 · 校外（行企）· 湖北省汽车维修行业协会").doesNotContain("xiongwei");
    assertThat(refusal(QA_OFFICE_HEAD, panel, Map.of("expertIds", "songkai\nliangchen\nxujun")))
        .contains("专家 xujun 是本专业所在二级学院的人员，不能担任评审专家");
    assertThat(refusal(QA_OFFICE_HEAD, panel, Map.of("expertIds", "songkai"))).contains("校外专家至少 2 名，现有 1 名");
    submit(QA_OFFICE_HEAD, panel, Map.of("expertIds", String.join("\n", EXTERNAL_EXPERTS), "panelNote", "行企政三方"));

    // the 二级学院's working group submits the materials: any member, not only its head
    String materials = taskAt(WORKING_GROUP_MEMBER, assessment, Elements.TASK_SUBMIT_MATERIALS);
    assertThat(as(WORKING_GROUP_MEMBER).get("/engine-rest/task/" + materials + "/form-variables").json().get("yearlyDiagnoses")
        .get("value").asText()).contains("2030年度").contains("实训设备老化").contains("分两年更新设备");
    submit(WORKING_GROUP_MEMBER, materials, Map.of("stateData", "就业率 92%", "marketSurvey", "区域需求稳定", "graduateTracking", "对口率 80%",
        "employerSatisfaction", "满意度 88%"));
    String visit = taskAt(QA_OFFICE_HEAD, assessment, Elements.TASK_SCHEDULE_SITE_VISIT);
    submit(QA_OFFICE_HEAD, visit, Map.of("siteVisitDate", LocalDate.now(clock).plusDays(3).toString(), "siteVisitPlan", "听课、查看实训室"));

    // the items are the 专业-level standards of 表7 in force, an equal share of 100 points each; every expert gives 8
    int items = jdbc.queryForObject("SELECT COUNT(*) FROM quality_standard WHERE standard_level = 'MAJOR' AND status = 'IN_FORCE'",
        Integer.class);
    for (String expert : EXTERNAL_EXPERTS) {
      String review = taskAt(expert, assessment, Elements.TASK_EXPERT_REVIEW);
      String toScore = as(expert).get("/engine-rest/task/" + review + "/form-variables").json().get("itemScores").get("value").asText();
      assertThat(toScore.split("\n")).hasSize(items).contains("专业考核性诊断标准（" + 100 / items + "）：");
      assertThat(refusal(expert, review, Map.of("itemScores", toScore, "expertGrade", "不合格", "expertOpinion", "设备陈旧")))
          .contains("还没有得分");
      submit(expert, review, Map.of("itemScores", toScore.replace("：", "：8"), "expertGrade", "不合格", "expertOpinion",
          expert + "：设备陈旧"));
    }
    String conclude = taskAt(QA_OFFICE_HEAD, assessment, Elements.TASK_CONCLUDE_ASSESSMENT);
    assertThat(as(QA_OFFICE_HEAD).get("/engine-rest/task/" + conclude + "/form-variables").json().get("panelSummary").get("value")
        .asText()).startsWith("3 位专家评审，平均分 " + 8 * items + ".0；结论：不合格 3 位。").contains("songkai：设备陈旧");
    submit(QA_OFFICE_HEAD, conclude, Map.of("conclusion", "不合格", "findings", "实训条件不达标",
        "rectificationDueDate", LocalDate.now(clock).plusDays(60).toString()));

    String sanction = taskAt(LEADING_GROUP_MEMBER, assessment, Elements.TASK_DECIDE_SANCTION);
    submit(LEADING_GROUP_MEMBER, sanction, Map.of("sanction", "限招", "sanctionNote", "2034 年招生计划减半"));
    String rectify = taskAt(MAJOR_LEADER, assessment, Elements.TASK_RECTIFY);
    submit(MAJOR_LEADER, rectify, Map.of("rectificationMeasures", "更新实训设备", "rectificationResult", "已完成采购"));
    approve(QA_OFFICE_HEAD, assessment);

    Review review = reviews.find(Subject.major(MAJOR), Period.threeYears(2031)).orElseThrow();
    assertThat(review.assessment().grade()).isEqualTo("不合格");
    assertThat(review.assessment().assessedBy()).isEqualTo(QA_OFFICE_HEAD);
    assertThat(review.accountability().decision()).isEqualTo("限招");
    assertThat(review.accountability().decidedBy()).isEqualTo(LEADING_GROUP_MEMBER);
    assertThat(review.improvement().measures()).isEqualTo("更新实训设备");
    assertThat(review.improvement().approvedBy()).isEqualTo(QA_OFFICE_HEAD);
    assertThat(as(QA_OFFICE_HEAD).get("/api/majors/rotation?period=2031-2033").json().get("majors").findValues("state")
        .stream().map(JsonNode::asText).toList()).contains("已完成：不合格");
    theAssessmentReportShowsEveryExpertsScoresTheConclusionAndTheSanction(items);
  }

  /** The major's report of 2031 as its leader reads it, refused to another major's leader; the year's reports include it. */
  private void theYearsReportsShowTheMajor() throws Exception {
    try (XWPFDocument report = document(MAJOR_LEADER, "/api/reports/2031/majors/" + MAJOR)) {
      String text = new XWPFWordExtractor(report).getText();
      assertThat(text).contains("汽车检测与维修技术（500211） 2031年度专业自我诊断报告", "目标指标共 1 项：达成 0 项，预警 1 项，未达成 0 项。",
          "所在汽车工程学院的任务完成情况见该学院的年度自我诊断报告", "自评等级：良好", "存在问题：校企合作课程开发不足",
          "原因分析：企业专家参与少", "改进措施：与两家4S店共建课程", "修正培养目标：增加新能源车检测能力要求", "完善课程体系：新增动力电池检测课程");
      assertThat(cells(tableWithHeader(report, "目标值"))).contains(
          List.of("QC-2031-ZY", "汽检专业就业率", "≥", "95", "—", "90", "92", "预警", "[1]"));
      assertThat(cells(tableWithHeader(report, "办理人"))).extracting(row -> List.of(row.get(0), row.get(1), row.get(3)))
          .containsExactly(List.of("环节", "办理人", "结果"), List.of("二级学院审核", WORKING_GROUP_MEMBER, "通过"),
              List.of("教务处验收", ACADEMIC_AFFAIRS_HEAD, "通过"));
      assertThat(report.getCharts()).hasSize(2);
    }
    download(UNIT_HEAD, "/api/reports/2031/majors/" + MAJOR, HttpStatus.OK);
    download(WORKING_GROUP_MEMBER, "/api/reports/2031/majors/" + MAJOR, HttpStatus.OK);
    ResponseEntity<String> refused = http.withBasicAuth("linfeng", EngineRest.DEMO_PASSWORD).getForEntity("/api/reports/2031/majors/" + MAJOR,
        String.class);
    assertThat(refused.getStatusCode()).as("a teacher of the 二级学院 outside its working group").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("无权查看该专业的诊断报告");
    assertThat(http.withBasicAuth("linfeng", EngineRest.DEMO_PASSWORD).getForObject("/api/reports/2031", JsonNode.class).get("majors")).isEmpty();
    assertThat(http.withBasicAuth(MAJOR_LEADER, EngineRest.DEMO_PASSWORD).getForObject("/api/reports/2031", JsonNode.class).get("majors")
        .findValuesAsText("download")).as("his major's, and as a member of its working group his 二级学院's majors'")
        .contains("/api/reports/2031/majors/" + MAJOR)
        .allMatch(download -> List.of("500211", "460702", "460704", "460701").stream().anyMatch(download::endsWith));

    try (XWPFDocument annual = document(QA_OFFICE_HEAD, "/api/reports/2031/annual/draft")) {
      assertThat(headings(annual)).contains("（二）专业层面");
      // the year's self-diagnoses opened with the year's assessments: those majors are in, with no conclusion yet
      assertThat(new XWPFWordExtractor(annual).getText()).contains("年度自我诊断已提交 1 个，教务处已验收 1 个；专业目标指标 1 项，达成 0 项，预警 1 项",
          "尚未形成结论");
      assertThat(cells(tableWithHeader(annual, "考核性诊断结论"))).contains(
          List.of("汽车检测与维修技术（500211）", "汽车工程学院", "1", "0", "1", "0", "0.0%", "良好", "本年度不考核"));
    }
    try (XSSFWorkbook summary = new XSSFWorkbook(new ByteArrayInputStream(download(QA_OFFICE_HEAD, "/api/reports/2031/attainment",
        HttpStatus.OK)))) {
      assertThat(summary.getSheet("专业目标达成").getRow(1).getCell(0).getStringCellValue()).isEqualTo(MAJOR);
    }
    JsonNode run = http.withBasicAuth(QA_OFFICE_HEAD, EngineRest.DEMO_PASSWORD).postForObject("/api/reports/2031/runs", null, JsonNode.class);
    for (int poll = 0; poll < 300 && !run.get("finished").asBoolean(); poll++) {
      Thread.sleep(100);
      run = http.withBasicAuth(QA_OFFICE_HEAD, EngineRest.DEMO_PASSWORD).getForObject("/api/reports/2031/runs", JsonNode.class);
    }
    assertThat(run.get("error").isNull()).as(run.toString()).isTrue();
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download(QA_OFFICE_HEAD,
        "/api/reports/2031/runs/result", HttpStatus.OK)))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    assertThat(names).contains("汽车检测与维修技术（500211） 2031年度专业自我诊断报告.docx");
  }

  /** The 考核性诊断 report: every expert's score of every item with the means, the conclusion, the sanction, the 整改. */
  private void theAssessmentReportShowsEveryExpertsScoresTheConclusionAndTheSanction(int items) throws Exception {
    try (XWPFDocument report = document(UNIT_HEAD, "/api/reports/2031-2033/majors/" + MAJOR)) {
      String text = new XWPFWordExtractor(report).getText();
      assertThat(text).contains("汽车检测与维修技术（500211） 2031—2033年专业考核性诊断报告", "专家组 3 人评审，专家平均总分 " + 8 * items + " 分",
          "状态数据分析", "就业率 92%", "诊断结论：不合格", "主要问题与整改要求：实训条件不达标", "领导小组决定：限招",
          "决定说明：2034 年招生计划减半", "整改措施：更新实训设备", "整改效果：已完成采购", "整改复核：质管办复核通过（" + QA_OFFICE_HEAD + "）");
      List<List<String>> scores = cells(tableWithHeader(report, "平均分"));
      assertThat(scores.get(0)).containsExactly("评分项", "分值", "宋凯", "梁晨", "邵军", "平均分");
      assertThat(scores).hasSize(items + 1).contains(List.of("专业考核性诊断标准", String.valueOf(100 / items), "8", "8", "8", "8"));
      assertThat(cells(tableWithHeader(report, "专家结论"))).contains(List.of("宋凯", String.valueOf(8 * items), "不合格", "songkai：设备陈旧"));
      assertThat(cells(tableWithHeader(report, "办理人"))).anySatisfy(row -> assertThat(row).startsWith("质管办复核整改", QA_OFFICE_HEAD));
      assertThat(report.getCharts()).hasSize(2);
    }
    int assessedIn = jdbc.queryForObject("SELECT assess_year FROM major_assessment_slot WHERE period_code = '2031-2033'"
        + " AND major_code = ?", Integer.class, MAJOR);
    try (XWPFDocument year = document(MAJOR_LEADER, "/api/reports/" + assessedIn + "/majors/" + MAJOR)) {
      assertThat(new XWPFWordExtractor(year).getText()).contains("考核性诊断：本年度为本专业2031—2033年周期的考核性诊断年，结论：不合格，领导小组决定：限招");
    }
    try (XWPFDocument annual = document(LEADING_GROUP_MEMBER, "/api/reports/" + assessedIn + "/annual/draft")) {
      assertThat(cells(tableWithHeader(annual, "考核性诊断结论"))).anySatisfy(row -> assertThat(row)
          .startsWith("汽车检测与维修技术（500211）").endsWith("不合格（领导小组决定：限招）"));
    }
  }

  private XWPFDocument document(String user, String path) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(download(user, path, HttpStatus.OK)));
  }

  private byte[] download(String user, String path, HttpStatus expected) {
    ResponseEntity<byte[]> response = http.withBasicAuth(user, EngineRest.DEMO_PASSWORD).getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path + " as " + user).isEqualTo(expected);
    return response.getBody();
  }

  private List<String> runningAssessments() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(MajorAssessmentProcess.KEY).list().stream()
        .map(ProcessInstance::getBusinessKey).toList();
  }

  private EngineRest as(String user) {
    return EngineRest.as(http, user);
  }

  private ProcessInstance instance(String key, String businessKey) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(businessKey)
        .singleResult();
  }

  private void runJobs(String processInstanceId) {
    managementService.createJobQuery().processInstanceId(processInstanceId).list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  private String onlyTask(String user, String processInstanceId) {
    JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId).expect(200).json();
    assertThat(tasks).as(user + " 的任务").hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private String taskAt(String user, String processInstanceId, String element) {
    JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + element)
        .expect(200).json();
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.get("id").asText()));
    assertThat(ids).as(user + " 在 " + element + " 的任务").hasSize(1);
    return ids.get(0);
  }

  private void submit(String user, String task, Map<String, ?> values) {
    as(user).post("/engine-rest/task/" + task + "/submit-form", variables(values)).expect(204);
  }

  private String refusal(String user, String task, Map<String, ?> values) {
    return as(user).post("/engine-rest/task/" + task + "/submit-form", variables(values)).expect(400).json().get("message").asText();
  }

  private void approve(String user, String processInstanceId) {
    submit(user, onlyTask(user, processInstanceId), Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE));
  }
}
