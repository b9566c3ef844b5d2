package cn.zhengai.benchmark;

import cn.zhengai.ZhengaiApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** The application as a benchmark starts it: the test profile (demo college), a new database, quiet logs. */
public final class BenchmarkApp {

  private BenchmarkApp() {}

  public static ConfigurableApplicationContext start(BenchmarkDatabase database, String name, String... properties) {
    return start(database, name, List.of(), properties);
  }

  /** The same, with more profiles beside the test profile (e.g. simulation). */
  public static ConfigurableApplicationContext start(BenchmarkDatabase database, String name, List<String> profiles, String... properties) {
    // PORT: application.yaml takes server.port from it
    List<String> all = new ArrayList<>(List.of("PORT=0", "logging.level.root=WARN"));
    all.addAll(database.newDatabaseProperties(name));
    all.addAll(List.of(properties));
    // as command-line arguments: they outrank the test profile's datasource, default properties would not
    return new SpringApplicationBuilder(ZhengaiApplication.class).profiles("test").profiles(profiles.toArray(String[]::new))
        .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
  }

  /**
   * Another node of the app on {@code first}'s database, as a cluster runs it: its own Spring context, engine (named
   * {@code engineName}, as the engines of one JVM must differ) and job executor, in this JVM.
   */
  public static ConfigurableApplicationContext startAnotherNode(ConfigurableApplicationContext first, String engineName) {
    Environment settings = first.getEnvironment();
    return new SpringApplicationBuilder(ZhengaiApplication.class).profiles("test").run("--PORT=0", "--logging.level.root=WARN",
        "--spring.datasource.url=" + settings.getProperty("spring.datasource.url"),
        "--spring.datasource.username=" + settings.getProperty("spring.datasource.username", ""),
        "--spring.datasource.password=" + settings.getProperty("spring.datasource.password", ""),
        "--camunda.bpm.process-engine-name=" + engineName);
  }
}
