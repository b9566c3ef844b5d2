package cn.zhengai;

import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/** Writes of many rows (an import, a source's readings) in JDBC batches: one round trip a batch, not one a row. */
public final class JdbcBatches {

  /** Rows a batch sends at once. */
  public static final int SIZE = 1000;

  private JdbcBatches() {}

  /** Runs {@code sql} once for each row, each row's parameters made only as its batch is sent. */
  public static <T> void write(JdbcTemplate jdbc, String sql, List<T> rows, Function<T, Object[]> parameters) {
    jdbc.batchUpdate(sql, rows, SIZE, (statement, row) -> {
      Object[] values = parameters.apply(row);
      for (int i = 0; i < values.length; i++) {
        StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
      }
    });
  }
}
