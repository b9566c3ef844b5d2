package cn.zhengai.benchmark;

import cn.zhengai.ZhengaiApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
}
