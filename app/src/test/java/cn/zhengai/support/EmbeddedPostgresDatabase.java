package cn.zhengai.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server started by the test itself (binaries from Maven, no Docker), one per test JVM, with
 * a fresh database for every caller.
 */
public final class EmbeddedPostgresDatabase {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {}

  /** Creates a new empty database and returns its JDBC URL. */
  public static synchronized String newDatabase() {
    try {
      if (server == null) {
        // the library stops the server in its own shutdown hook
        server = EmbeddedPostgres.builder().start();
      }
      String name = "zhengai_" + DATABASES.incrementAndGet();
      try (Connection connection = server.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("无法启动嵌入式 PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("无法创建测试数据库", e);
    }
  }

  /** Points the application's datasource at a new database. */
  public static void register(DynamicPropertyRegistry registry) {
    String url = newDatabase();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }
}
