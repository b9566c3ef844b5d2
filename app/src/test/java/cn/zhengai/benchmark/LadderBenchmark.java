package cn.zhengai.benchmark;

import cn.zhengai.processes.TaskEscalationProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P7: what the escalation ladder costs at {@value #OPEN_TASKS} open tasks (override: {@code -Dbenchmark.ladder.tasks}),
 * each on its own ladder (one process instance waiting at a timer), as the product's listener starts them. In the same
 * run on the same engine and database, for {@value #SAMPLE} of those tasks:
 * <ul>
 *   <li>finding a task's ladder by its business key (the task's id) against the earlier way, by the {@code taskId}
 *   variable, which no index covers;</li>
 *   <li>ending a ladder when its task is done (the message correlation the listener sends), by business key against
 *   by variable;</li>
 *   <li>a task's whole life on its ladder (created, the ladder started; completed, the ladder ended) against the same
 *   one-task model without a ladder.</li>
 * </ul>
 */
final class LadderBenchmark implements Benchmark {

  static final int OPEN_TASKS = 5_000;
  static final int SAMPLE = 200;
  private static final String WITH_LADDER = "benchmark-task-with-ladder";

  @Override
  public String id() {
    return "P7";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    int openTasks = Integer.getInteger("benchmark.ladder.tasks", OPEN_TASKS);
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "ladder")) {
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService tasks = app.getBean(TaskService.class);
      deployTaskWithLadder(app.getBean(RepositoryService.class));
      TrivialModels.deployOneTask(app);
      Date due = Date.from(Instant.now().plus(Duration.ofDays(30)));
      for (int i = 0; i < openTasks; i++) {
        runtime.startProcessInstanceByKey(WITH_LADDER, Map.of("due", due));
      }
      long ladders = runtime.createProcessInstanceQuery().processDefinitionKey(TaskEscalationProcess.KEY).count();
      figures.note(String.format("P7 %d 个在办任务，各有催办升级阶梯（%d 个阶梯实例）", openTasks, ladders));
      List<String> open = tasks.createTaskQuery().processDefinitionKey(WITH_LADDER).listPage(0, 3 * SAMPLE).stream()
          .map(Task::getId).toList();
      List<String> lookedUp = open.subList(0, SAMPLE);
      List<String> closedByVariable = open.subList(SAMPLE, 2 * SAMPLE);
      List<String> closedByKey = open.subList(2 * SAMPLE, 3 * SAMPLE);

      Measurement byVariable = each(lookedUp, id -> one(runtime.createProcessInstanceQuery()
          .processDefinitionKey(TaskEscalationProcess.KEY).variableValueEquals(TaskEscalationProcess.Variables.TASK_ID.name(), id)
          .list()));
      Measurement byKey = each(lookedUp, id -> one(runtime.createProcessInstanceQuery()
          .processDefinitionKey(TaskEscalationProcess.KEY).processInstanceBusinessKey(id).list()));
      figures.add("P7", "查找一个任务的催办阶梯（" + openTasks + " 个在办任务；基线 按变量 taskId 查找，改前的方式）：每次", database,
          perItem(byKey), perItem(byVariable), "ms");

      Measurement closeByVariable = each(closedByVariable, id -> runtime.createMessageCorrelation(TaskEscalationProcess.MESSAGE_TASK_CLOSED)
          .processInstanceVariableEquals(TaskEscalationProcess.Variables.TASK_ID.name(), id).correlateAll());
      Measurement closeByKey = each(closedByKey, id -> runtime.createMessageCorrelation(TaskEscalationProcess.MESSAGE_TASK_CLOSED)
          .processInstanceBusinessKey(id).correlateAll());
      figures.add("P7", "任务办结时结束其阶梯（消息关联；基线 按变量关联，改前的方式）：每次", database,
          perItem(closeByKey), perItem(closeByVariable), "ms");

      Measurement withLadder = Measurement.once(() -> lives(runtime, tasks, WITH_LADDER, Map.of("due", due)));
      Measurement withoutLadder = Measurement.once(() -> lives(runtime, tasks, TrivialModels.ONE_TASK, Map.of()));
      figures.add("P7", "一个任务从创建到办结（含阶梯的开始和结束；基线 同样的单任务流程，不带阶梯）：每个", database,
          perItem(withLadder), perItem(withoutLadder), "ms");
    }
  }

  /** A model with one task on the ladder, as every shipped model's tasks are: due in the future, a unit's heads. */
  private static void deployTaskWithLadder(RepositoryService repository) {
    String ladder = "${" + TaskEscalationProcess.Beans.LADDER_LISTENER + "}";
    BpmnModelInstance model = Bpmn.createExecutableProcess(WITH_LADDER).camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_WithLadder").name("基准任务").camundaCandidateGroups("head-jwc").camundaDueDate("${due}")
        .camundaTaskListenerDelegateExpression("create", ladder).camundaTaskListenerDelegateExpression("complete", ladder)
        .camundaTaskListenerDelegateExpression("delete", ladder).endEvent().done();
    repository.createDeployment().name(WITH_LADDER).addModelInstance(WITH_LADDER + ".bpmn", model).deploy();
  }

  /** {@value #SAMPLE} tasks started and completed, one after the other. */
  private static long lives(RuntimeService runtime, TaskService tasks, String key, Map<String, Object> variables) {
    for (int i = 0; i < SAMPLE; i++) {
      String instance = runtime.startProcessInstanceByKey(key, variables).getId();
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
    }
    return SAMPLE;
  }

  private static Measurement each(List<String> taskIds, Consumer<String> work) throws Exception {
    List<String> ids = new ArrayList<>(taskIds);
    return Measurement.once(() -> {
      ids.forEach(work);
      return ids.size();
    });
  }

  private static void one(List<?> found) {
    if (found.size() != 1) {
      throw new IllegalStateException("每个任务应恰有 1 个阶梯，实有 " + found.size());
    }
  }

  private static double perItem(Measurement measurement) {
    return (double) measurement.millis() / measurement.count();
  }
}
