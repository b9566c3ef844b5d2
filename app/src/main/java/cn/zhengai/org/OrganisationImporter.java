package cn.zhengai.org;

import cn.zhengai.integration.org.Organisation;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.integration.org.Organisation.Person;
import cn.zhengai.integration.org.Organisation.Unit;
import cn.zhengai.integration.org.OrganisationFileReader;
import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.nodes.NodeLock;
import cn.zhengai.security.Access;
import cn.zhengai.tasklist.TasklistFilters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings Camunda's identity, the {@code org_unit} table, the authorizations and the Tasklist filters in line with
 * the organisation files. Idempotent: a second run over the same files changes nothing; a run over changed files
 * applies the changes. The files are checked whole first, so a broken file changes nothing. Majors are kept in the
 * 专业 sheet after the first start: a start adds the files' majors not kept yet and leaves the others as the sheet
 * made them; only an explicit re-import brings them back to the files. The teaching units' working groups are kept
 * the same way in the 工作组 sheet ({@link WorkingGroups}), seeded from the people file's {@code memberOf}.
 */
@Service
public class OrganisationImporter {

  /** Group types as Camunda Admin lists them; a unit's group has its kind's label (职能部门, 教学单位 …). */
  static final String HEAD_GROUP_TYPE = "单位负责人";
  static final String ROLE_GROUP_TYPE = "角色";
  static final String SYSTEM_GROUP_TYPE = "系统";
  /** The administrators' group the Camunda starter creates as "camunda BPM Administrators". */
  static final String ADMIN_GROUP_NAME = "系统管理员";
  private static final Logger LOG = LoggerFactory.getLogger(OrganisationImporter.class);
  /** Who changed a major, when the organisation file did. */
  static final String FILE_EDITOR = "组织数据文件";

  private final OrganisationProperties properties;
  private final DemoProperties demo;
  private final ResourceLoader resources;
  private final IdentityService identityService;
  private final OrgUnitRepository units;
  private final AccessGrants accessGrants;
  private final TasklistFilters tasklistFilters;
  private final NodeLock nodeLock;
  private final Majors majors;
  private final ExternalExperts experts;
  private final WorkingGroups workingGroups;
  private final Clock clock;

  OrganisationImporter(OrganisationProperties properties, DemoProperties demo, ResourceLoader resources,
      IdentityService identityService, OrgUnitRepository units, AccessGrants accessGrants,
      TasklistFilters tasklistFilters, NodeLock nodeLock, Majors majors, ExternalExperts experts,
      WorkingGroups workingGroups, Clock clock) {
    this.properties = properties;
    this.demo = demo;
    this.resources = resources;
    this.identityService = identityService;
    this.units = units;
    this.accessGrants = accessGrants;
    this.tasklistFilters = tasklistFilters;
    this.nodeLock = nodeLock;
    this.majors = majors;
    this.experts = experts;
    this.workingGroups = workingGroups;
    this.clock = clock;
  }

  /** Re-imports the files named in the configuration: everything, majors included, is brought back to the files. */
  @Transactional
  public ImportReport importConfigured() {
    return importFiles(true);
  }

  /**
   * Imports the files at start: as {@link #importConfigured()}, except that majors already kept stay as they are.
   * Nodes starting together import one after the other: the next finds the work done and changes nothing.
   */
  @Transactional
  public ImportReport importAtStart() {
    return importFiles(false);
  }

  private ImportReport importFiles(boolean fromFiles) {
    Organisation organisation = read();
    nodeLock.holdUntilCommit(NodeLock.ORGANISATION_IMPORT);
    List<String> changes = new ArrayList<>();
    organisation.units().forEach(unit -> saveUnit(unit, changes));
    organisation.roles().forEach(role -> saveGroup(role.id(), role.name(), ROLE_GROUP_TYPE, changes));
    saveGroup(Access.ADMIN_GROUP, ADMIN_GROUP_NAME, SYSTEM_GROUP_TYPE, changes);
    // memberships in groups the files do not own (e.g. camunda-admin) are left alone
    Set<String> managedGroups = organisation.groupIds();
    splitWholeNames(changes);
    organisation.people().forEach(person -> saveUser(person, changes));
    Instant now = Instant.now(clock);
    for (Major major : organisation.majors()) {
      Long stored = majors.findByCode(major.code()).map(Majors.StoredMajor::id).orElse(null);
      if (stored == null || fromFiles) {
        changes.addAll(majors.save(stored, major, FILE_EDITOR, now));
      }
    }
    changes.addAll(majors.removeGroupsOfFormerMajors());
    Set<String> keptInSheets = organisation.workingGroupIds();
    organisation.people().forEach(person -> saveMemberships(person, managedGroups, keptInSheets, changes));
    for (Unit unit : organisation.units()) {
      if (unit.kind() == UnitKind.TEACHING_UNIT) {
        Long stored = workingGroups.findByUnit(unit.id()).map(WorkingGroups.StoredWorkingGroup::id).orElse(null);
        if (stored == null || fromFiles) {
          changes.addAll(workingGroups.save(stored, unit.id(), organisation.workingGroupMembersOf(unit.id()), FILE_EDITOR, now));
        }
      }
    }
    // a unit's new head joins its working group, a former head leaves it
    changes.addAll(workingGroups.holdEveryUnitsMembers());
    changes.addAll(experts.holdExactly(organisation.people()));
    changes.addAll(accessGrants.apply(organisation));
    changes.addAll(tasklistFilters.ensure());
    LOG.info("组织数据导入完成：{} 个单位，{} 个角色，{} 个专业，{} 人，{} 处变更", organisation.units().size(),
        organisation.roles().size(), organisation.majors().size(), organisation.people().size(), changes.size());
    return new ImportReport(organisation.units().size(), organisation.people().size(), changes);
  }

