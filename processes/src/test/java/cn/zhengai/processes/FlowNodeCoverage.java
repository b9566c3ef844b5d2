package cn.zhengai.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * BPMN flow-node coverage of one model over a test class: which of its flow nodes (events, tasks, gateways,
 * sub-processes) some test passed through, read from the engine's history before each test's deployment goes.
 */
final class FlowNodeCoverage {

  private final ProcessModel model;
  private final Set<String> flowNodes = new TreeSet<>();
  private final Set<String> covered = new TreeSet<>();

  FlowNodeCoverage(ProcessModel model) {
    this.model = model;
    try (InputStream in = FlowNodeCoverage.class.getClassLoader().getResourceAsStream(model.classpathLocation())) {
      Bpmn.readModelFromStream(in).getModelElementsByType(FlowNode.class).forEach(node -> flowNodes.add(node.getId()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Adds what the engine's history holds for the model's process. */
  void record(ProcessEngine engine) {
    engine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(activity -> activity.getProcessDefinitionKey().equals(model.key()))
        .map(HistoricActivityInstance::getActivityId)
        .map(FlowNodeCoverage::withoutMultiInstanceSuffix)
        .forEach(covered::add);
  }

  /** Prints the coverage and fails below 100%, naming the nodes no test reached. */
  void assertComplete() {
    Set<String> missed = new TreeSet<>(flowNodes);
    missed.removeAll(covered);
    int reached = flowNodes.size() - missed.size();
    System.out.printf("流程节点覆盖率 %s：%d/%d（%.0f%%）%n", model.key(), reached, flowNodes.size(), 100.0 * reached / flowNodes.size());
    assertThat(missed).as("flow nodes of " + model.key() + " no test passed through").isEmpty();
  }

  /** History names a multi-instance body "X#multiInstanceBody"; the node is X. */
  private static String withoutMultiInstanceSuffix(String activityId) {
    int hash = activityId.indexOf('#');
    return hash < 0 ? activityId : activityId.substring(0, hash);
  }
}
