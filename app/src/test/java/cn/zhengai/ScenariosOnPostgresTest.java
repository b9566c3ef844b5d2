package cn.zhengai;

import cn.zhengai.major.MajorLevelScenarios;
import cn.zhengai.notification.NotificationStoreScenarios;
import cn.zhengai.planning.PlanningScenarios;
import cn.zhengai.statedata.DataScenariosWithCollegeDatabase;
import cn.zhengai.support.EmbeddedPostgresDatabase;
import cn.zhengai.support.SharedAppHousekeeping;
import cn.zhengai.tasklist.CandidateTaskIndexScenarios;
import cn.zhengai.workplan.AnnualWorkPlanScenarios;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The features' scenarios that run on H2 in the shared app, on a real PostgreSQL server: one app on one embedded
 * server (a JVM of its own), started once for all of them. Each nested class is one feature's scenarios; like the
 * shared app's classes they use rows and years of their own, and after each its running process instances and
 * deployments are removed.
 */
// declared before the app, so that it runs after Spring is done with the class
@ExtendWith(ScenariosOnPostgresTest.ClosesTheApp.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ScenariosOnPostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Nested
  @ExtendWith(SharedAppHousekeeping.class)
  class Planning extends PlanningScenarios {}

  @Nested
  @ExtendWith(SharedAppHousekeeping.class)
  class AnnualWorkPlan extends AnnualWorkPlanScenarios {}

  @Nested
  @ExtendWith(SharedAppHousekeeping.class)
  class MajorLevel extends MajorLevelScenarios {}

  @Nested
  @ExtendWith(SharedAppHousekeeping.class)
  class NotificationStore extends NotificationStoreScenarios {}

  @Nested
  @ExtendWith(SharedAppHousekeeping.class)
  class DataPlatform extends DataScenariosWithCollegeDatabase {}

  @Nested
  @ExtendWith(SharedAppHousekeeping.class)
  class CandidateTaskIndex extends CandidateTaskIndexScenarios {}

  @Nested
  @ExtendWith(SharedAppHousekeeping.class)
  class Batches extends JdbcBatchesScenarios {

    @Override
    protected boolean copiesHere() {
      return true;
    }
  }

  /** Closes the app after the last nested class, before the JVM's shutdown stops the database server under it. */
  static final class ClosesTheApp implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
      if (context.getRequiredTestClass() == ScenariosOnPostgresTest.class) {
        ((ConfigurableApplicationContext) SpringExtension.getApplicationContext(context)).close();
      }
    }
  }
}
