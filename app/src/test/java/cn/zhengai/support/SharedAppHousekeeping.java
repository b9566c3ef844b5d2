package cn.zhengai.support;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For {@link AppTest} classes, and the nested classes that share one app on PostgreSQL
 * ({@code cn.zhengai.ScenariosOnPostgresTest}): checks that a class runs on the one app of its JVM, and after the
 * class removes the running process instances and the deployments it made, so that the next class finds the shipped
 * models and no rounds.
 */
public final class SharedAppHousekeeping implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedAppHousekeeping.class);
  /** The app the first @AppTest class of this JVM got. */
  private static ApplicationContext sharedApp;

  @Override
  public void beforeAll(ExtensionContext context) {
    ApplicationContext app = SpringExtension.getApplicationContext(context);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    synchronized (SharedAppHousekeeping.class) {
      if (sharedApp == null) {
        sharedApp = app;
      }
      if (sharedApp != app || ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
        throw new IllegalStateException(context.getRequiredTestClass().getName() + " does not run on the app the earlier"
            + " @AppTest classes of this JVM share: a class with @AppTest may not change the context (@MockitoBean,"
            + " @MockitoSpyBean, @Import, @TestPropertySource, @DynamicPropertySource, profiles) nor close it"
            + " (@DirtiesContext). A class that needs its own context drops @AppTest and runs in a JVM of its own.");
      }
    }
    context.getStore(NAMESPACE).put(ProcessEngine.class, engine);
    context.getStore(NAMESPACE).put(Deployment.class, deploymentIds(engine.getRepositoryService()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ProcessEngine engine = context.getStore(NAMESPACE).get(ProcessEngine.class, ProcessEngine.class);
    if (engine == null) {
      return;
    }
    RuntimeService runtime = engine.getRuntimeService();
    // deleting a cycle ends the escalation instances of its tasks too, so some are gone by their turn
    runtime.createProcessInstanceQuery().list()
        .forEach(round -> runtime.deleteProcessInstanceIfExists(round.getId(), "test class finished", false, true, false, false));
    RepositoryService repository = engine.getRepositoryService();
    @SuppressWarnings("unchecked")
    Set<String> before = context.getStore(NAMESPACE).get(Deployment.class, Set.class);
    for (String deployment : deploymentIds(repository)) {
      if (!before.contains(deployment)) {
        repository.deleteDeployment(deployment, true, true, true);
      }
    }
  }

  private static Set<String> deploymentIds(RepositoryService repository) {
    Set<String> ids = new HashSet<>();
    repository.createDeploymentQuery().list().forEach(deployment -> ids.add(deployment.getId()));
    return ids;
  }
}
