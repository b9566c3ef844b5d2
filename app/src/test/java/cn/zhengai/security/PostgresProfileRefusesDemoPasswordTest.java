package cn.zhengai.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;

/**
 * The postgres profile will not run while an account keeps the documented demo password, nor with the training
 * clock (演练模式) on its production data.
 */
class PostgresProfileRefusesDemoPasswordTest {

  @Test
  void refusesToStartWhileTheAdministratorHasTheDemoPassword() {
    assertThatThrownBy(() -> PostgresProfileLauncher.start(EmbeddedPostgresDatabase.newDatabase(), "zhengai2026").close())
        .hasStackTraceContaining("拒绝启动：以下账号仍在使用默认演示密码，请先修改密码：admin");
  }

  @Test
  void refusesToStartInSimulationModeBeforeTouchingTheDatabase() {
    // no database behind this address: the refusal comes first
    assertThatThrownBy(() -> PostgresProfileLauncher.start("jdbc:postgresql://localhost:1/none", "Secret-2026", "simulation").close())
        .hasMessageStartingWith("拒绝启动：演练模式（simulation 配置）")
        .hasMessageContaining("不能与生产数据（postgres 配置）同时启用");
  }
}
