package cn.zhengai.security;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.ASSIGNMENT_NOTE;
import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.STANDARDS_NOTE;
import static cn.zhengai.processes.SchoolAnnualCycleProcess.Variables.TARGETS_NOTE;
import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.processes.ModelResources;
import cn.zhengai.support.EngineRest;
import cn.zhengai.support.TableRows;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import cn.zhengai.integration.org.Organisation;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Who may see and do what, for every role and every kind of resource, through HTTP as each user. A round of the
 * annual work plan runs with the plans of two units: 教务处's (returned for revision, so 王芳 has it open) and
 * 人事处's (waiting for 院办's review). Each row names a user, a request and what the answer must hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest {

  static final String STUDENT = "zhangxiaoyu";
  static final String TEACHER = "linfeng";
  static final String UNIT_HEAD = "wangfang";
  static final String OTHER_UNIT_HEAD = "chenjie";
  static final String PRESIDENTS_OFFICE = "liming";
  static final String QA_OFFICE = "zhouqiang";
  static final String LEADING_GROUP = "sunhua";
  static final String PROCESS_OWNER = "wuqian";
  static final String ADMIN = "admin";
  static final List<String> ROLES = List.of(STUDENT, TEACHER, UNIT_HEAD, OTHER_UNIT_HEAD, PRESIDENTS_OFFICE, QA_OFFICE,
      LEADING_GROUP, PROCESS_OWNER, ADMIN);

  static final String JWC_PLAN = "教务处计划：专业教学标准覆盖率 100%";
  static final String RSC_PLAN = "人事处计划：引进双师型教师 20 名";
  static final String JWC_CYCLE_PLAN = "教务处落实说明：修订人才培养方案由王芳负责";
  static final String RSC_CYCLE_PLAN = "人事处落实说明：双师型教师认定由陈杰负责";
  /** Every unit of the round has a plan variable; two units wrote theirs. */
  static final int UNITS = 19;
  /** The year of the annual work plan round, another than the cycle's. */
  static final int ROUND_YEAR = 2028;

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  private final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  void aRoundWithTheSubmittedPlansOfTwoUnits() {
    // the round is of 2028: a round of the cycle's year would be the units' plan of 2027, which the cycle then takes
    // instead of asking again, and the matrix reads the cycle's own plans
    String round = as(PRESIDENTS_OFFICE).post("/engine-rest/process-definition/key/" + AnnualWorkPlanProcess.KEY + "/submit-form",
        variables(Map.of(YEAR.name(), ROUND_YEAR))).expect(200).json().get("id").asText();
    ids.put("round", round);
    ids.put("jwcSubmit", submit(round, ROUND_YEAR, "jwc", UNIT_HEAD, JWC_PLAN));
    ids.put("rscSubmit", submit(round, ROUND_YEAR, "rsc", OTHER_UNIT_HEAD, RSC_PLAN));
    as(PRESIDENTS_OFFICE).post("/engine-rest/task/" + taskOf(round, Elements.TASK_REVIEW_WORK_PLAN, "jwc") + "/submit-form",
        variables(Map.of(DECISION.name(), DECISION_RETURN, RETURN_REASON.name(), "请写明指标值", REVISION_DUE_DATE.name(),
            LocalDate.now().plusDays(7).toString()))).expect(204);
    ids.put("jwcRevise", taskOf(round, Elements.TASK_REVISE_WORK_PLAN, "jwc"));
    ids.put("rscReview", taskOf(round, Elements.TASK_REVIEW_WORK_PLAN, "rsc"));
    ids.put("rscVariable", historyService.createHistoricVariableInstanceQuery().processInstanceId(round)
        .variableName(KEY_TASKS.name()).list().stream().filter(variable -> String.valueOf(variable.getValue()).contains(RSC_PLAN))
        .findFirst().orElseThrow().getId());
    ids.put("rscDetail", historyService.createHistoricDetailQuery().processInstanceId(round).variableUpdates().list().stream()
        .filter(detail -> RSC_PLAN.equals(((HistoricVariableUpdate) detail).getValue())).findFirst().orElseThrow().getId());
    ids.put("probeDeployment", repositoryService.createDeployment().name("probe")
        .addString("probe.txt", "探针").deploy().getId());
    aSchoolCycleWithTheDepartmentPlansOfTwoUnits();
  }

  /**
   * The school's cycle up to its per-unit steps: 教务处 and 人事处 each submit their work plan (表5), which 院办 approves,
   * and put their key tasks on people.
   */
  private void aSchoolCycleWithTheDepartmentPlansOfTwoUnits() {
    as(PRESIDENTS_OFFICE).post("/engine-rest/process-definition/key/" + SchoolAnnualCycleProcess.KEY + "/start",
        variables(Map.of(YEAR.name(), 2027))).expect(200);
    target("T2027-JW-01", "毕业率", "专业建设规划", "教务处");
    target("T2027-RS-01", "双师型教师比例", "师资队伍建设规划", "人事处");
    complete(PRESIDENTS_OFFICE, cycleTask(SchoolAnnualCycleProcess.Elements.TASK_DRAFT_TARGETS, null), Map.of(TARGETS_NOTE.name(), "两项年度目标"));
    complete(LEADING_GROUP, cycleTask(SchoolAnnualCycleProcess.Elements.TASK_APPROVE_TARGETS, null), Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE));
    as(QA_OFFICE).post("/api/planning/standards", Map.of("level", "学校", "name", "年度目标标准", "responsible", "质管办",
        "version", "1", "effectiveDate", "2027-01-01", "status", "现行", "targets", "T2027-JW-01、T2027-RS-01")).expect(201);
    complete(QA_OFFICE, cycleTask(SchoolAnnualCycleProcess.Elements.TASK_LINK_STANDARDS, null), Map.of(STANDARDS_NOTE.name(), "已关联"));
    for (Map.Entry<String, String> unit : Map.of("jwc", UNIT_HEAD, "rsc", OTHER_UNIT_HEAD).entrySet()) {
      String plan = taskService.createTaskQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
          .processInstanceBusinessKey("2027/" + unit.getKey()).singleResult().getId();
      keyTask(2027, unit.getKey(), unit.getValue(), unit.getKey().equals("jwc") ? JWC_PLAN : RSC_PLAN);
      complete(unit.getValue(), plan, Map.of());
      String review = taskService.createTaskQuery().processDefinitionKey(AnnualWorkPlanProcess.KEY)
          .processInstanceBusinessKey("2027/" + unit.getKey()).singleResult().getId();
      complete(PRESIDENTS_OFFICE, review, Map.of(DECISION.name(), DECISION_APPROVE));
      for (JsonNode task : as(unit.getValue()).get("/api/planning/task-tracking?year=2027").expect(200).json()) {
        if (task.get("unit").asText().equals(unit.getKey().equals("jwc") ? "教务处" : "人事处")) {
          TableRows.change(as(unit.getValue()), "/api/planning/task-tracking", task, "person", unit.getKey().equals("jwc") ? "王芳" : "陈杰");
        }
      }
      complete(unit.getValue(), cycleTask(SchoolAnnualCycleProcess.Elements.TASK_ASSIGN_KEY_TASKS, unit.getKey()),
          Map.of(ASSIGNMENT_NOTE.name(), unit.getKey().equals("jwc") ? JWC_CYCLE_PLAN : RSC_CYCLE_PLAN));
    }
  }

  /** The matrix: for each resource, what every role gets. */
  Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    resource(rows, "任务：本轮待办", get("/engine-rest/task?processInstanceId={round}"))
        .row(STUDENT, empty())
        .row(TEACHER, empty())
        .row(UNIT_HEAD, ok().sees("修改年度工作计划").size(1))
        .row(OTHER_UNIT_HEAD, empty())
        .row(PRESIDENTS_OFFICE, ok().sees("审核年度工作计划", "提交年度工作计划").size(2))
        .row(QA_OFFICE, ok().size(UNITS))
        .row(LEADING_GROUP, ok().size(UNITS))
        .row(PROCESS_OWNER, ok().size(UNITS))
        .row(ADMIN, ok().size(UNITS));
    resource(rows, "任务变量：教务处的修改任务", get("/engine-rest/task/{jwcRevise}/variables"))
        .row(STUDENT, forbidden())
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, ok().sees(JWC_PLAN, "请写明指标值").hides(RSC_PLAN))
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, ok().sees(JWC_PLAN).hides(RSC_PLAN))
        .row(LEADING_GROUP, ok().sees(JWC_PLAN).hides(RSC_PLAN))
        .row(PROCESS_OWNER, ok().sees(JWC_PLAN).hides(RSC_PLAN))
        .row(ADMIN, ok().sees(JWC_PLAN).hides(RSC_PLAN));
    resource(rows, "任务变量：人事处的审核任务", get("/engine-rest/task/{rscReview}/variables"))
        .row(STUDENT, forbidden())
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden())
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, ok().sees(RSC_PLAN).hides(JWC_PLAN))
        .row(QA_OFFICE, ok().sees(RSC_PLAN))
        .row(LEADING_GROUP, ok().sees(RSC_PLAN))
        .row(PROCESS_OWNER, ok().sees(RSC_PLAN))
        .row(ADMIN, ok().sees(RSC_PLAN));
    resource(rows, "流程实例：本年度工作计划轮次和诊改螺旋", get("/engine-rest/process-instance/count?processDefinitionKeyIn="
        + AnnualWorkPlanProcess.KEY + "," + SchoolAnnualCycleProcess.KEY))
        .row(STUDENT, count(0))
        .row(TEACHER, count(0))
        .row(UNIT_HEAD, count(0))
        .row(OTHER_UNIT_HEAD, count(0))
        .row(PRESIDENTS_OFFICE, count(2)) // it opened both and reviews the plans
        .row(QA_OFFICE, count(2))
        .row(LEADING_GROUP, count(2))
        .row(PROCESS_OWNER, count(2))
        .row(ADMIN, count(2));
    resource(rows, "流程变量：整轮", get("/engine-rest/process-instance/{round}/variables"))
        .row(STUDENT, forbidden())
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden())
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, ok().sees("participatingUnits")) // the round it opened and reviews
        .row(QA_OFFICE, ok().sees("participatingUnits"))
        .row(LEADING_GROUP, ok().sees("participatingUnits"))
        .row(PROCESS_OWNER, ok().sees("participatingUnits"))
        .row(ADMIN, ok().sees("participatingUnits"));
    resource(rows, "运行时变量：计划正文", get("/engine-rest/variable-instance?variableName=" + KEY_TASKS.name()))
        .row(STUDENT, empty())
        .row(TEACHER, empty())
        .row(UNIT_HEAD, empty())
        .row(OTHER_UNIT_HEAD, empty())
        .row(PRESIDENTS_OFFICE, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS)) // every plan of the round it reviews
        .row(QA_OFFICE, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS))
        .row(LEADING_GROUP, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS))
        .row(PROCESS_OWNER, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS))
        .row(ADMIN, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS));
    resource(rows, "历史变量：计划正文", get("/engine-rest/history/variable-instance?variableName=" + KEY_TASKS.name()))
        .row(STUDENT, empty())
        .row(TEACHER, empty())
        .row(UNIT_HEAD, ok().sees(JWC_PLAN).hides(RSC_PLAN).size(2)) // the round's, and the cycle's plan
        .row(OTHER_UNIT_HEAD, ok().sees(RSC_PLAN).hides(JWC_PLAN).size(2))
        .row(PRESIDENTS_OFFICE, ok().sees(JWC_PLAN, RSC_PLAN))
        .row(QA_OFFICE, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS + 2))
        .row(LEADING_GROUP, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS + 2))
        .row(PROCESS_OWNER, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS + 2))
        .row(ADMIN, ok().sees(JWC_PLAN, RSC_PLAN).size(UNITS + 2));
    resource(rows, "历史变量：计数", get("/engine-rest/history/variable-instance/count?variableName=" + KEY_TASKS.name()))
        .row(STUDENT, count(0))
        .row(TEACHER, count(0))
        .row(UNIT_HEAD, count(2))
        .row(OTHER_UNIT_HEAD, count(2))
        .row(PRESIDENTS_OFFICE, count(5)) // its own unit's, and the four it reviews
        .row(QA_OFFICE, count(UNITS + 2))
        .row(LEADING_GROUP, count(UNITS + 2))
        .row(PROCESS_OWNER, count(UNITS + 2))
        .row(ADMIN, count(UNITS + 2));
    resource(rows, "历史变量：POST 查询", post("/engine-rest/history/variable-instance", Map.of("variableName", KEY_TASKS.name())))
        .row(STUDENT, empty())
        .row(TEACHER, empty())
        .row(UNIT_HEAD, ok().sees(JWC_PLAN).hides(RSC_PLAN))
        .row(OTHER_UNIT_HEAD, ok().sees(RSC_PLAN).hides(JWC_PLAN))
        .row(PRESIDENTS_OFFICE, ok().sees(JWC_PLAN, RSC_PLAN))
        .row(QA_OFFICE, ok().sees(JWC_PLAN, RSC_PLAN))
        .row(LEADING_GROUP, ok().sees(JWC_PLAN, RSC_PLAN))
        .row(PROCESS_OWNER, ok().sees(JWC_PLAN, RSC_PLAN))
        .row(ADMIN, ok().sees(JWC_PLAN, RSC_PLAN));
    resource(rows, "历史变量：人事处的计划（按 id）", get("/engine-rest/history/variable-instance/{rscVariable}"))
        .row(STUDENT, notFound())
        .row(TEACHER, notFound())
        .row(UNIT_HEAD, notFound())
        .row(OTHER_UNIT_HEAD, ok().sees(RSC_PLAN))
        .row(PRESIDENTS_OFFICE, ok().sees(RSC_PLAN))
        .row(QA_OFFICE, ok().sees(RSC_PLAN))
        .row(LEADING_GROUP, ok().sees(RSC_PLAN))
        .row(PROCESS_OWNER, ok().sees(RSC_PLAN))
        .row(ADMIN, ok().sees(RSC_PLAN));
    resource(rows, "历史变量：诊改螺旋的落实说明", get("/engine-rest/history/variable-instance?variableName=" + ASSIGNMENT_NOTE))
        .row(STUDENT, empty())
        .row(TEACHER, empty())
        .row(UNIT_HEAD, ok().sees(JWC_CYCLE_PLAN).hides(RSC_CYCLE_PLAN))
        .row(OTHER_UNIT_HEAD, ok().sees(RSC_CYCLE_PLAN).hides(JWC_CYCLE_PLAN))
        .row(PRESIDENTS_OFFICE, ok().hides(JWC_CYCLE_PLAN, RSC_CYCLE_PLAN))
        .row(QA_OFFICE, ok().sees(JWC_CYCLE_PLAN, RSC_CYCLE_PLAN))
        .row(LEADING_GROUP, ok().sees(JWC_CYCLE_PLAN, RSC_CYCLE_PLAN))
        .row(PROCESS_OWNER, ok().sees(JWC_CYCLE_PLAN, RSC_CYCLE_PLAN))
        .row(ADMIN, ok().sees(JWC_CYCLE_PLAN, RSC_CYCLE_PLAN));
    resource(rows, "历史明细：不限范围", get("/engine-rest/history/detail"))
        .row(STUDENT, forbidden().sees("只能查看本单位的历史明细"))
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden().sees("只能查看本单位的历史明细").hides(RSC_PLAN))
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, ok().sees(JWC_PLAN, RSC_PLAN))
        .row(LEADING_GROUP, ok().sees(JWC_PLAN, RSC_PLAN))
        .row(PROCESS_OWNER, ok().sees(JWC_PLAN, RSC_PLAN))
        .row(ADMIN, ok().sees(JWC_PLAN, RSC_PLAN));
    resource(rows, "历史明细：教务处提交的任务", get("/engine-rest/history/detail?taskId={jwcSubmit}"))
        .row(STUDENT, forbidden())
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, ok().sees(JWC_PLAN).hides(RSC_PLAN))
        .row(OTHER_UNIT_HEAD, forbidden().hides(JWC_PLAN))
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, ok().sees(JWC_PLAN).hides(RSC_PLAN))
        .row(LEADING_GROUP, ok().sees(JWC_PLAN).hides(RSC_PLAN))
        .row(PROCESS_OWNER, ok().sees(JWC_PLAN).hides(RSC_PLAN))
        .row(ADMIN, ok().sees(JWC_PLAN).hides(RSC_PLAN));
    resource(rows, "历史明细：人事处计划的修改（按 id）", get("/engine-rest/history/detail/{rscDetail}"))
        .row(STUDENT, notFound())
        .row(TEACHER, notFound())
        .row(UNIT_HEAD, notFound().hides(RSC_PLAN))
        .row(OTHER_UNIT_HEAD, ok().sees(RSC_PLAN))
        .row(PRESIDENTS_OFFICE, ok().sees(RSC_PLAN))
        .row(QA_OFFICE, ok().sees(RSC_PLAN))
        .row(LEADING_GROUP, ok().sees(RSC_PLAN))
        .row(PROCESS_OWNER, ok().sees(RSC_PLAN))
        .row(ADMIN, ok().sees(RSC_PLAN));
    resource(rows, "部署：查看", get("/engine-rest/deployment?name=zhengai-models"))
        .row(STUDENT, empty())
        .row(TEACHER, empty())
        .row(UNIT_HEAD, empty())
        .row(OTHER_UNIT_HEAD, empty())
        .row(PRESIDENTS_OFFICE, empty())
        .row(QA_OFFICE, ok().sees("zhengai-models"))
        .row(LEADING_GROUP, ok().sees("zhengai-models"))
        .row(PROCESS_OWNER, ok().sees("zhengai-models"))
        .row(ADMIN, ok().sees("zhengai-models"));
    Request deploy = upload("/engine-rest/deployment/create", "probe.txt", "探针");
    resource(rows, "部署：通过引擎接口新建", deploy)
        .row(STUDENT, forbidden())
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden())
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, forbidden().sees("/api/models"))
        .row(LEADING_GROUP, forbidden())
        .row(PROCESS_OWNER, forbidden().sees("无权通过引擎接口部署", "/api/models"))
        .row(ADMIN, ok().sees("deployedProcessDefinitions"));
    resource(rows, "部署：删除", delete("/engine-rest/deployment/{probeDeployment}"))
        // who may not even read a deployment is told it does not exist
        .row(STUDENT, notFound())
        .row(TEACHER, notFound())
        .row(UNIT_HEAD, notFound())
        .row(OTHER_UNIT_HEAD, notFound())
        .row(PRESIDENTS_OFFICE, notFound())
        .row(QA_OFFICE, forbidden())
        .row(LEADING_GROUP, forbidden())
        .row(PROCESS_OWNER, forbidden().sees("无权执行此操作"))
        .row(ADMIN, status(204));
    resource(rows, "流程实例：修改（启动不存在的活动，只看授权）", post("/engine-rest/process-instance/{round}/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_DoesNotExist")))))
        .row(STUDENT, forbidden())
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden())
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, forbidden())
        .row(LEADING_GROUP, forbidden())
        .row(PROCESS_OWNER, forbidden())
        .row(ADMIN, status(400).sees("Task_DoesNotExist"));
    resource(rows, "用户：列表", get("/engine-rest/user"))
        .row(STUDENT, ids(STUDENT))
        .row(TEACHER, ids(TEACHER))
        .row(UNIT_HEAD, ok().sees(OTHER_UNIT_HEAD, STUDENT))
        .row(OTHER_UNIT_HEAD, ok().sees(UNIT_HEAD))
        .row(PRESIDENTS_OFFICE, ok().sees(UNIT_HEAD))
        .row(QA_OFFICE, ok().sees(UNIT_HEAD))
        .row(LEADING_GROUP, ok().sees(UNIT_HEAD))
        .row(PROCESS_OWNER, ok().sees(UNIT_HEAD))
        .row(ADMIN, ok().sees(UNIT_HEAD));
    resource(rows, "用户组：列表", get("/engine-rest/group"))
        .row(STUDENT, ids("qcxy", "major-500211", "role-student"))
        // a teacher sees only their own groups, among them the QA groups of the majors they serve in
        .row(TEACHER, ids("qcxy", "course-fdj", "role-teacher", "major-qa-460701", "major-qa-460702", "major-qa-500211"))
        .row(UNIT_HEAD, ok().sees("\"head-rsc\"", "\"role-student\""))
        .row(OTHER_UNIT_HEAD, ok().sees("\"head-jwc\""))
        .row(PRESIDENTS_OFFICE, ok().sees("\"head-jwc\""))
        .row(QA_OFFICE, ok().sees("\"head-jwc\""))
        .row(LEADING_GROUP, ok().sees("\"head-jwc\""))
        .row(PROCESS_OWNER, ok().sees("\"head-jwc\""))
        .row(ADMIN, ok().sees("\"head-jwc\""));
    resource(rows, "应用接口：模型上传（仅检查）", upload("/api/models?dryRun=true", "annual-work-plan.bpmn", shippedModel()))
        .row(STUDENT, forbidden().sees("无权部署流程模型"))
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden())
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, ok().sees("\"deployed\":false"))
        .row(LEADING_GROUP, forbidden())
        .row(PROCESS_OWNER, ok().sees("\"deployed\":false"))
        .row(ADMIN, ok().sees("\"deployed\":false"));
    resource(rows, "应用接口：模型部署记录", get("/api/models/deployments"))
        .row(STUDENT, forbidden())
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden())
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, status(200))
        .row(LEADING_GROUP, forbidden())
        .row(PROCESS_OWNER, status(200))
        .row(ADMIN, status(200));
    resource(rows, "应用接口：升级记录", get("/api/escalations"))
        .row(STUDENT, forbidden().sees("无权查看升级记录"))
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden())
        .row(OTHER_UNIT_HEAD, forbidden())
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, status(200))
        .row(LEADING_GROUP, status(200))
        .row(PROCESS_OWNER, status(200))
        .row(ADMIN, status(200));
    resource(rows, "应用接口：诊改驾驶舱（年度工作计划）", get("/api/dashboard/cycles/" + ROUND_YEAR))
        .row(STUDENT, forbidden().sees("无权查看诊改驾驶舱"))
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, ok().sees("教务处", "已退回").hides("人事处"))
        .row(OTHER_UNIT_HEAD, ok().sees("人事处", "已提交").hides("教务处"))
        .row(PRESIDENTS_OFFICE, ok().sees("院办").hides("教务处", "人事处"))
        .row(QA_OFFICE, ok().sees("教务处", "人事处", "年度工作计划"))
        .row(LEADING_GROUP, ok().sees("教务处", "人事处"))
        .row(PROCESS_OWNER, ok().sees("教务处", "人事处"))
        .row(ADMIN, ok().sees("教务处", "人事处"));
    resource(rows, "应用接口：诊改驾驶舱（诊改螺旋）", get("/api/dashboard/cycles/2027"))
        .row(STUDENT, forbidden().sees("无权查看诊改驾驶舱"))
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, ok().sees("教务处").hides("人事处"))
        .row(OTHER_UNIT_HEAD, ok().sees("人事处").hides("教务处"))
        .row(PRESIDENTS_OFFICE, ok().hides("教务处", "人事处"))
        .row(QA_OFFICE, ok().sees("教务处", "人事处", "学校年度诊改螺旋", "重点任务落实到岗到人", "全校"))
        .row(LEADING_GROUP, ok().sees("教务处", "人事处"))
        .row(PROCESS_OWNER, ok().sees("教务处", "人事处"))
        .row(ADMIN, ok().sees("教务处", "人事处"));
    resource(rows, "应用接口：发展规划（表4）读取", get("/api/planning/plans"))
        .row(STUDENT, ok().sees("教务处"))
        .row(TEACHER, ok().sees("教务处"))
        .row(UNIT_HEAD, ok().sees("教务处"))
        .row(OTHER_UNIT_HEAD, ok().sees("教务处"))
        .row(PRESIDENTS_OFFICE, ok().sees("教务处"))
        .row(QA_OFFICE, ok().sees("教务处"))
        .row(LEADING_GROUP, ok().sees("教务处"))
        .row(PROCESS_OWNER, ok().sees("教务处"))
        .row(ADMIN, ok().sees("教务处"));
    resource(rows, "应用接口：以人事处名义新增规划", post("/api/planning/plans",
        Map.of("category", "专项规划", "name", "师资队伍建设规划（{user}）", "responsible", "人事处", "parent", "专业建设规划")))
        .row(STUDENT, forbidden())
        .row(TEACHER, forbidden())
        .row(UNIT_HEAD, forbidden().sees("人事处"))
        .row(OTHER_UNIT_HEAD, status(201))
        .row(PRESIDENTS_OFFICE, forbidden())
        .row(QA_OFFICE, status(201))
        .row(LEADING_GROUP, forbidden())
        .row(PROCESS_OWNER, status(201))
        .row(ADMIN, status(201));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} · {1}")
  @MethodSource("matrix")
  void eachRoleGetsWhatItMayAndNothingElse(String resource, String user, Request request, Expect expected) {
    EngineRest.Reply reply = request.send(as(user), user, ids);
    expected.check(reply);
  }

  @Test
  void everyResourceIsDecidedForEveryRole() {
    Map<String, Set<String>> rolesByResource = new LinkedHashMap<>();
    matrix().forEach(row -> rolesByResource.computeIfAbsent((String) row.get()[0], resource -> new TreeSet<>())
        .add((String) row.get()[1]));
    rolesByResource.forEach((resource, roles) -> assertThat(roles).as(resource).isEqualTo(new TreeSet<>(ROLES)));
  }

  @Test
  void aProcessOwnerDeploysAndMigratesThroughTheAppAndOwnsNothingInTheEngine() {
    JsonNode report = as(PROCESS_OWNER).upload("/api/models?migrate=true", "annual-work-plan.bpmn",
        shippedModel().getBytes(StandardCharsets.UTF_8)).expect(200).json();
    assertThat(report.get("deployed").asBoolean()).isTrue();
    assertThat(report.get("migration").get("migrated").asInt()).as("the running round moved").isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ids.get("round")).singleResult()
        .getProcessDefinitionId()).contains(":" + report.get("version").asText() + ":");

    String deployment = report.get("deploymentId").asText();
    as(PROCESS_OWNER).delete("/engine-rest/deployment/" + deployment).expect(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);
    assertThat(authorizationService.createAuthorizationQuery().userIdIn(PROCESS_OWNER).resourceType(Resources.DEPLOYMENT).count())
        .as("the engine made no one the owner of the uploaded deployment").isZero();
  }

  @Test
  void aReimportTakesBackWhatAnOlderReleaseGranted() {
    Authorization oldDeployRight = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    oldDeployRight.setGroupId(Organisation.PROCESS_OWNER_ROLE);
    oldDeployRight.setResource(Resources.PROCESS_INSTANCE);
    oldDeployRight.setResourceId(Authorization.ANY);
    oldDeployRight.addPermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(oldDeployRight);
    Authorization deployment = authorizationService.createAuthorizationQuery().groupIdIn(Organisation.PROCESS_OWNER_ROLE)
        .resourceType(Resources.DEPLOYMENT).resourceId(Authorization.ANY).singleResult();
    deployment.addPermission(Permissions.CREATE);
    authorizationService.saveAuthorization(deployment);
    Authorization ownedUpload = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    ownedUpload.setUserId(PROCESS_OWNER);
    ownedUpload.setResource(Resources.DEPLOYMENT);
    ownedUpload.setResourceId(ids.get("probeDeployment"));
    ownedUpload.addPermission(Permissions.DELETE);
    authorizationService.saveAuthorization(ownedUpload);
    as(PROCESS_OWNER).upload("/engine-rest/deployment/create", "probe.txt", "探针".getBytes(StandardCharsets.UTF_8)).expect(200);

    JsonNode changes = as(ADMIN).post("/api/organisation/import", null).expect(200).json().get("changes");

    assertThat(changes.toString()).contains("撤销授权 role-process-owner ProcessInstance:*",
        "调整授权 role-process-owner Deployment:*", "撤销授权 用户 wuqian Deployment:" + ids.get("probeDeployment"));
    assertThat(as(PROCESS_OWNER).upload("/engine-rest/deployment/create", "probe.txt", "探针".getBytes(StandardCharsets.UTF_8))
        .expect(403).json().get("message").asText()).contains("/api/models");
    assertThat(as(ADMIN).post("/api/organisation/import", null).expect(200).json().get("changes")).isEmpty();
  }

  @Test
  void theWebappsEngineApiKeepsAUnitToItsOwnPlans() {
    HttpHeaders browser = new HttpHeaders();
    browser.add(HttpHeaders.COOKIE, logIn(UNIT_HEAD));
    ResponseEntity<String> history = http.exchange("/camunda/api/engine/engine/default/history/variable-instance?variableName="
        + KEY_TASKS.name(), HttpMethod.GET, new HttpEntity<>(browser), String.class);
    assertThat(history.getStatusCode().value()).isEqualTo(200);
    assertThat(history.getBody()).contains(JWC_PLAN).doesNotContain(RSC_PLAN);
  }

  @Test
  void tasklistsUnitFilterShowsTheSameTasksAsWithCamundasDefaultAuthorisationCheck() {
    Map<String, Set<String>> fast = new LinkedHashMap<>();
    for (String user : List.of(UNIT_HEAD, OTHER_UNIT_HEAD, TEACHER)) {
      fast.put(user, unitFilterTaskIds(user));
    }
    String productSetting = engineConfiguration.getAuthorizationCheckRevokes();
    engineConfiguration.setAuthorizationCheckRevokes("auto");
    try {
      fast.forEach((user, tasks) -> assertThat(unitFilterTaskIds(user)).as(user).isEqualTo(tasks));
    } finally {
      engineConfiguration.setAuthorizationCheckRevokes(productSetting);
    }
    assertThat(fast.get(UNIT_HEAD)).contains(ids.get("jwcRevise")).doesNotContain(ids.get("rscReview"));
    assertThat(fast.get(OTHER_UNIT_HEAD)).doesNotContain(ids.get("jwcRevise"), ids.get("rscReview"));
    assertThat(fast.get(TEACHER)).isEmpty();
  }

  /** The task ids on the 本单位待办 page as Tasklist asks for it: HAL list, session cookie and Camunda's XSRF header. */
  private Set<String> unitFilterTaskIds(String user) {
    String api = "/camunda/api/engine/engine/default";
    HttpHeaders browser = new HttpHeaders();
    browser.add(HttpHeaders.COOKIE, logIn(user));
    ResponseEntity<String> tasklist = http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(browser), String.class);
    String xsrf = tasklist.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .map(cookie -> cookie.split(";")[0]).findFirst().orElseThrow();
    browser.add(HttpHeaders.COOKIE, xsrf);
    browser.add("X-XSRF-TOKEN", xsrf.substring("XSRF-TOKEN=".length()));
    String filter = as(user).get("/engine-rest/filter?name=本单位待办").expect(200).json().get(0).get("id").asText();
    browser.setContentType(MediaType.APPLICATION_JSON);
    browser.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> page = http.exchange(api + "/filter/" + filter + "/list?firstResult=0&maxResults=100", HttpMethod.POST,
        new HttpEntity<>("{\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}", browser), String.class);
    assertThat(page.getStatusCode().value()).as(user + " " + page.getBody()).isEqualTo(200);
    JsonNode tasks = new EngineRest.Reply(200, page.getBody(), user, page.getHeaders()).json().path("_embedded").path("task");
    Set<String> taskIds = new TreeSet<>();
    tasks.forEach(task -> taskIds.add(task.get("id").asText()));
    return taskIds;
  }

  /** Signs in through the login page, as a browser does; answers the session cookie. */
  private String logIn(String user) {
    TestRestTemplate browser = http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    ResponseEntity<String> page = browser.getForEntity("/login", String.class);
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    form.add(HttpHeaders.COOKIE, sessionCookie(page));
    LinkedMultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
    credentials.add("username", user);
    credentials.add("password", EngineRest.DEMO_PASSWORD);
    credentials.add("_csrf", page.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
    ResponseEntity<String> login = browser.postForEntity("/login", new HttpEntity<>(credentials, form), String.class);
    assertThat(login.getStatusCode().value()).isEqualTo(302);
    return sessionCookie(login);
  }

  private static String sessionCookie(ResponseEntity<?> response) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
        .map(cookie -> cookie.split(";")[0]).findFirst().orElseThrow(() -> new AssertionError("no session in " + response.getHeaders()));
  }

  // ---- the table's vocabulary ----

  private static Rows resource(List<Arguments> rows, String resource, Request request) {
    return new Rows(rows, resource, request);
  }

  record Rows(List<Arguments> rows, String resource, Request request) {
    Rows row(String user, Expect expected) {
      rows.add(Arguments.of(resource, user, request, expected));
      return this;
    }
  }

  /** An HTTP request with {placeholders} for the ids of this round. */
  record Request(String method, String path, Object body, String fileName) {
    EngineRest.Reply send(EngineRest client, String user, Map<String, String> ids) {
      String resolved = path;
      for (Map.Entry<String, String> id : ids.entrySet()) {
        resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
      }
      return switch (method) {
        case "GET" -> client.get(resolved);
        case "POST" -> client.post(resolved, body instanceof Map<?, ?> fields ? withUser(fields, user) : body);
        case "DELETE" -> client.delete(resolved);
        case "UPLOAD" -> client.upload(resolved, fileName, ((String) body).getBytes(StandardCharsets.UTF_8));
        default -> throw new IllegalArgumentException(method);
      };
    }

    /** {user} in a body's values stands for the caller, so that each caller's new row is its own. */
    private static Map<Object, Object> withUser(Map<?, ?> fields, String user) {
      Map<Object, Object> resolved = new LinkedHashMap<>();
      fields.forEach((key, value) -> resolved.put(key, value instanceof String text ? text.replace("{user}", user) : value));
      return resolved;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Request get(String path) {
    return new Request("GET", path, null, null);
  }

  static Request post(String path, Object body) {
    return new Request("POST", path, body, null);
  }

  static Request delete(String path) {
    return new Request("DELETE", path, null, null);
  }

  static Request upload(String path, String fileName, String content) {
    return new Request("UPLOAD", path, content, fileName);
  }

  /** What an answer must hold: its status, texts it shows and texts it must not, its size or count. */
  record Expect(int status, List<String> shown, List<String> hidden, Integer size, Integer count, Set<String> exactIds) {

    Expect sees(String... texts) {
      List<String> all = new ArrayList<>(shown);
      all.addAll(List.of(texts));
      return new Expect(status, all, hidden, size, count, exactIds);
    }

    Expect hides(String... texts) {
      List<String> all = new ArrayList<>(hidden);
      all.addAll(List.of(texts));
      return new Expect(status, shown, all, size, count, exactIds);
    }

    Expect size(int expected) {
      return new Expect(status, shown, hidden, expected, count, exactIds);
    }

    void check(EngineRest.Reply reply) {
      reply.expect(status);
      String body = reply.body() == null ? "" : reply.body();
      shown.forEach(text -> assertThat(body).as(reply.request()).contains(text));
      hidden.forEach(text -> assertThat(body).as(reply.request()).doesNotContain(text));
      if (size != null) {
        assertThat(reply.json()).as(reply.request() + " → " + body).hasSize(size);
      }
      if (count != null) {
        assertThat(reply.json().get("count").asInt()).as(reply.request()).isEqualTo(count);
      }
      if (exactIds != null) {
        assertThat(reply.json().findValuesAsText("id")).as(reply.request()).containsExactlyInAnyOrderElementsOf(exactIds);
      }
    }

    @Override
    public String toString() {
      return status + (shown.isEmpty() ? "" : " 含 " + shown) + (hidden.isEmpty() ? "" : " 不含 " + hidden)
          + (size == null ? "" : " 共 " + size + " 条") + (count == null ? "" : " 计数 " + count)
          + (exactIds == null ? "" : " 恰为 " + exactIds);
    }
  }

  static Expect status(int status) {
    return new Expect(status, List.of(), List.of(), null, null, null);
  }

  static Expect ok() {
    return status(200);
  }

  static Expect empty() {
    return ok().size(0);
  }

  static Expect forbidden() {
    return status(403);
  }

  static Expect notFound() {
    return status(404);
  }

  static Expect count(int expected) {
    return new Expect(200, List.of(), List.of(), null, expected, null);
  }

  static Expect ids(String... expected) {
    return new Expect(200, List.of(), List.of(), null, null, Set.of(expected));
  }

  // ---- the round ----

  private EngineRest as(String user) {
    return EngineRest.as(http, user);
  }

  /** The unit's head enters the plan as a key task in 表5 and submits it, with the plan again as its note. */
  private String submit(String round, int year, String unit, String head, String plan) {
    String task = taskOf(round, Elements.TASK_SUBMIT_WORK_PLAN, unit);
    keyTask(year, unit, head, plan);
    as(head).post("/engine-rest/task/" + task + "/submit-form", variables(Map.of(PLAN_NOTE.name(), plan))).expect(204);
    return task;
  }

  /** The unit's key task of the year in 表5, which its plan of the year is. */
  private void keyTask(int year, String unit, String head, String title) {
    as(head).post("/api/planning/key-tasks?year=" + year, Map.of("title", title, "unit", unit.equals("jwc") ? "教务处" : "人事处",
        "measures", "逐项落实", "deadline", year + "-12-31")).expect(201);
  }

  private void target(String code, String name, String plan, String owner) {
    Map<String, Object> row = new LinkedHashMap<>(Map.of("code", code, "name", name, "plan", plan, "unitOfMeasure", "%",
        "comparison", "≥", "targetValue", "95", "standardValue", "90", "warningValue", "92", "owner", owner, "period", "2027年"));
    row.put("cycleYear", "2027");
    as(PRESIDENTS_OFFICE).post("/api/planning/targets", row).expect(201);
  }

  private void complete(String user, String taskId, Map<String, Object> values) {
    as(user).post("/engine-rest/task/" + taskId + "/submit-form", variables(values)).expect(204);
  }

  /** The open task of the 2027 cycle at an activity; for a unit's step, the one of that unit. */
  private String cycleTask(String activityId, String unit) {
    return taskService.createTaskQuery().processDefinitionKey(SchoolAnnualCycleProcess.KEY).taskDefinitionKey(activityId).list()
        .stream().filter(task -> unit == null || unit.equals(taskService.getVariable(task.getId(), UNIT.name()))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + activityId + " for " + unit)).getId();
  }

  private String taskOf(String round, String taskKey, String unit) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(round).taskDefinitionKey(taskKey).list();
    return tasks.stream().filter(task -> unit.equals(taskService.getVariable(task.getId(), UNIT.name()))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + taskKey + " for " + unit)).getId();
  }

  private static String shippedModel() {
    try {
      return new String(ModelResources.bytes(AnnualWorkPlanProcess.MODEL), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
