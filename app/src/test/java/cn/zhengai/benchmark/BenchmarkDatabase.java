package cn.zhengai.benchmark;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import java.util.List;

/** The databases a benchmark runs on: the embedded default (H2 in memory) and a real PostgreSQL server. */
public enum BenchmarkDatabase {
  H2("H2"),
  POSTGRES("PostgreSQL");

  private final String label;

  BenchmarkDatabase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Spring properties pointing the application at a new, empty database of this kind. */
  public List<String> newDatabaseProperties(String name) {
    return switch (this) {
      case H2 -> List.of("spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      case POSTGRES -> List.of("spring.datasource.url=" + EmbeddedPostgresDatabase.newDatabase(),
          "spring.datasource.username=postgres", "spring.datasource.password=");
    };
  }
}
