package cn.zhengai.processes;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the major assessment again, on the file Flowable Modeler saved and the product normalised. */
class MajorAssessmentAfterFlowableModelerTest extends MajorAssessmentPaths {

  @RegisterExtension static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Override
  ProcessEngineExtension engineExtension() {
    return engine;
  }

  @Override
  byte[] modelBytes() throws Exception {
    return FlowableModelerRoundTripTest.afterFlowableModeler(MajorAssessmentProcess.MODEL);
  }
}
