package cn.zhengai.cycle;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import cn.zhengai.support.MutableClock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A whole year of the school's cycle for the demo college ({@link SchoolYearWalk}) on a real PostgreSQL server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// close the application before the JVM stops the database server under it
@DirtiesContext
class SchoolCycleYearOnPostgresTest implements SchoolYearWalk.Clockwork {

  @Autowired TestRestTemplate http;
  final MutableClock clock = new MutableClock();
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aWholeYearOfTheSchoolCycleForTheDemoCollege() {
    new SchoolYearWalk(http, runtimeService, taskService, this).walk();
  }

  /** Noon of a day, for the product and the engine (one clock); then every timer and job due by then runs. */
  @Override
  public void moveTo(LocalDate day) {
    clock.setDay(day);
    runDueJobs();
  }

  @Override
  public void runDueJobs() {
    for (int round = 0; round < 100; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming: " + managementService.createJobQuery().executable().list());
  }
}
