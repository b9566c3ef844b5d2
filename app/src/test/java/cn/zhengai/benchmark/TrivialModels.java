package cn.zhengai.benchmark;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ApplicationContext;

/** The bare engine's baselines: trivial models deployed beside the product's on the same engine and database. */
final class TrivialModels {

  static final String ONE_TASK = "benchmark-one-task";
  static final String ONE_TIMER = "benchmark-one-timer";

  private TrivialModels() {}

  /** Start → one user task → end. */
  static void deployOneTask(ApplicationContext app) {
    deploy(app, Bpmn.createExecutableProcess(ONE_TASK).camundaHistoryTimeToLive(1).startEvent().userTask("Task_Trivial").endEvent().done());
  }

  /** Start → a timer at a fixed moment ({@code dueAt}, ISO 8601) → end. */
  static void deployOneTimer(ApplicationContext app, String dueAt) {
    deploy(app, Bpmn.createExecutableProcess(ONE_TIMER).camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("Timer_Trivial")
        .timerWithDate(dueAt).endEvent().done());
  }

  private static void deploy(ApplicationContext app, BpmnModelInstance model) {
    String key = model.getDefinitions().getRootElements().iterator().next().getId();
    app.getBean(RepositoryService.class).createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
  }
}
