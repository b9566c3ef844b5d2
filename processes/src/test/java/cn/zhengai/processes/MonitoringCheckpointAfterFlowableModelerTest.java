package cn.zhengai.processes;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the monitoring checkpoint again, on the file Flowable Modeler saved and the product normalised. */
class MonitoringCheckpointAfterFlowableModelerTest extends MonitoringCheckpointPaths {

  @RegisterExtension static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Override
  ProcessEngineExtension engineExtension() {
    return engine;
  }

  @Override
  byte[] modelBytes() throws Exception {
    return FlowableModelerRoundTripTest.afterFlowableModeler(MonitoringCheckpointProcess.MODEL);
  }
}
