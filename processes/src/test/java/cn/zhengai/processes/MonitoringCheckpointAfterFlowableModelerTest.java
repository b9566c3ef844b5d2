package cn.zhengai.processes;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the MonitoringCheckpoint model again, on the file Flowable Modeler saved and the product normalised. */
class MonitoringCheckpointAfterFlowableModelerTest extends MonitoringCheckpointPaths {

  @RegisterExtension static ProcessEngineExtension engine = InMemoryEngine.extension();
  private static final FlowNodeCoverage COVERAGE = new FlowNodeCoverage(MonitoringCheckpointProcess.MODEL);

  @Override
  ProcessEngineExtension engineExtension() {
    return engine;
  }

  @Override
  FlowNodeCoverage coverage() {
    return COVERAGE;
  }

  @Override
  byte[] modelBytes() throws Exception {
    return FlowableModelerRoundTripTest.afterFlowableModeler(MonitoringCheckpointProcess.MODEL);
  }

  @AfterAll
  static void coverageIsComplete() {
    COVERAGE.assertComplete();
  }
}
