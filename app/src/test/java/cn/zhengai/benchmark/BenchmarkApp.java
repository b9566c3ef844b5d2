package cn.zhengai.benchmark;

import cn.zhengai.ZhengaiApplication;
import java.util.ArrayList;
import java.util.Arrays;
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
   * How many nodes a benchmark runs with, one after the other, fewest first: {@code -Dbenchmark.<id>.nodes} (e.g.
   * {@code 1,2}), by default one node, and on PostgreSQL one and then two (a cluster shares one PostgreSQL; the
   * embedded H2 is one process's database).
   */
  public static List<Integer> nodeCounts(String benchmarkId, BenchmarkDatabase database) {
    String nodes = System.getProperty("benchmark." + benchmarkId.toLowerCase() + ".nodes", "");
    return Arrays.stream((nodes.isBlank() ? database == BenchmarkDatabase.POSTGRES ? "1,2" : "1" : nodes).split(","))
        .map(count -> Integer.parseInt(count.trim())).sorted().toList();
  }

  /**
   * Another node of the app on {@code first}'s database, as a cluster runs it: its own Spring context, web server,
   * connection pool, engine and job executor, in this JVM, with {@code first}'s other settings given again as
   * {@code properties}. Both engines are named {@code default}, the engine the webapps and REST API address; Camunda's
   * registry keeps one engine a name, so from this node's start the webapps and REST API of both nodes use this node's
   * engine, while each node's own beans keep their own; once it is closed they have none (close {@code first} then).
   */
  public static ConfigurableApplicationContext startAnotherNode(ConfigurableApplicationContext first, String... properties) {
    Environment settings = first.getEnvironment();
    List<String> all = new ArrayList<>(List.of("PORT=0", "logging.level.root=WARN",
        "spring.datasource.url=" + settings.getProperty("spring.datasource.url"),
        "spring.datasource.username=" + settings.getProperty("spring.datasource.username", ""),
        "spring.datasource.password=" + settings.getProperty("spring.datasource.password", "")));
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(ZhengaiApplication.class).profiles("test")
        .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
  }
}
