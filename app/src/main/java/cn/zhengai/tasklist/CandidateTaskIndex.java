package cn.zhengai.tasklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The open tasks each group is a candidate of and may read, kept by the database beside the engine's tables, so that
 * 本单位待办 is counted and paged from the caller's groups' rows alone instead of looking up each of their tasks,
 * its candidate links and its grants (about 1,700 of each for one unit's head at 50,000 open tasks).
 * <ul>
 *   <li>{@value #ENTRIES}: one row per candidate group of a task (started from a process) that holds a READ grant on
 *       the task, with the task's columns a filter selects and sorts on, named as in {@code ACT_RU_TASK};</li>
 *   <li>{@value #WITHOUT_GRANT}: a candidate group of a task that holds no READ grant on it. Whoever is in such a
 *       group may still read the task through another grant (their own, another group's, everyone's), which only
 *       the full query weighs: where the caller's groups have rows here, {@link FilterPages} does not use the index.</li>
 * </ul>
 * Triggers on the engine's task, candidate-link and authorization tables keep both tables in the same transaction as
 * the change (whoever makes it: the engine, Admin, a script), recomputing one group and task at a time from the
 * engine's tables with {@link #REFRESH}, the task's row locked so that two transactions cannot each miss the other's
 * change. PL/pgSQL functions on PostgreSQL, {@link CandidateTaskTrigger} on H2, the same statements in both. Installed
 * after the engine has created or updated its tables; the first time, the tables are filled from the engine's with the
 * same statements (on PostgreSQL with the engine's tables locked against writes from other nodes meanwhile).
 */
@Component
class CandidateTaskIndex extends AbstractProcessEnginePlugin {

  static final String ENTRIES = "CANDIDATE_TASK";
  static final String WITHOUT_GRANT = "CANDIDATE_TASK_WITHOUT_GRANT";
  /** The triggers, by the engine table each is on (a task's rows come with its links, and go with it). */
  static final List<Watched> TRIGGERS = List.of(new Watched("ACT_RU_TASK", "CANDIDATE_TASK_ON_TASK", List.of("UPDATE", "DELETE")),
      new Watched("ACT_RU_IDENTITYLINK", "CANDIDATE_TASK_ON_LINK", List.of("INSERT", "UPDATE", "DELETE")),
      new Watched("ACT_RU_AUTHORIZATION", "CANDIDATE_TASK_ON_GRANT", List.of("INSERT", "UPDATE", "DELETE")));
  static final int TASK_RESOURCE = Resources.TASK.resourceType();
  private static final Logger LOG = LoggerFactory.getLogger(CandidateTaskIndex.class);

  private static final List<String> TABLES = List.of(
      "CREATE TABLE IF NOT EXISTS " + ENTRIES + " (GROUP_ID_ VARCHAR(255) NOT NULL, ID_ VARCHAR(64) NOT NULL,"
          // the engine's own type for the task's creation (a copy, compared and sorted only)
          + " CREATE_TIME_ TIMESTAMP, TENANT_ID_ VARCHAR(64), SUSPENSION_STATE_ INTEGER, PRIMARY KEY (GROUP_ID_, ID_))",
      "CREATE INDEX IF NOT EXISTS " + ENTRIES + "_BY_TASK ON " + ENTRIES + " (ID_)",
      "CREATE INDEX IF NOT EXISTS " + ENTRIES + "_NEWEST ON " + ENTRIES + " (GROUP_ID_, SUSPENSION_STATE_, CREATE_TIME_, ID_)",
      "CREATE TABLE IF NOT EXISTS " + WITHOUT_GRANT + " (GROUP_ID_ VARCHAR(255) NOT NULL, TASK_ID_ VARCHAR(64) NOT NULL,"
          + " PRIMARY KEY (GROUP_ID_, TASK_ID_))",
      "CREATE INDEX IF NOT EXISTS " + WITHOUT_GRANT + "_BY_TASK ON " + WITHOUT_GRANT + " (TASK_ID_)");

  /** The group of link {@code I} holds a READ grant on its task. */
  private static final String GRANTED = "EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = " + Authorization.AUTH_TYPE_GRANT
      + " AND A.GROUP_ID_ = I.GROUP_ID_ AND A.RESOURCE_TYPE_ = " + TASK_RESOURCE + " AND A.RESOURCE_ID_ = I.TASK_ID_"
      + " AND MOD(A.PERMS_ / " + Permissions.READ.getValue() + ", 2) = 1)";
  private static final String CANDIDATE_GROUP_LINK = "I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL AND I.TASK_ID_ IS NOT NULL";
  /** What {@value #ENTRIES} holds, from the engine's tables. */
  static final String ENTRY_ROWS = "SELECT DISTINCT I.GROUP_ID_, T.ID_, T.CREATE_TIME_, T.TENANT_ID_, T.SUSPENSION_STATE_"
      + " FROM ACT_RU_IDENTITYLINK I JOIN ACT_RU_TASK T ON T.ID_ = I.TASK_ID_ WHERE " + CANDIDATE_GROUP_LINK
      + " AND T.PROC_DEF_ID_ IS NOT NULL AND " + GRANTED;
  /** What {@value #WITHOUT_GRANT} holds, from the engine's tables. */
  static final String WITHOUT_GRANT_ROWS = "SELECT DISTINCT I.GROUP_ID_, I.TASK_ID_ FROM ACT_RU_IDENTITYLINK I WHERE "
      + CANDIDATE_GROUP_LINK + " AND NOT " + GRANTED;
  private static final String FILL_ENTRIES = "INSERT INTO " + ENTRIES + " (GROUP_ID_, ID_, CREATE_TIME_, TENANT_ID_, SUSPENSION_STATE_) "
      + ENTRY_ROWS;
  private static final String FILL_WITHOUT_GRANT = "INSERT INTO " + WITHOUT_GRANT + " (GROUP_ID_, TASK_ID_) " + WITHOUT_GRANT_ROWS;
  private static final String ONE_PAIR = " AND I.GROUP_ID_ = :group AND I.TASK_ID_ = :task";

  /** Recomputes group {@code :group}'s rows for task {@code :task}, after the task's row is locked. */
  static final List<String> REFRESH = List.of(
      "DELETE FROM " + ENTRIES + " WHERE GROUP_ID_ = :group AND ID_ = :task",
      "DELETE FROM " + WITHOUT_GRANT + " WHERE GROUP_ID_ = :group AND TASK_ID_ = :task",
      FILL_ENTRIES + ONE_PAIR,
      FILL_WITHOUT_GRANT + ONE_PAIR);
  /** A task's columns changed: its rows follow ({@code :task}, {@code :created}, {@code :tenant}, {@code :state}). */
  static final String TASK_CHANGED = "UPDATE " + ENTRIES + " SET CREATE_TIME_ = :created, TENANT_ID_ = :tenant,"
      + " SUSPENSION_STATE_ = :state WHERE ID_ = :task";
  /** A task ended: its rows go. */
  static final List<String> TASK_GONE = List.of("DELETE FROM " + ENTRIES + " WHERE ID_ = :task",
      "DELETE FROM " + WITHOUT_GRANT + " WHERE TASK_ID_ = :task");

  private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

  private volatile boolean ready;

  /** Whether the index is installed and kept: until then every filter is answered without it. */
  boolean ready() {
    return ready;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String databaseType = configuration.getDatabaseType();
    String prefix = configuration.getDatabaseTablePrefix();
    if (!List.of("h2", "postgres").contains(databaseType) || prefix != null && !prefix.isEmpty()) {
      // the statements name the engine's tables as they are on H2 and PostgreSQL
      LOG.warn("数据库类型 {}、表名前缀 “{}”：未安装本单位待办的候选任务索引，按完整查询作答", databaseType, prefix);
      return;
    }
    try {
      install(configuration.getDataSource(), "postgres".equals(databaseType));
    } catch (SQLException e) {
      throw new IllegalStateException("无法安装本单位待办的候选任务索引：" + e.getMessage(), e);
    }
    ready = true;
  }

  private static void install(DataSource dataSource, boolean postgres) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        for (String table : TABLES) {
          statement.execute(table);
        }
        if (postgres) {
          for (String function : PostgresTriggers.FUNCTIONS) {
            statement.execute(function);
          }
        }
        // a new database, or the first start of this release: fill the index (nodes start one after the other)
        if (triggers(connection) < TRIGGERS.size()) {
          if (postgres) {
            // running nodes write no task, link or grant until the tables are filled and the triggers in place
            statement.execute("LOCK TABLE " + String.join(", ", TRIGGERS.stream().map(Watched::table).toList())
                + " IN SHARE ROW EXCLUSIVE MODE");
          }
          for (Watched trigger : TRIGGERS) {
            statement.execute("DROP TRIGGER IF EXISTS " + trigger.name() + (postgres ? " ON " + trigger.table() : ""));
          }
          statement.execute("DELETE FROM " + ENTRIES);
          statement.execute("DELETE FROM " + WITHOUT_GRANT);
          int entries = statement.executeUpdate(FILL_ENTRIES);
          int withoutGrant = statement.executeUpdate(FILL_WITHOUT_GRANT);
          for (Watched trigger : TRIGGERS) {
            statement.execute(postgres ? PostgresTriggers.create(trigger)
                : "CREATE TRIGGER " + trigger.name() + " AFTER " + String.join(", ", trigger.events()) + " ON " + trigger.table()
                    + " FOR EACH ROW CALL '" + CandidateTaskTrigger.class.getName() + "'");
          }
          LOG.info("已建立本单位待办的候选任务索引：{} 条候选组可读的任务，{} 条候选组无读权限的任务", entries, withoutGrant);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** How many of the index's triggers the current schema has. */
  private static int triggers(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(DISTINCT UPPER(TRIGGER_NAME))"
        + " FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = CURRENT_SCHEMA AND UPPER(TRIGGER_NAME) IN ("
        + String.join(", ", TRIGGERS.stream().map(trigger -> "'" + trigger.name() + "'").toList()) + ")");
        ResultSet count = query.executeQuery()) {
      count.next();
      return count.getInt(1);
    }
  }

  /** A trigger of the index: its engine table, its name, the changes it follows. */
  record Watched(String table, String name, List<String> events) {}

  /** {@code sql} with its {@code :name} parameters as {@code ?}, and their names in order. */
  record Positional(String sql, List<String> names) {

    static Positional of(String sql) {
      List<String> names = new ArrayList<>();
      Matcher parameter = PARAMETER.matcher(sql);
      StringBuilder positional = new StringBuilder();
      while (parameter.find()) {
        names.add(parameter.group(1));
        parameter.appendReplacement(positional, "?");
      }
      parameter.appendTail(positional);
      return new Positional(positional.toString(), List.copyOf(names));
    }
  }

  /** {@code sql} with its {@code :name} parameters replaced by the expressions {@code values} gives them. */
  static String substituted(String sql, Map<String, String> values) {
    Matcher parameter = PARAMETER.matcher(sql);
    StringBuilder result = new StringBuilder();
    while (parameter.find()) {
      String value = values.get(parameter.group(1));
      if (value == null) {
        throw new IllegalArgumentException("参数 :" + parameter.group(1) + " 没有取值");
      }
      parameter.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    parameter.appendTail(result);
    return result.toString();
  }
}
