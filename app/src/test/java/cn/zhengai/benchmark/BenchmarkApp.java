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
    List<String> all = new ArrayList<>(List.of("server.port=0", "logging.level.root=WARN"));
    all.addAll(database.newDatabaseProperties(name));
    all.addAll(List.of(properties));
    // as command-line arguments: default properties would lose to the profiles' files (their port and database)
    return new SpringApplicationBuilder(ZhengaiApplication.class).profiles("test").run(all.stream().map(property -> "--" + property)
        .toArray(String[]::new));
  }
}
