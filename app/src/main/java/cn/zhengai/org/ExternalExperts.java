package cn.zhengai.org;

import cn.zhengai.integration.org.ExpertSector;
import cn.zhengai.integration.org.Organisation.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The external experts' particulars (table {@code external_expert}); the experts themselves are accounts. */
@Repository
public class ExternalExperts {

  private final JdbcTemplate jdbc;

  ExternalExperts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every expert with their name, sector (行企 / 政府 / 用人单位), organisation and field, by sector and account. */
  public List<Expert> findAll() {
    return jdbc.query("SELECT e.*, COALESCE(u.FIRST_, '') || COALESCE(u.LAST_, '') AS name FROM external_expert e"
            + " LEFT JOIN ACT_ID_USER u ON u.ID_ = e.person_id ORDER BY e.sector, e.person_id",
        (rs, n) -> new Expert(rs.getString("person_id"), rs.getString("name"),
            ExpertSector.valueOf(rs.getString("sector")).label(), rs.getString("organisation"), rs.getString("field")));
  }

  /** Keeps exactly the experts of the files; returns what changed. */
  List<String> holdExactly(List<Person> people) {
    Map<String, Person> wanted = new HashMap<>();
    people.stream().filter(person -> person.expert() != null).forEach(person -> wanted.put(person.id(), person));
    List<String> stored = jdbc.queryForList("SELECT person_id FROM external_expert", String.class);
    List<String> changes = new ArrayList<>();
    for (String id : stored) {
      if (!wanted.containsKey(id)) {
        jdbc.update("DELETE FROM external_expert WHERE person_id = ?", id);
        changes.add("校外专家 " + id + " 移除");
      }
    }
    for (Person person : wanted.values()) {
      var expert = person.expert();
      int updated = jdbc.update("UPDATE external_expert SET sector = ?, organisation = ?, field = ? WHERE person_id = ?"
              + " AND (sector <> ? OR organisation <> ? OR field <> ?)", expert.sector().name(), expert.organisation(),
          expert.field(), person.id(), expert.sector().name(), expert.organisation(), expert.field());
      if (!stored.contains(person.id())) {
        jdbc.update("INSERT INTO external_expert (person_id, sector, organisation, field) VALUES (?, ?, ?, ?)", person.id(),
            expert.sector().name(), expert.organisation(), expert.field());
      }
      if (updated > 0 || !stored.contains(person.id())) {
        changes.add("校外专家 " + person.id() + " " + expert.sector().label() + " " + expert.organisation());
      }
    }
    return changes;
  }

  /** An external expert as the API lists them. */
  public record Expert(String id, String name, String sector, String organisation, String field) {}
}
