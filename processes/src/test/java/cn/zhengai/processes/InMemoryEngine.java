package cn.zhengai.processes;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/** A fresh in-memory engine for each engine-level test class; delegates are bound through {@code Mocks}. */
final class InMemoryEngine {

  private static final AtomicInteger ENGINES = new AtomicInteger();

  private InMemoryEngine() {}

  static ProcessEngineExtension extension() {
    String name = "zhengai-processes-" + ENGINES.incrementAndGet();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration
        .setProcessEngineName(name)
        .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setCmmnEnabled(false);
    configuration.setStandaloneTasksEnabled(false);
    configuration.setExpressionManager(new MockExpressionManager());
    return ProcessEngineExtension.builder().useProcessEngine(configuration.buildProcessEngine()).build();
  }
}
