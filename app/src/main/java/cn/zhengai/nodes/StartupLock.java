package cn.zhengai.nodes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one PostgreSQL start one after the other: the engine creating or updating its tables,
 * its administrator and the product's startup work ({@code StartupSequence}) would otherwise race, and the engine's
 * table creation fails on the node that comes second. Held from before the engine is built until the startup work is
 * done, as a PostgreSQL session advisory lock on a connection kept for it, so that a node that dies while starting
 * frees it with its connection. The H2 file database is opened by one process only and needs none.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

  /** Any number, the same on every node: the lock's name in {@code pg_locks}. */
  private static final long KEY = 0x5A48454E47414931L;
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** After the engine's configuration, before it creates or updates its tables. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      LOG.info("等待启动锁（同一数据库上的其他节点启动完成后继续）");
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("无法获取启动锁：" + e.getMessage(), e);
    }
  }

  /** Lets the next node start; called once this node's startup work is done. */
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
      }
      LOG.info("启动完成，已释放启动锁");
    } catch (SQLException e) {
      // closing the connection ends the session, and with it the lock
      LOG.warn("释放启动锁时出错（连接关闭后锁自动释放）：{}", e.getMessage());
    } finally {
      held = null;
    }
  }
}
