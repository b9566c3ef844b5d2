package cn.zhengai.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.ModelResources;
import cn.zhengai.processes.ProcessModel;
import cn.zhengai.processes.TaskEscalationProcess;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attack corpus: models that try to run code on the server, each through one vector (an expression, a bean
 * that is not for models, reflection, a script in each language, a script resource, a Java class, a listener of
 * each kind, a condition, each timer kind, a timer start event, input/output mappings, a connector, a shell task,
 * an edit of the shipped model). Each payload creates a marker file when it runs: on this app with the sandbox taken
 * out of the engine, every one did, except the JavaScript, Groovy and Python scripts and the connector, whose engines
 * are not installed here. Each model is
 * <ol>
 *   <li>refused at upload: 400, a Chinese reason naming the element, nothing deployed, no audit row;</li>
 *   <li>refused by the engine when an administrator deploys it around the upload (engine API);</li>
 *   <li>and, deployed with even that check taken out of the engine, started and driven (jobs executed, tasks
 *       assigned and completed): the expression resolver, scripting and class loading refuse it, and no marker
 *       appears.</li>
 * </ol>
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelSandboxAttackTest {

  private static final String PROCESS_OWNER = "wuqian";
  private static final String MARKER = "@MARKER@";
  /** Reflection from a string literal, as in the issue: {@code ''.getClass().forName(…)}. */
  private static final String REFLECTION =
      "${''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + MARKER + "').createNewFile()}";
  /** A bean of the application that is not for models; H2's CSVWRITE writes the marker. */
  private static final String BEAN = "${jdbcTemplate.execute('CALL CSVWRITE(\\'" + MARKER + "\\', \\'SELECT 1\\')')}";
  /** Reflection through a declared bean. */
  private static final String DECLARED_BEAN_REFLECTION =
      "${cycleDeadlines.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + MARKER + "').createNewFile()}";
  /** Reflection through a variable the engine provides. */
  private static final String VARIABLE_REFLECTION =
      "${execution.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + MARKER + "').createNewFile()}";
  private static final String MARKER_CLASS = "camunda:class=\"" + MarkerWriter.class.getName() + "\"";
  /** Listeners name their class without the camunda prefix. */
  private static final String LISTENER_CLASS = "class=\"" + MarkerWriter.class.getName() + "\"";
  private static final String MARKER_FIELD = "<camunda:field name=\"marker\" stringValue=\"" + MARKER + "\" />";

  /** The engine's sandbox answers: expressions, scripts, classes. */
  private static final String EXPRESSION_REFUSED = "流程模型的表达式";
  private static final String BEAN_REFUSED = "模型可用的组件";
  private static final String SCRIPT_REFUSED = EngineSandbox.SCRIPTS_OFF;
  private static final String CLASS_REFUSED = "不允许流程模型使用 Java 类";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired JdbcTemplate jdbc;

  private Path markers;

  @BeforeAll
  void markerFolder() throws Exception {
    markers = Files.createTempDirectory("zhengai-sandbox");
  }

  /**
   * One attack: its model (with {@code @MARKER@} where the payload writes), how it is uploaded, the element the
   * refusal must name and a part of its reason, what the engine answers when the model runs anyway, and resources
   * deployed with it.
   */
  record Attack(String name, String bpmn, String uploadOptions, String elementId, String reason, String engineRefusal,
      Map<String, String> resources) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Attack> attacks() {
    return Stream.of(
        // expressions in service tasks
        small("service-task-expression-reflection", serviceTask("camunda:expression=\"" + attr(REFLECTION) + "\"", ""),
            "Step", "不允许反射（getClass）", EXPRESSION_REFUSED),
        small("service-task-expression-undeclared-bean", serviceTask("camunda:expression=\"" + attr(BEAN) + "\"", ""),
            "Step", "组件 \"jdbcTemplate\" 不在模型可用的组件清单中", BEAN_REFUSED),
        small("service-task-expression-declared-bean-reflection",
            serviceTask("camunda:expression=\"" + attr(DECLARED_BEAN_REFLECTION) + "\"", ""), "Step", "不允许反射", EXPRESSION_REFUSED),
        small("service-task-expression-variable-reflection",
            serviceTask("camunda:expression=\"" + attr(VARIABLE_REFLECTION) + "\"", ""), "Step", "不允许反射", EXPRESSION_REFUSED),
        small("delegate-expression-reflection", serviceTask("camunda:delegateExpression=\"" + attr(REFLECTION) + "\"", ""),
            "Step", "delegateExpression 只能是 ${组件名}", EXPRESSION_REFUSED),
        // scripts, in each language, inline and as a resource
        small("script-task-juel", scriptTask("juel", "", text(REFLECTION)), "Step", "不允许脚本任务", SCRIPT_REFUSED),
        small("script-task-javascript", scriptTask("javascript", "", "new java.io.File('" + MARKER + "').createNewFile();"),
            "Step", "不允许脚本任务", SCRIPT_REFUSED),
        small("script-task-groovy", scriptTask("groovy", "", "new File('" + MARKER + "').createNewFile()"),
            "Step", "不允许脚本任务", SCRIPT_REFUSED),
        small("script-task-python", scriptTask("python", "", "from java.io import File\nFile('" + MARKER + "').createNewFile()"),
            "Step", "不允许脚本任务", SCRIPT_REFUSED),
        new Attack("script-task-resource", process("script-task-resource", "",
            scriptTask("juel", " camunda:resource=\"deployment://payload.juel\"", null), "", ""), "newProcess=true",
            "Step", "不允许脚本任务", SCRIPT_REFUSED, Map.of("payload.juel", REFLECTION)),
        small("execution-listener-script", userTask(ASSIGNED, ext("<camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"juel\">" + text(REFLECTION) + "</camunda:script></camunda:executionListener>")),
            "Step", "不允许脚本（juel）", SCRIPT_REFUSED),
        small("task-listener-script", userTask(ASSIGNED, ext("<camunda:taskListener event=\"create\">"
            + "<camunda:script scriptFormat=\"juel\">" + text(REFLECTION) + "</camunda:script></camunda:taskListener>")),
            "Step", "不允许脚本（juel）", SCRIPT_REFUSED),
        new Attack("script-condition", process("script-condition", "", userTask(ASSIGNED, ""),
            "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"juel\">" + text(REFLECTION)
                + "</bpmn:conditionExpression>", ""), "newProcess=true", "Flow_Done", "不允许脚本（language=\"juel\"）",
            SCRIPT_REFUSED, Map.of()),
        // Java classes: service task and every kind of listener; the engine's shell task
        small("class-service-task", serviceTask(MARKER_CLASS, ext(MARKER_FIELD)), "Step", "不允许 Java 类", CLASS_REFUSED),
        small("class-execution-listener-start", userTask(ASSIGNED, ext("<camunda:executionListener event=\"start\" "
            + LISTENER_CLASS + ">" + MARKER_FIELD + "</camunda:executionListener>")), "Step", "不允许 Java 类", CLASS_REFUSED),
        small("class-execution-listener-end", userTask(ASSIGNED, ext("<camunda:executionListener event=\"end\" "
            + LISTENER_CLASS + ">" + MARKER_FIELD + "</camunda:executionListener>")), "Step", "不允许 Java 类", CLASS_REFUSED),
        new Attack("class-take-listener", process("class-take-listener", "", userTask(ASSIGNED, ""), "",
            ext("<camunda:executionListener event=\"take\" " + LISTENER_CLASS + ">" + MARKER_FIELD + "</camunda:executionListener>")),
            "newProcess=true", "Flow_Done", "不允许 Java 类", CLASS_REFUSED, Map.of()),
        small("class-task-listener-create", userTask(ASSIGNED, ext("<camunda:taskListener event=\"create\" "
            + LISTENER_CLASS + ">" + MARKER_FIELD + "</camunda:taskListener>")), "Step", "不允许 Java 类", CLASS_REFUSED),
        small("class-task-listener-assignment", userTask(ASSIGNED, ext("<camunda:taskListener event=\"assignment\" "
            + LISTENER_CLASS + ">" + MARKER_FIELD + "</camunda:taskListener>")), "Step", "不允许 Java 类", CLASS_REFUSED),
        small("class-task-listener-complete", userTask(ASSIGNED, ext("<camunda:taskListener event=\"complete\" "
            + LISTENER_CLASS + ">" + MARKER_FIELD + "</camunda:taskListener>")), "Step", "不允许 Java 类", CLASS_REFUSED),
        small("shell-task", serviceTask("camunda:type=\"shell\"", ext("<camunda:field name=\"command\" stringValue=\"touch\" />"
            + "<camunda:field name=\"arg1\" stringValue=\"" + MARKER + "\" />")), "Step", "不允许外部任务或特殊服务任务", CLASS_REFUSED),
        // listener expressions of each kind
        small("execution-listener-start-expression", userTask(ASSIGNED, ext("<camunda:executionListener event=\"start\" expression=\""
            + attr(REFLECTION) + "\" />")), "Step", "不允许反射", EXPRESSION_REFUSED),
        small("execution-listener-end-expression", userTask(ASSIGNED, ext("<camunda:executionListener event=\"end\" expression=\""
            + attr(BEAN) + "\" />")), "Step", "jdbcTemplate", BEAN_REFUSED),
        new Attack("take-listener-expression", process("take-listener-expression", "", userTask(ASSIGNED, ""), "",
            ext("<camunda:executionListener event=\"take\" expression=\"" + attr(REFLECTION) + "\" />")),
            "newProcess=true", "Flow_Done", "不允许反射", EXPRESSION_REFUSED, Map.of()),
        small("task-listener-create-expression", userTask(ASSIGNED, ext("<camunda:taskListener event=\"create\" expression=\""
            + attr(REFLECTION) + "\" />")), "Step", "不允许反射", EXPRESSION_REFUSED),
        small("task-listener-assignment-expression", userTask(ASSIGNED, ext("<camunda:taskListener event=\"assignment\" expression=\""
            + attr(BEAN) + "\" />")), "Step", "jdbcTemplate", BEAN_REFUSED),
        small("task-listener-complete-expression", userTask(ASSIGNED, ext("<camunda:taskListener event=\"complete\" expression=\""
            + attr(DECLARED_BEAN_REFLECTION) + "\" />")), "Step", "不允许反射", EXPRESSION_REFUSED),
        // conditions, timers, assignments, due dates, multi-instance, messages, conditional events
        new Attack("sequence-flow-condition", process("sequence-flow-condition", "", userTask(ASSIGNED, ""),
            "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + text(REFLECTION) + "</bpmn:conditionExpression>", ""),
            "newProcess=true", "Flow_Done", "不允许反射", EXPRESSION_REFUSED, Map.of()),
        small("timer-date", catchEvent("<bpmn:timerEventDefinition><bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">"
            + text(REFLECTION) + "</bpmn:timeDate></bpmn:timerEventDefinition>"), "Step", "不允许反射", EXPRESSION_REFUSED),
        small("timer-duration", catchEvent("<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">"
            + text(BEAN) + "</bpmn:timeDuration></bpmn:timerEventDefinition>"), "Step", "jdbcTemplate", BEAN_REFUSED),
        small("timer-cycle", catchEvent("<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">"
            + text(DECLARED_BEAN_REFLECTION) + "</bpmn:timeCycle></bpmn:timerEventDefinition>"), "Step", "不允许反射", EXPRESSION_REFUSED),
        new Attack("timer-start-event-code", process("timer-start-event-code",
            "<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">" + text(REFLECTION)
                + "</bpmn:timeCycle></bpmn:timerEventDefinition>", userTask(ASSIGNED, ""), "", ""),
            "newProcess=true", "Start", "不允许反射", EXPRESSION_REFUSED, Map.of()),
        new Attack("timer-start-event-then-bean", process("timer-start-event-then-bean",
            "<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R1/PT2S</bpmn:timeCycle></bpmn:timerEventDefinition>",
            serviceTask("camunda:expression=\"" + attr(BEAN) + "\"", ""), "", ""),
            "newProcess=true", "Step", "jdbcTemplate", BEAN_REFUSED, Map.of()),
        small("candidate-groups-expression", userTask("camunda:candidateGroups=\"" + attr(REFLECTION) + "\"", ""),
            "Step", "不允许反射", EXPRESSION_REFUSED),
        small("assignee-expression", userTask("camunda:assignee=\"" + attr(BEAN) + "\"", ""), "Step", "jdbcTemplate", BEAN_REFUSED),
        small("due-date-expression", userTask(ASSIGNED + " camunda:dueDate=\"" + attr(VARIABLE_REFLECTION) + "\"", ""),
            "Step", "不允许反射", EXPRESSION_REFUSED),
        small("multi-instance-collection", userTask(ASSIGNED, "<bpmn:multiInstanceLoopCharacteristics camunda:collection=\""
            + attr(REFLECTION) + "\" camunda:elementVariable=\"unit\" />"), "Step", "不允许反射", EXPRESSION_REFUSED),
        small("multi-instance-cardinality", userTask(ASSIGNED, "<bpmn:multiInstanceLoopCharacteristics>"
            + "<bpmn:loopCardinality xsi:type=\"bpmn:tFormalExpression\">" + text(BEAN) + "</bpmn:loopCardinality>"
            + "</bpmn:multiInstanceLoopCharacteristics>"), "Step", "jdbcTemplate", BEAN_REFUSED),
        new Attack("message-name-expression", process("message-name-expression", "",
            catchEvent("<bpmn:messageEventDefinition messageRef=\"Message_Attack\" />"), "",
            "", "<bpmn:message id=\"Message_Attack\" name=\"" + attr(REFLECTION) + "\" />"),
            "newProcess=true", "Message_Attack", "不允许反射", EXPRESSION_REFUSED, Map.of()),
        small("conditional-event", catchEvent("<bpmn:conditionalEventDefinition><bpmn:condition xsi:type=\"bpmn:tFormalExpression\">"
            + text(REFLECTION) + "</bpmn:condition></bpmn:conditionalEventDefinition>"), "Step", "不允许反射", EXPRESSION_REFUSED),
        // input/output mappings, connectors
        small("input-mapping-script", userTask(ASSIGNED, ext("<camunda:inputOutput><camunda:inputParameter name=\"x\">"
            + "<camunda:script scriptFormat=\"juel\">" + text(REFLECTION) + "</camunda:script></camunda:inputParameter></camunda:inputOutput>")),
            "Step", "不允许脚本（juel）", SCRIPT_REFUSED),
        small("input-mapping-expression", userTask(ASSIGNED, ext("<camunda:inputOutput><camunda:inputParameter name=\"x\">"
            + text(REFLECTION) + "</camunda:inputParameter></camunda:inputOutput>")), "Step", "输入/输出映射只能是常量或 ${变量名}",
            EXPRESSION_REFUSED),
        small("output-mapping-expression", userTask(ASSIGNED, ext("<camunda:inputOutput><camunda:outputParameter name=\"x\">"
            + text(BEAN) + "</camunda:outputParameter></camunda:inputOutput>")), "Step", "输入/输出映射只能是常量或 ${变量名}",
            BEAN_REFUSED),
        small("connector", serviceTask("", ext("<camunda:connector><camunda:inputOutput><camunda:inputParameter name=\"url\">"
            + text(REFLECTION) + "</camunda:inputParameter></camunda:inputOutput><camunda:connectorId>http-connector</camunda:connectorId>"
            + "</camunda:connector>")), "Step", "不允许连接器", null),
        // edits of the shipped model, deployed with migration
        new Attack("shipped-model-process-listener", shipped().replace("</bpmn:documentation>\n",
            "</bpmn:documentation>\n    <bpmn:extensionElements><camunda:executionListener event=\"start\" expression=\""
                + attr(REFLECTION) + "\" /></bpmn:extensionElements>\n"),
            "migrate=true", AnnualWorkPlanProcess.KEY, "不允许反射", EXPRESSION_REFUSED, Map.of()),
        new Attack("shipped-model-timer", shipped(TaskEscalationProcess.MODEL).replace("${remindAt}", text(BEAN)),
            "migrate=true", TaskEscalationProcess.Elements.TIMER_BEFORE_DUE, "jdbcTemplate", BEAN_REFUSED, Map.of()));
  }

  @Test
  void theCorpusCoversEveryVectorWithThirtyModelsOrMore() {
    assertThat(attacks().count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void processOwnersReadTheVocabularyInChinese() {
    JsonNode vocabulary = EngineRest.as(http, PROCESS_OWNER).get("/api/models/vocabulary").expect(200).json();
    Map<String, JsonNode> beans = new java.util.HashMap<>();
    vocabulary.get("beans").forEach(bean -> beans.put(bean.get("name").asText(), bean));
    assertThat(beans).containsKeys("escalationLadder", "showUnitInTasklistListener", "openUnitPlanDelegate",
        "checkTargetsDraftedListener", "escalationSteps", "cycleDeadlines").doesNotContainKeys("jdbcTemplate", "modelUploadService");
    assertThat(beans.get("showUnitInTasklistListener").get("description").asText()).isEqualTo("在任务上显示单位和年度（任务创建时）");
    assertThat(beans.get("escalationLadder").get("kind").asText()).isEqualTo("TASK_LISTENER");
    assertThat(beans.get("openUnitPlanDelegate").get("kind").asText()).isEqualTo("DELEGATE");
    assertThat(beans.get("escalationSteps").get("methods").toString())
        .isEqualTo("[\"escalateToLeadingGroup\",\"escalateToQaOffice\",\"remind\"]");
    assertThat(beans.get("cycleDeadlines").get("usage").asText()).isEqualTo("在表达式中调用其方法：${cycleDeadlines.方法名(…)}");
    assertThat(vocabulary.get("variables").toString()).contains("annual-work-plan", "planNote");
    EngineRest.as(http, "zhouqiang").get("/api/models/vocabulary").expect(200);
    assertThat(EngineRest.as(http, "wangfang").get("/api/models/vocabulary").expect(403).json().get("message").asText())
        .contains("无权查看模型可用的组件");
  }

  /** An administrator's deployment through the engine's REST API meets the same check: 400, in Chinese, by element. */
  @Test
  void theEngineRestDeploymentOfAnAdministratorIsCheckedToo() {
    Attack attack = attacks().filter(candidate -> candidate.name().equals("timer-start-event-then-bean")).findFirst().orElseThrow();
    Path marker = markers.resolve("engine-rest.marker");
    long deployments = repositoryService.createDeploymentQuery().count();
    JsonNode answer = EngineRest.as(http, "admin").upload("/engine-rest/deployment/create", "attack.bpmn",
        attack.bpmn().replace(MARKER, marker.toString()).getBytes(StandardCharsets.UTF_8)).expect(400).json();
    assertThat(answer.get("type").asText()).isEqualTo("ParseException");
    assertThat(answer.get("message").asText()).contains("元素 Step（步骤）", "组件 \"jdbcTemplate\" 不在模型可用的组件清单中");
    assertThat(answer.get("details").get("attack.bpmn").get("errors").get(0).get("mainElementId").asText()).isEqualTo("Step");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  /**
   * Tasklist's filters are stored task queries whose expressions the engine evaluates ({@code ${currentUser()}}):
   * they keep working, and even an administrator's filter reaches no bean that is not for models.
   */
  @Test
  void expressionsInStoredTaskFiltersReachNoOtherBean() {
    Path marker = markers.resolve("task-filter.marker");
    EngineRest admin = EngineRest.as(http, "admin");
    String mine = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "我的任务",
        "query", Map.of("assigneeExpression", "${currentUser()}"))).expect(200).json().get("id").asText();
    admin.get("/engine-rest/filter/" + mine + "/list").expect(200);
    String attack = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "试探",
        "query", Map.of("assigneeExpression", BEAN.replace(MARKER, marker.toString())))).expect(200).json().get("id").asText();
    assertThat(admin.get("/engine-rest/filter/" + attack + "/list").body()).contains("Unable to resolve expression");
    assertThat(marker).doesNotExist();
    assertThat(admin.post("/engine-rest/task", Map.of("assigneeExpression", BEAN.replace(MARKER, marker.toString())))
        .expect(400).body()).contains("Expressions are forbidden in adhoc queries");
    admin.delete("/engine-rest/filter/" + mine).expect(204);
    admin.delete("/engine-rest/filter/" + attack).expect(204);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusedAtUploadRefusedByTheEngineAndInertWhenRunAnyway(Attack attack) throws Exception {
    Path marker = markers.resolve(attack.name() + ".marker");
    String bpmn = attack.bpmn().replace(MARKER, marker.toString());
    Map<String, String> resources = new java.util.HashMap<>();
    attack.resources().forEach((name, content) -> resources.put(name, content.replace(MARKER, marker.toString())));

    refusedAtUpload(attack, bpmn);
    refusedByTheEngine(attack, bpmn, resources);
    inertWhenRunAnyway(attack, bpmn, resources, marker);
  }

  private void refusedAtUpload(Attack attack, String bpmn) {
    long deployments = repositoryService.createDeploymentQuery().count();
    Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM model_deployment", Integer.class);
    JsonNode report = EngineRest.as(http, PROCESS_OWNER).upload("/api/models?" + attack.uploadOptions(), attack.name() + ".bpmn",
        bpmn.getBytes(StandardCharsets.UTF_8)).expect(400).json();
    assertThat(report.get("deployed").asBoolean()).isFalse();
    List<String> named = new ArrayList<>();
    report.get("problems").forEach(problem -> {
      if (attack.elementId().equals(problem.path("elementId").asText())) {
        named.add(problem.get("message").asText());
      }
    });
    assertThat(named).as(report.toString()).anySatisfy(message -> assertThat(message).contains(attack.reason()));
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_deployment", Integer.class)).isEqualTo(audited);
  }

  /** An administrator deploys it through the engine API: the engine's own check refuses it, naming the element. */
  private void refusedByTheEngine(Attack attack, String bpmn, Map<String, String> resources) {
    long deployments = repositoryService.createDeploymentQuery().count();
    identityService.setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(() -> deployment(attack, bpmn, resources).deploy())
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining(attack.elementId())
          .hasMessageContaining(attack.reason());
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  /**
   * As if the engine's check had missed it: deployed without it, started, its jobs executed and its tasks assigned
   * and completed. What the engine answers is collected; the marker must not exist.
   */
  private void inertWhenRunAnyway(Attack attack, String bpmn, Map<String, String> resources, Path marker) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
    List<String> answers = new ArrayList<>();
    String deploymentId = null;
    List<Deployer> withoutCheck = configuration.getDeployers().stream()
        .filter(deployer -> !(deployer instanceof EngineSandbox.SandboxCheck)).toList();
    configuration.getDeploymentCache().setDeployers(withoutCheck);
    try {
      deploymentId = deployment(attack, bpmn, resources).deploy().getId();
      for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).list()) {
        drive(definition, answers);
      }
    } catch (RuntimeException refused) {
      answers.add(String.valueOf(refused.getMessage()));
    } finally {
      configuration.getDeploymentCache().setDeployers(configuration.getDeployers());
      if (deploymentId != null) {
        repositoryService.deleteDeployment(deploymentId, true, true, true);
      }
    }
    assertThat(marker).as("payload of " + attack.name() + " ran").doesNotExist();
    if (attack.engineRefusal() != null) {
      assertThat(answers).as("the engine's answers").anySatisfy(answer -> assertThat(answer).contains(attack.engineRefusal()));
    }
  }

  private void drive(ProcessDefinition definition, List<String> answers) {
    if (managementService.createJobQuery().processDefinitionId(definition.getId()).count() == 0) {
      attempt(() -> runtimeService.startProcessInstanceById(definition.getId(), Map.of(AnnualWorkPlanProcess.Variables.YEAR.name(), 2031,
          AnnualWorkPlanProcess.Variables.SUBMISSION_DUE_DATE.name(), LocalDate.now().plusMonths(2).toString())), answers);
    }
    for (int round = 0; round < 3; round++) {
      for (Job job : managementService.createJobQuery().processDefinitionId(definition.getId()).list()) {
        attempt(() -> managementService.executeJob(job.getId()), answers);
      }
      for (Task task : taskService.createTaskQuery().processDefinitionId(definition.getId()).list()) {
        attempt(() -> taskService.setAssignee(task.getId(), "wuqian"), answers);
        attempt(() -> taskService.complete(task.getId()), answers);
      }
    }
  }

  private static void attempt(Runnable step, List<String> answers) {
    try {
      step.run();
    } catch (RuntimeException refused) {
      answers.add(String.valueOf(refused.getMessage()));
    }
  }

  private DeploymentBuilder deployment(Attack attack, String bpmn, Map<String, String> resources) {
    DeploymentBuilder deployment = repositoryService.createDeployment().name("attack " + attack.name())
        .addString(attack.name() + ".bpmn", bpmn);
    resources.forEach(deployment::addString);
    return deployment;
  }

  // --- models ---------------------------------------------------------------------------------------------------

  private static final String ASSIGNED = "camunda:candidateGroups=\"zgb\"";

  private static Attack small(String name, String step, String elementId, String reason, String engineRefusal) {
    return new Attack(name, process(name, "", step, "", "", ""), "newProcess=true", elementId, reason, engineRefusal, Map.of());
  }

  private static String process(String key, String startEventBody, String step, String doneFlowBody, String doneFlowExtensions) {
    return process(key, startEventBody, step, doneFlowBody, doneFlowExtensions, "");
  }

  /** Start → Step → End, with a complete diagram, as a modeler saves it. */
  private static String process(String key, String startEventBody, String step, String doneFlowBody, String doneFlowExtensions,
      String definitionsExtras) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Attack" targetNamespace="http://zhengai.cn/attack">
          %6$s
          <bpmn:process id="attack-%1$s" name="试探" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="Start" name="开始">%2$s</bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_ToStep" sourceRef="Start" targetRef="Step" />
            %3$s
            <bpmn:sequenceFlow id="Flow_Done" name="完成" sourceRef="Step" targetRef="End">%5$s%4$s</bpmn:sequenceFlow>
            <bpmn:endEvent id="End" name="结束" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_Attack">
            <bpmndi:BPMNPlane id="Plane_Attack" bpmnElement="attack-%1$s">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Step_di" bpmnElement="Step"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_ToStep_di" bpmnElement="Flow_ToStep"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_Done_di" bpmnElement="Flow_Done"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(key, startEventBody, step, doneFlowBody, doneFlowExtensions, definitionsExtras);
  }

  private static String serviceTask(String attributes, String body) {
    return "<bpmn:serviceTask id=\"Step\" name=\"步骤\" " + attributes + ">" + body + "</bpmn:serviceTask>";
  }

  private static String userTask(String attributes, String body) {
    return "<bpmn:userTask id=\"Step\" name=\"步骤\" camunda:formKey=\"camunda-forms:deployment:annual-work-plan-review.form\" "
        + attributes + ">" + body + "</bpmn:userTask>";
  }

  /** A script task; a null script means the script comes from a resource. */
  private static String scriptTask(String format, String attributes, String script) {
    return "<bpmn:scriptTask id=\"Step\" name=\"步骤\" scriptFormat=\"" + format + "\"" + attributes + ">"
        + (script == null ? "" : "<bpmn:script>" + script + "</bpmn:script>") + "</bpmn:scriptTask>";
  }

  private static String catchEvent(String definition) {
    return "<bpmn:intermediateCatchEvent id=\"Step\" name=\"步骤\">" + definition + "</bpmn:intermediateCatchEvent>";
  }

  private static String ext(String content) {
    return "<bpmn:extensionElements>" + content + "</bpmn:extensionElements>";
  }

  private static String attr(String value) {
    return text(value).replace("\"", "&quot;");
  }

  private static String text(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;");
  }

  private static String shipped() {
    return shipped(AnnualWorkPlanProcess.MODEL);
  }

  private static String shipped(ProcessModel model) {
    try {
      return new String(ModelResources.bytes(model), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
