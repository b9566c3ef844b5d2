package cn.zhengai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The postgres profile: settings from the environment, the organisation loaded, no demo accounts; it will not run
 * while an account keeps the documented demo password, nor with the training clock (演练模式) on its production data.
 * One JVM of its own, one PostgreSQL server: the start that succeeds comes first, since a start that fails after the
 * webapps came up leaves their static state spoiled for the next start in the JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresProfileTest {

  @Test
  @Order(1)
  void startsWithARealPasswordAndLoadsTheOrganisationWithoutDemoPeople() {
    try (ConfigurableApplicationContext app = PostgresProfileLauncher.start(EmbeddedPostgresDatabase.newDatabase(), "S3cure-Admin-Passw0rd")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createGroupQuery().groupId("jwc").singleResult().getName()).isEqualTo("教务处");
      assertThat(identity.createUserQuery().userId("wangfang").count()).isZero();
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      assertThat(identity.checkPassword("admin", "S3cure-Admin-Passw0rd")).isTrue();
    }
  }

  @Test
  @Order(2)
  void refusesToStartWhileTheAdministratorHasTheDemoPassword() {
    assertThatThrownBy(() -> PostgresProfileLauncher.start(EmbeddedPostgresDatabase.newDatabase(), "zhengai2026").close())
        .hasStackTraceContaining("拒绝启动：以下账号仍在使用默认演示密码，请先修改密码：admin");
  }

  @Test
  @Order(3)
  void refusesToStartInSimulationModeBeforeTouchingTheDatabase() {
    // no database behind this address: the refusal comes first
    assertThatThrownBy(() -> PostgresProfileLauncher.start("jdbc:postgresql://localhost:1/none", "Secret-2026", "simulation").close())
        .hasMessageStartingWith("拒绝启动：演练模式（simulation 配置）")
        .hasMessageContaining("不能与生产数据（postgres 配置）同时启用");
  }
}
