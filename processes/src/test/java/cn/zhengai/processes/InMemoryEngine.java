package cn.zhengai.processes;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * The in-memory engine of the engine-level test classes; delegates are bound through {@code Mocks}. One engine for
 * all of them (building one costs seconds): each test deploys its model and deletes the deployment with its
 * instances and history afterwards, so a class finds the engine as empty as a new one.
 */
final class InMemoryEngine {

  private static ProcessEngine engine;

  private InMemoryEngine() {}

  static synchronized ProcessEngineExtension extension() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration
          .setProcessEngineName("zhengai-processes")
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
