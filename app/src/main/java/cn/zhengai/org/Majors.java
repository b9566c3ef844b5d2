package cn.zhengai.org;

import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.security.AppAuthority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The college's majors (table {@code major}) and their groups in Camunda's identity: {@code major-<code>} (the
 * major), {@code major-leaders-<code>} (its leaders and chief teachers) and {@code major-qa-<code>} (its QA group).
 * The leaders' and QA groups always hold exactly the people the major names. Every way in (the organisation file,
 * the 专业 sheet, the API) saves through here.
 */
@Service
public class Majors {

  /** Group types as Camunda Admin lists them. */
  static final String MAJOR_GROUP_TYPE = "专业";
  static final String LEADERS_GROUP_TYPE = "专业负责人";
  static final String QA_GROUP_TYPE = "专业质量保证小组";
  private static final List<String> GROUP_TYPES = List.of(MAJOR_GROUP_TYPE, LEADERS_GROUP_TYPE, QA_GROUP_TYPE);
  private static final String SELECT = "SELECT m.* FROM major m JOIN org_unit u ON u.id = m.unit_id";
  private static final RowMapper<StoredMajor> ROW = (rs, n) -> new StoredMajor(rs.getLong("id"), major(rs));

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final AppAuthority appAuthority;

  Majors(JdbcTemplate jdbc, IdentityService identityService, AppAuthority appAuthority) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.appAuthority = appAuthority;
  }

  /** Every major, by teaching unit (in the file's order of units) and code. */
  public List<StoredMajor> findAll() {
    return jdbc.query(SELECT + " ORDER BY u.sort_order, m.code", ROW);
  }

  public Optional<StoredMajor> find(long id) {
    return jdbc.query(SELECT + " WHERE m.id = ?", ROW, id).stream().findFirst();
  }

  public Optional<StoredMajor> findByCode(String code) {
    return jdbc.query(SELECT + " WHERE m.code = ?", ROW, code).stream().findFirst();
  }

  /**
   * Creates the major ({@code id} null) or changes the stored one, and brings its groups in line; the people it
   * names must exist. Returns what changed, empty when nothing did. The caller was authorised by the app (the 专业
   * sheet's rules), so the groups change on the app's authority, not the caller's engine authorizations.
   */
  public List<String> save(Long id, Major major, String user, Instant at) {
    return appAuthority.run(() -> saveMajor(id, major, user, at));
  }

  private List<String> saveMajor(Long id, Major major, String user, Instant at) {
    List<String> changes = new ArrayList<>();
    Optional<StoredMajor> stored = id == null ? Optional.empty() : find(id);
    if (stored.isEmpty()) {
      jdbc.update("INSERT INTO major (code, name, unit_id, leaders, chief_teachers, qa_members, first_year,"
              + " first_graduation_year, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          major.code(), major.name(), major.unit(), joined(major.leaders()), joined(major.chiefTeachers()),
          joined(major.qaMembers()), major.firstYear(), major.firstGraduationYear(), user, Timestamp.from(at));
      changes.add("专业 " + major.code() + " " + major.name());
    } else if (!stored.get().major().equals(major)) {
      jdbc.update("UPDATE major SET code = ?, name = ?, unit_id = ?, leaders = ?, chief_teachers = ?, qa_members = ?,"
              + " first_year = ?, first_graduation_year = ?, updated_by = ?, updated_at = ? WHERE id = ?",
          major.code(), major.name(), major.unit(), joined(major.leaders()), joined(major.chiefTeachers()),
          joined(major.qaMembers()), major.firstYear(), major.firstGraduationYear(), user, Timestamp.from(at), id);
      changes.add("专业 " + major.code() + " " + major.name());
      String before = stored.get().major().code();
      if (!before.equals(major.code())) {
        deleteGroups(before, changes);
      }
    }
    saveGroups(major, changes);
    return changes;
  }

  /** Removes the major and its groups. */
  public void delete(long id) {
    find(id).ifPresent(stored -> appAuthority.run(() -> {
      jdbc.update("DELETE FROM major WHERE id = ?", id);
      deleteGroups(stored.major().code(), new ArrayList<>());
      return null;
    }));
  }

  /** Removes the groups of majors no longer kept (those of an earlier release too); returns what it removed. */
  List<String> removeGroupsOfFormerMajors() {
    Set<String> kept = new HashSet<>();
    for (StoredMajor stored : findAll()) {
      String code = stored.major().code();
      kept.addAll(List.of(OrgGroups.majorOf(code), OrgGroups.majorLeadersOf(code), OrgGroups.majorQaGroupOf(code)));
    }
    List<String> changes = new ArrayList<>();
    for (String type : GROUP_TYPES) {
      for (Group group : identityService.createGroupQuery().groupType(type).list()) {
        if (!kept.contains(group.getId())) {
          identityService.deleteGroup(group.getId());
          changes.add("删除组 " + group.getId() + " " + group.getName());
        }
      }
    }
    return changes;
  }

  private void saveGroups(Major major, List<String> changes) {
    String code = major.code();
    saveGroup(OrgGroups.majorOf(code), major.name(), MAJOR_GROUP_TYPE, changes);
    saveGroup(OrgGroups.majorLeadersOf(code), major.name() + "专业负责人", LEADERS_GROUP_TYPE, changes);
    saveGroup(OrgGroups.majorQaGroupOf(code), major.name() + "专业质量保证小组", QA_GROUP_TYPE, changes);
    holdExactly(OrgGroups.majorLeadersOf(code), major.leaderGroupMembers(), changes);
    holdExactly(OrgGroups.majorQaGroupOf(code), major.qaGroupMembers(), changes);
  }

  private void saveGroup(String id, String name, String type, List<String> changes) {
    EngineGroups.save(identityService, id, name, type, changes);
  }

  private void holdExactly(String group, Set<String> wanted, List<String> changes) {
    EngineGroups.holdExactly(identityService, group, wanted, changes);
  }

  private void deleteGroups(String code, List<String> changes) {
    for (String group : List.of(OrgGroups.majorOf(code), OrgGroups.majorLeadersOf(code), OrgGroups.majorQaGroupOf(code))) {
      if (identityService.createGroupQuery().groupId(group).count() > 0) {
        identityService.deleteGroup(group);
        changes.add("删除组 " + group);
      }
    }
  }

  /**
   * Every account with its name as Chinese write it (姓 in firstName, 名 in lastName), for naming a major's people
   * to anyone who reads the majors, also to those who may not list the staff directory in the engine.
   */
  public List<Person> people() {
    return appAuthority.run(() -> identityService.createUserQuery().list().stream()
        .map(user -> new Person(user.getId(), Objects.toString(user.getFirstName(), "") + Objects.toString(user.getLastName(), "")))
        .toList());
  }

  private static Major major(ResultSet rs) throws SQLException {
    return new Major(rs.getString("code"), rs.getString("name"), rs.getString("unit_id"), split(rs.getString("leaders")),
        split(rs.getString("chief_teachers")), split(rs.getString("qa_members")), rs.getInt("first_year"),
        rs.getInt("first_graduation_year"));
  }

  private static String joined(List<String> people) {
    return String.join(",", people);
  }

  private static List<String> split(String people) {
    return people == null || people.isEmpty() ? List.of() : Arrays.asList(people.split(","));
  }

  /** A major as kept, with the id of its row. */
  public record StoredMajor(long id, Major major) {}

  /** An account and its full name. */
  public record Person(String id, String name) {}
}
