package cn.zhengai.monitoring;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The targets (目标指标) an indicator serves: their current value is the indicator's reading, so their warning value is
 * the daily monitors' to judge (today's rule), after every load, and the monthly checkpoint leaves them to it.
 */
@Repository
class ServedTargets {

  private final JdbcTemplate jdbc;

  ServedTargets(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The code of the indicator serving each served target, by target code. */
  Map<String, String> indicatorByTarget() {
    Map<String, String> servedBy = new HashMap<>();
    jdbc.query("SELECT it.target_code, i.code FROM indicator_target it JOIN indicator i ON i.id = it.indicator_id",
        rs -> { servedBy.put(rs.getString(1), rs.getString(2)); });
    return servedBy;
  }
}
