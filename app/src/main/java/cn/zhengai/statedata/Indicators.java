package cn.zhengai.statedata;

import cn.zhengai.spiral.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The indicators as the loaders and formulas need them, read once per run. */
@Component
class Indicators {

  private final JdbcTemplate jdbc;

  Indicators(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Definition> byCode() {
    Map<String, Definition> byCode = new LinkedHashMap<>();
    jdbc.query("SELECT id, code, name, level, formula FROM indicator ORDER BY id", rs -> {
      String formula = rs.getString("formula");
      byCode.put(rs.getString("code"), new Definition(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
          Level.valueOf(rs.getString("level")), formula == null ? null : Formula.parse(formula)));
    });
    return byCode;
  }

  /** One indicator: a measured one has no formula. */
  record Definition(long id, String code, String name, Level level, Formula formula) {

    boolean derived() {
      return formula != null;
    }

    String label() {
      return "「" + name + "」（" + code + "）";
    }
  }
}