  private Organisation read() {
    boolean withPeople = demo.enabled() && properties.demoPeople() != null && !properties.demoPeople().isBlank();
    Resource structure = resources.getResource(properties.structure());
    Resource people = withPeople ? resources.getResource(properties.demoPeople()) : null;
    try (InputStream structureIn = structure.getInputStream();
        InputStream peopleIn = people == null ? null : people.getInputStream()) {
      return OrganisationFileReader.read(structure.getFilename(), structureIn, people == null ? null : people.getFilename(), peopleIn);
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取组织数据文件 " + properties.structure(), e);
    }
  }

  private void saveUnit(Unit unit, List<String> changes) {
    if (units.save(unit)) {
      changes.add("单位 " + unit.id() + " " + unit.name());
    }
    saveGroup(unit.id(), unit.name(), unit.kind().label(), changes);
    if (unit.hasHeads()) {
      saveGroup(OrgGroups.headsOf(unit.id()), unit.name() + "负责人", HEAD_GROUP_TYPE, changes);
    }
  }

  private void saveGroup(String id, String name, String type, List<String> changes) {
    EngineGroups.save(identityService, id, name, type, changes);
  }

  private void saveUser(Person person, List<String> changes) {
    User user = identityService.createUserQuery().userId(person.id()).singleResult();
    if (user == null) {
      user = identityService.newUser(person.id());
      user.setPassword(demo.password());
    } else if (EngineUserNames.holds(user, person.name()) && !changesEmail(user, person)) {
      user = null;
    }
    if (user != null) {
      EngineUserNames.store(user, person.name());
      // a file without an address leaves the one the person entered in their profile
      if (person.email() != null) {
        user.setEmail(person.email());
      }
      identityService.saveUser(user);
      changes.add("用户 " + person.id() + " " + person.name().fullName() + (person.email() == null ? "" : " " + person.email()));
    }
  }

  /** The person's groups as the people file says, except those a sheet keeps ({@code keptInSheets}). */
  private void saveMemberships(Person person, Set<String> managedGroups, Set<String> keptInSheets, List<String> changes) {
    Set<String> current = new HashSet<>();
    identityService.createGroupQuery().groupMember(person.id()).list().forEach(group -> current.add(group.getId()));
    Set<String> wanted = new LinkedHashSet<>(person.groupIds());
    wanted.removeAll(keptInSheets);
    for (String group : wanted) {
      if (!current.contains(group)) {
        identityService.createMembership(person.id(), group);
        changes.add("成员 " + person.id() + " → " + group);
      }
    }
    for (String group : current) {
      if (managedGroups.contains(group) && !wanted.contains(group)) {
        identityService.deleteMembership(person.id(), group);
        changes.add("移出 " + person.id() + " ← " + group);
      }
    }
  }

  private static boolean changesEmail(User user, Person person) {
    return person.email() != null && !person.email().equals(user.getEmail());
  }

  /**
   * Earlier releases kept each whole name in 名 and left 姓 empty, so nobody could save a profile: every account
   * (also those the files do not list) gets its name split into 姓 and 名. A name that cannot be split with
   * certainty is left for an administrator to correct in Admin.
   */
  private void splitWholeNames(List<String> changes) {
    for (User user : identityService.createUserQuery().list()) {
      if (!EngineUserNames.hasWholeNameOnly(user)) {
        continue;
      }
      EngineUserNames.splitWholeName(user).ifPresentOrElse(name -> {
        EngineUserNames.store(user, name);
        identityService.saveUser(user);
        changes.add("用户 " + user.getId() + " 姓名拆分为 姓 " + name.familyName() + "、名 " + name.givenName());
      }, () -> LOG.warn("用户 {} 的姓名“{}”无法自动拆分为姓和名，请管理员在“管理”中填写", user.getId(), user.getFirstName()));
    }
  }

  /** What an import did: sizes read and every change applied (empty when nothing changed). */
  public record ImportReport(int units, int people, List<String> changes) {}
}
