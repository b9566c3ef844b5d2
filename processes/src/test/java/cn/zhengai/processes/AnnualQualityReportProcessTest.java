package cn.zhengai.processes;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the annual quality report's round as shipped, with its flow-node coverage held at 100%. */
class AnnualQualityReportProcessTest extends AnnualQualityReportPaths {

  @RegisterExtension static ProcessEngineExtension engine = InMemoryEngine.extension();

  @Override
  ProcessEngineExtension engineExtension() {
    return engine;
  }
}
