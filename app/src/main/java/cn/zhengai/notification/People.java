package cn.zhengai.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The people messages go to, as the directory (Camunda's users and groups) holds them, with their e-mail address. */
@Component
class People {

  private static final RowMapper<Person> PERSON = (rs, n) -> new Person(rs.getString("ID_"),
      Objects.toString(rs.getString("FIRST_"), "") + Objects.toString(rs.getString("LAST_"), ""), emailOf(rs.getString("EMAIL_")));

  private final NamedParameterJdbcTemplate jdbc;

  People(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Person> find(String userId) {
    return jdbc.query("SELECT ID_, FIRST_, LAST_, EMAIL_ FROM ACT_ID_USER WHERE ID_ = :id", Map.of("id", userId), PERSON)
        .stream().findFirst();
  }

  /** Each member of the groups, once, with the groups of these they belong to. */
  Map<Person, List<String>> membersOf(Collection<String> groupIds) {
    Map<Person, List<String>> members = new LinkedHashMap<>();
    if (groupIds.isEmpty()) {
      return members;
    }
    jdbc.query("SELECT u.ID_, u.FIRST_, u.LAST_, u.EMAIL_, m.GROUP_ID_ FROM ACT_ID_MEMBERSHIP m JOIN ACT_ID_USER u"
        + " ON u.ID_ = m.USER_ID_ WHERE m.GROUP_ID_ IN (:groups) ORDER BY u.ID_", Map.of("groups", groupIds), rs -> {
          members.computeIfAbsent(PERSON.mapRow(rs, 0), person -> new java.util.ArrayList<>()).add(rs.getString("GROUP_ID_"));
        });
    return members;
  }

  private static String emailOf(String email) {
    return email == null || email.isBlank() ? null : email.strip();
  }

  /** A person; {@code email} null when they have none. */
  record Person(String id, String name, String email) {}
}
