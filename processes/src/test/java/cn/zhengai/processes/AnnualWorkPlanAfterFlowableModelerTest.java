package cn.zhengai.processes;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the annual work plan model again, on the file Flowable Modeler saved and the product normalised. */
class AnnualWorkPlanAfterFlowableModelerTest extends AnnualWorkPlanPaths {

  @RegisterExtension static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Override
  ProcessEngineExtension engineExtension() {
    return engine;
  }

  @Override
  byte[] model() throws Exception {
    return FlowableModelerRoundTripTest.afterFlowableModeler(AnnualWorkPlanProcess.MODEL);
  }
}
