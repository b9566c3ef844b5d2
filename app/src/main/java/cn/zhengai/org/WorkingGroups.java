package cn.zhengai.org;

import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.security.AppAuthority;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Each teaching unit's 二级学院质量保证工作组 (table {@code qa_working_group}, group {@code qa-wg-<unit>}): the
 * unit's heads, who lead it as the seed has it, and the further members the 工作组 sheet names. It reviews its
 * majors' self-diagnoses and submits their assessment materials. The group always holds exactly those people; every
 * way in (the organisation files, the sheet) saves through here.
 */
@Service
public class WorkingGroups {

  /** Group type as Camunda Admin lists it, the same as the structure file's QA bodies. */
  static final String GROUP_TYPE = "质量保证组织";
  private static final String SELECT = "SELECT w.* FROM qa_working_group w JOIN org_unit u ON u.id = w.unit_id";
  private static final RowMapper<StoredWorkingGroup> ROW = (rs, n) -> new StoredWorkingGroup(rs.getLong("id"),
      rs.getString("unit_id"), split(rs.getString("members")));

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final OrgUnitRepository units;
  private final AppAuthority appAuthority;

  WorkingGroups(JdbcTemplate jdbc, IdentityService identityService, OrgUnitRepository units, AppAuthority appAuthority) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.units = units;
    this.appAuthority = appAuthority;
  }

  /** Every teaching unit's working group as kept, in the file's order of units. */
  public List<StoredWorkingGroup> findAll() {
    return jdbc.query(SELECT + " ORDER BY u.sort_order, u.id", ROW);
  }

  public Optional<StoredWorkingGroup> find(long id) {
    return jdbc.query(SELECT + " WHERE w.id = ?", ROW, id).stream().findFirst();
  }

  public Optional<StoredWorkingGroup> findByUnit(String unitId) {
    return jdbc.query(SELECT + " WHERE w.unit_id = ?", ROW, unitId).stream().findFirst();
  }

  /**
   * Creates ({@code id} null) or changes the teaching unit's working group and brings its group in line; the people
   * must exist. Returns what changed. The caller was authorised by the app (the sheet's rules), so the group changes
   * on the app's authority.
   */
  public List<String> save(Long id, String unitId, List<String> members, String user, Instant at) {
    return appAuthority.run(() -> {
      List<String> changes = new ArrayList<>();
      Optional<StoredWorkingGroup> stored = id == null ? Optional.empty() : find(id);
      if (stored.isEmpty()) {
        jdbc.update("INSERT INTO qa_working_group (unit_id, members, updated_by, updated_at) VALUES (?, ?, ?, ?)",
            unitId, String.join(",", members), user, Timestamp.from(at));
        changes.add("工作组 " + unitId);
      } else if (!stored.get().unitId().equals(unitId) || !stored.get().members().equals(members)) {
        jdbc.update("UPDATE qa_working_group SET unit_id = ?, members = ?, updated_by = ?, updated_at = ? WHERE id = ?",
            unitId, String.join(",", members), user, Timestamp.from(at), id);
        changes.add("工作组 " + unitId);
        if (!stored.get().unitId().equals(unitId)) {
          holdMembers(stored.get().unitId(), changes);
        }
      }
      holdMembers(unitId, changes);
      return changes;
    });
  }

  /** Removes the further members: the working group is its unit's heads again. */
  public void delete(long id) {
    find(id).ifPresent(stored -> appAuthority.run(() -> {
      jdbc.update("DELETE FROM qa_working_group WHERE id = ?", id);
      holdMembers(stored.unitId(), new ArrayList<>());
      return null;
    }));
  }

  /** Brings every teaching unit's working group in line with its heads and kept members; returns what changed. */
  List<String> holdEveryUnitsMembers() {
    List<String> changes = new ArrayList<>();
    units.findAll().stream().filter(unit -> unit.kind() == UnitKind.TEACHING_UNIT)
        .forEach(unit -> holdMembers(unit.id(), changes));
    return changes;
  }

  private void holdMembers(String unitId, List<String> changes) {
    String group = OrgGroups.workingGroupOf(unitId);
    if (identityService.createGroupQuery().groupId(group).count() == 0) {
      String name = units.findById(unitId).map(unit -> unit.name()).orElse(unitId) + "质量保证工作组";
      EngineGroups.save(identityService, group, name, GROUP_TYPE, changes);
    }
    Set<String> wanted = new LinkedHashSet<>();
    identityService.createUserQuery().memberOfGroup(OrgGroups.headsOf(unitId)).list().forEach(head -> wanted.add(head.getId()));
    findByUnit(unitId).ifPresent(stored -> wanted.addAll(stored.members()));
    EngineGroups.holdExactly(identityService, group, wanted, changes);
  }

  private static List<String> split(String people) {
    return people == null || people.isEmpty() ? List.of() : Arrays.asList(people.split(","));
  }

  /** A teaching unit's working group as kept: its further members, by account, besides the unit's heads. */
  public record StoredWorkingGroup(long id, String unitId, List<String> members) {}
}
