package cn.zhengai.processes;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the major assessment as shipped, with its flow-node coverage held at 100%. */
class MajorAssessmentProcessTest extends MajorAssessmentPaths {

  @RegisterExtension static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Override
  ProcessEngineExtension engineExtension() {
    return engine;
  }
}
