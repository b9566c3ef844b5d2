package cn.zhengai.processes;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the annual quality report's round again, on the file Flowable Modeler saved and the product normalised. */
class AnnualQualityReportAfterFlowableModelerTest extends AnnualQualityReportPaths {

  @RegisterExtension static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Override
  ProcessEngineExtension engineExtension() {
    return engine;
  }

  @Override
  byte[] modelBytes() throws Exception {
    return FlowableModelerRoundTripTest.afterFlowableModeler(AnnualQualityReportProcess.MODEL);
  }
}
