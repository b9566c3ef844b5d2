package cn.zhengai.security;

import cn.zhengai.ZhengaiApplication;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application with the postgres profile, its settings given as the environment variables it reads.
 * The class that uses it runs in its own JVM: the webapps keep static state that a failed start spoils.
 */
final class PostgresProfileLauncher {

  private PostgresProfileLauncher() {}

  static ConfigurableApplicationContext start(String databaseUrl, String adminPassword, String... moreProfiles) {
    return new SpringApplicationBuilder(ZhengaiApplication.class)
        .profiles("postgres")
        .profiles(moreProfiles)
        .properties(Map.of(
            "ZHENGAI_DB_URL", databaseUrl,
            "ZHENGAI_DB_USER", "postgres",
            "ZHENGAI_DB_PASSWORD", "",
            "ZHENGAI_ADMIN_PASSWORD", adminPassword,
            "PORT", "0",
            "camunda.bpm.job-execution.enabled", "false"))
        .run();
  }
}
