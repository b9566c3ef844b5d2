package cn.zhengai.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The postgres profile: settings from the environment, the organisation loaded, no demo accounts. */
class PostgresProfileStartsTest {

  @Test
  void startsWithARealPasswordAndLoadsTheOrganisationWithoutDemoPeople() {
    try (ConfigurableApplicationContext app = PostgresProfileLauncher.start(EmbeddedPostgresDatabase.newDatabase(), "S3cure-Admin-Passw0rd")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createGroupQuery().groupId("jwc").singleResult().getName()).isEqualTo("教务处");
      assertThat(identity.createUserQuery().userId("wangfang").count()).isZero();
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      assertThat(identity.checkPassword("admin", "S3cure-Admin-Passw0rd")).isTrue();
    }
  }
}
