package cn.zhengai.processes;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the TaskEscalation model as shipped, with its flow-node coverage held at 100%. */
class TaskEscalationProcessTest extends TaskEscalationPaths {

  @RegisterExtension static ProcessEngineExtension engine = InMemoryEngine.extension();
  private static final FlowNodeCoverage COVERAGE = new FlowNodeCoverage(TaskEscalationProcess.MODEL);

  @Override
  ProcessEngineExtension engineExtension() {
    return engine;
  }

  @Override
  FlowNodeCoverage coverage() {
    return COVERAGE;
  }

  @AfterAll
  static void coverageIsComplete() {
    COVERAGE.assertComplete();
  }
}
