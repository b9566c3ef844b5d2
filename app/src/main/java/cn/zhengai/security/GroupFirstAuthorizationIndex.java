package cn.zhengai.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On H2, Camunda's unique constraint on group authorizations ({@value #CONSTRAINT}) leads with the group instead of
 * the authorization's type. The engine checks a caller's groups with {@code TYPE_ = 1 AND GROUP_ID_ IN (…) AND
 * RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = ?}: H2 takes Camunda's (TYPE_, GROUP_ID_, …) index for it but can look up
 * a list of values only on an index's first column, so it read every grant there is, one for each open task and
 * candidate group (a filter's check 50 ms at 50,000 open tasks, once in each Tasklist request). Led by the group, it
 * reads the caller's groups' grants only (5 ms). The same four columns stay unique; PostgreSQL looks the list up on
 * Camunda's index as it is and is left alone. Done once, after the engine has created or updated its tables.
 */
@Component
class GroupFirstAuthorizationIndex extends AbstractProcessEnginePlugin {

  static final String CONSTRAINT = "ACT_UNIQ_AUTH_GROUP";
  static final List<String> GROUP_FIRST = List.of("GROUP_ID_", "TYPE_", "RESOURCE_TYPE_", "RESOURCE_ID_");
  private static final Logger LOG = LoggerFactory.getLogger(GroupFirstAuthorizationIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"h2".equals(configuration.getDatabaseType())) {
      return;
    }
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
    try {
      leadWithTheGroup(configuration.getDataSource(), table);
    } catch (SQLException e) {
      throw new IllegalStateException("无法调整授权表的唯一约束 " + CONSTRAINT + "：" + e.getMessage(), e);
    }
  }

  /** Re-creates the constraint led by the group unless it is already; true when it did. */
  static boolean leadWithTheGroup(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<String> columns = columns(connection);
      if (columns.equals(GROUP_FIRST)) {
        return false;
      }
      if (columns.size() != GROUP_FIRST.size() || !columns.containsAll(GROUP_FIRST)) {
        // not the constraint this was written for (a later Camunda): leave it as it is
        LOG.warn("授权表的唯一约束 {} 的列为 {}，与预期不同，未作调整", CONSTRAINT, columns);
        return false;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + CONSTRAINT);
        statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + CONSTRAINT + " UNIQUE (" + String.join(", ", GROUP_FIRST) + ")");
      }
      LOG.info("授权表的唯一约束 {} 已改为以用户组开头，按用户组检查授权时不再读取全部授权", CONSTRAINT);
      return true;
    }
  }

  /** The constraint's columns in their order (none if there is no such constraint). */
  static List<String> columns(Connection connection) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT C.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS T"
        + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C ON C.INDEX_SCHEMA = T.INDEX_SCHEMA AND C.INDEX_NAME = T.INDEX_NAME"
        + " WHERE T.CONSTRAINT_SCHEMA = SCHEMA() AND T.CONSTRAINT_NAME = ? ORDER BY C.ORDINAL_POSITION")) {
      query.setString(1, CONSTRAINT);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1));
        }
      }
    }
    return columns;
  }
}
