package cn.zhengai.major;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The items an expert scores a major against: the 专业-level standards of 表7 in force (专业建设标准, 专业教学标准,
 * 专业考核性诊断标准, …), each with an equal share of 100 points, written as the lines the expert fills in.
 */
@Component
class AssessmentItems {

  static final int FULL_MARKS = 100;

  private final JdbcTemplate jdbc;

  AssessmentItems(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<String> names() {
    return jdbc.queryForList("SELECT name FROM quality_standard WHERE standard_level = 'MAJOR' AND status = 'IN_FORCE'"
        + " ORDER BY id", String.class);
  }

  /** One line per item, "专业教学标准（14）：", for the expert to complete with a score. */
  String template() {
    List<String> names = names();
    if (names.isEmpty()) {
      return "综合评价（" + FULL_MARKS + "）：";
    }
    int share = FULL_MARKS / names.size();
    return String.join("\n", names.stream().map(name -> name + "（" + share + "）：").toList());
  }
}
