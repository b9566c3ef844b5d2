package cn.zhengai.statedata;

import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Subject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The subjects readings are about, as sources write them: 全校 (the school as a whole), a unit by its name or id, a
 * major by its 专业代码 or name.
 */
@Component
class Subjects {

  /** The school as a whole. */
  static final Subject WHOLE_SCHOOL = Subject.unit("school");
  static final String WHOLE_SCHOOL_NAME = "全校";

  private final OrgUnitRepository units;
  private final JdbcTemplate jdbc;

  Subjects(OrgUnitRepository units, JdbcTemplate jdbc) {
    this.units = units;
    this.jdbc = jdbc;
  }

  /** The organisation as it stands now, for resolving many rows of one run. */
  Directory directory() {
    Map<String, Subject> byName = new HashMap<>();
    Map<Subject, String> names = new HashMap<>();
    byName.put(WHOLE_SCHOOL_NAME, WHOLE_SCHOOL);
    byName.put("学校", WHOLE_SCHOOL);
    byName.put(WHOLE_SCHOOL.id(), WHOLE_SCHOOL);
    names.put(WHOLE_SCHOOL, WHOLE_SCHOOL_NAME);
    for (OrgUnit unit : units.findAll()) {
      Subject subject = Subject.unit(unit.id());
      byName.put(unit.id(), subject);
      byName.put(unit.name(), subject);
      names.put(subject, unit.name());
    }
    jdbc.query("SELECT code, name FROM major", rs -> {
      Subject subject = Subject.major(rs.getString("code"));
      byName.put(rs.getString("code"), subject);
      byName.putIfAbsent(rs.getString("name"), subject);
      names.put(subject, rs.getString("name"));
    });
    return new Directory(byName, names);
  }

  record Directory(Map<String, Subject> byName, Map<Subject, String> names) {

    Optional<Subject> resolve(String text) {
      return Optional.ofNullable(byName.get(text == null ? "" : text.strip()));
    }

    String name(Subject subject) {
      return names.getOrDefault(subject, subject.id());
    }

    /** Whether an indicator of a level can be read for the subject: the school and its units at 学校, majors at 专业. */
    static boolean fits(Level level, Subject subject) {
      return subject.level() == level;
    }
  }
}
