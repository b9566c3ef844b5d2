package cn.zhengai.benchmark;

import cn.zhengai.support.EmbeddedPostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The databases a benchmark runs on: the embedded default as the product runs it (H2 in a file, its pages cached in
 * the heap, never the whole database) and a real PostgreSQL server.
 */
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
      case H2 -> List.of("spring.datasource.url=jdbc:h2:file:" + newH2File(name) + ";DB_CLOSE_ON_EXIT=FALSE");
      case POSTGRES -> List.of("spring.datasource.url=" + EmbeddedPostgresDatabase.newDatabase(),
          "spring.datasource.username=postgres", "spring.datasource.password=");
    };
  }

  /** A path for a new H2 database under app/target/benchmarks/h2, what an earlier run left there removed. */
  private static Path newH2File(String name) {
    Path folder = Path.of("target", "benchmarks", "h2").toAbsolutePath();
    try {
      Files.createDirectories(folder);
      try (Stream<Path> earlier = Files.list(folder)) {
        for (Path file : earlier.filter(file -> file.getFileName().toString().startsWith(name + ".")).toList()) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder.resolve(name);
  }
}
