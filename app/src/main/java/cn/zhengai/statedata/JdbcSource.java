package cn.zhengai.statedata;

import cn.zhengai.statedata.DataSources.Settings;
import cn.zhengai.statedata.ReadingLoader.Offered;
import cn.zhengai.statedata.ReadingLoader.Place;
import cn.zhengai.statedata.SourceRunner.SourceFailure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A query against a college system (e.g. the teaching-administration database) through a read-only account: the
 * connection is read-only and its transaction rolled back, whatever the query. The query answers one reading per row
 * in columns named indicator, subject, period and value (or 指标, 对象, 周期, 数值).
 */
final class JdbcSource {

  static final int QUERY_TIMEOUT_SECONDS = 300;
  private static final String RESULT = "查询结果";
  private static final Map<String, String> ALIASES = Map.of("指标", "indicator", "对象", "subject", "周期", "period", "数值", "value");

  private JdbcSource() {}

  static List<Offered> read(Settings settings) {
    try (Connection connection = DriverManager.getConnection(settings.url(), settings.username(), settings.password())) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        statement.setFetchSize(1000);
        try (ResultSet rs = statement.executeQuery(settings.query())) {
          Map<String, Integer> columns = columns(rs.getMetaData());
          List<Offered> offered = new ArrayList<>();
          for (int row = 1; rs.next(); row++) {
            offered.add(new Offered(new Place(RESULT, row, "indicator", "subject", "period", "value"),
                text(rs, columns.get("indicator")), text(rs, columns.get("subject")), text(rs, columns.get("period")),
                text(rs, columns.get("value"))));
          }
          return offered;
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new SourceFailure("查询数据库失败（" + settings.url() + "）：" + e.getMessage(), e);
    }
  }

  private static Map<String, Integer> columns(ResultSetMetaData meta) throws SQLException {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String label = meta.getColumnLabel(i).strip();
      columns.put(ALIASES.getOrDefault(label, label.toLowerCase(Locale.ROOT)), i);
    }
    List<String> missing = new ArrayList<>();
    for (String wanted : List.of("indicator", "subject", "period", "value")) {
      if (!columns.containsKey(wanted)) {
        missing.add(wanted);
      }
    }
    if (!missing.isEmpty()) {
      throw new SourceFailure("查询结果缺少列 " + String.join("、", missing) + "：查询应返回 indicator（指标编号）、subject（对象）、"
          + "period（周期）和 value（数值）四列", null);
    }
    return columns;
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value == null ? "" : value.toString();
  }
}
