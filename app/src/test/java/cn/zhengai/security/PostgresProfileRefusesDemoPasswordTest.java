package cn.zhengai.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;

/** The postgres profile will not run while an account keeps the documented demo password. */
class PostgresProfileRefusesDemoPasswordTest {

  @Test
  void refusesToStartWhileTheAdministratorHasTheDemoPassword() {
    assertThatThrownBy(() -> PostgresProfileLauncher.start(EmbeddedPostgresDatabase.newDatabase(), "zhengai2026").close())
        .hasStackTraceContaining("拒绝启动：以下账号仍在使用默认演示密码，请先修改密码：admin");
  }
}
