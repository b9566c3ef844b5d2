package cn.zhengai.nodes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets work that several app nodes on one database would otherwise do at the same time run on one node at a time:
 * the caller's transaction locks the work's row of {@code node_lock}; another node asking for the same lock waits
 * until that transaction ends (commit, rollback, or the node's death, when the database drops its connection).
 */
@Component
public class NodeLock {

  /** The organisation import on every start. */
  public static final String ORGANISATION_IMPORT = "organisation-import";
  /** The daily deadline scan. */
  public static final String DEADLINE_SCAN = "deadline-scan";
  /** The daily opening of the majors' self-diagnoses and assessments. */
  public static final String MAJOR_ROUNDS = "major-rounds";
  /** The daily opening of the annual quality report's round. */
  public static final String ANNUAL_REPORT_ROUNDS = "annual-report-rounds";

  private final JdbcTemplate jdbc;

  NodeLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits for the lock and keeps it until the current transaction ends. */
  public void holdUntilCommit(String name) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("节点锁 " + name + " 只能在事务中获取");
    }
    if (jdbc.queryForList("SELECT lock_name FROM node_lock WHERE lock_name = ? FOR UPDATE", String.class, name).isEmpty()) {
      throw new IllegalStateException("节点锁 " + name + " 不存在（数据库迁移未完成？）");
    }
  }
}
