package cn.zhengai.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What the path tests of one model share: the model deployed before each test and removed after it (its flow-node
 * coverage read first), the delegates bound through {@code Mocks}, and the steps a test takes.
 */
abstract class ModelPathsSupport {

  protected ProcessEngine engine;
  private String deploymentId;

  /** The model under test. */
  abstract ProcessModel model();

  /** The file deployed: the model as shipped, unless a subclass runs it after a trip through Flowable Modeler. */
  byte[] modelBytes() throws Exception {
    return ModelResources.bytes(model());
  }

  /** Models the model under test calls, deployed beside it as shipped. */
  List<ProcessModel> calledModels() {
    return List.of();
  }

  /** The subclass's own engine (a static extension per class). */
  abstract ProcessEngineExtension engineExtension();

  /** Each concrete test class's flow-node coverage of its model, checked after all its tests. */
  private static final Map<Class<?>, FlowNodeCoverage> COVERAGE = new ConcurrentHashMap<>();

  private FlowNodeCoverage coverage() {
    return COVERAGE.computeIfAbsent(getClass(), type -> new FlowNodeCoverage(model()));
  }

  @AfterAll
  static void coverageIsComplete(TestInfo testClass) {
    COVERAGE.get(testClass.getTestClass().orElseThrow()).assertComplete();
  }

  /** Binds the beans the model names. */
  abstract void bindBeans();

  @BeforeEach
  void deployModel() throws Exception {
    engine = engineExtension().getProcessEngine();
    var deployment = engine.getRepositoryService().createDeployment()
        .addInputStream(model().resource(), new ByteArrayInputStream(modelBytes()));
    for (ProcessModel called : calledModels()) {
      deployment.addInputStream(called.resource(), new ByteArrayInputStream(ModelResources.bytes(called)));
    }
    deploymentId = deployment.deploy().getId();
    bindBeans();
  }

  @AfterEach
  void undeployModel() {
    coverage().record(engine);
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
  }

  /** Executes the one job waiting at an activity (a timer, or an asynchronous continuation). */
  protected void fire(ProcessInstance instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  /** The open task at an activity; where several units work in parallel, the one of {@code unit}. */
  protected Task task(ProcessInstance instance, String activityId, String unit) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).list();
    List<Task> matching = unit == null ? tasks
        : tasks.stream().filter(task -> unit.equals(engine.getTaskService().getVariable(task.getId(), "unit"))).toList();
    assertThat(matching).as(activityId + (unit == null ? "" : " of " + unit)).hasSize(1);
    return matching.get(0);
  }

  protected void complete(ProcessInstance instance, String activityId, String unit, Map<String, Object> variables) {
    engine.getTaskService().complete(task(instance, activityId, unit).getId(), variables);
  }

  protected List<String> candidateGroupsOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(link -> link.getGroupId()).toList();
  }

  protected List<String> waitingAt(ProcessInstance instance) {
    return engine.getRuntimeService().getActiveActivityIds(instance.getId());
  }

  protected boolean ended(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  protected boolean passedThrough(ProcessInstance instance, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(activityId).count() > 0;
  }
}
