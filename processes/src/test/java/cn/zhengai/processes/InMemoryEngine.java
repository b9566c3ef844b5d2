package cn.zhengai.processes;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/** One in-memory engine for all engine-level process tests; delegates are bound through {@code Mocks}. */
final class InMemoryEngine {

  private static ProcessEngine engine;

  private InMemoryEngine() {}

  static synchronized ProcessEngineExtension extension() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration
          .setJdbcUrl("jdbc:h2:mem:zhengai-processes;DB_CLOSE_DELAY=-1")
          .setJobExecutorActivate(false)
          .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
      configuration.setCmmnEnabled(false);
      configuration.setStandaloneTasksEnabled(false);
      configuration.setExpressionManager(new MockExpressionManager());
      engine = configuration.buildProcessEngine();
    }
    return ProcessEngineExtension.builder().useProcessEngine(engine).build();
  }
}
