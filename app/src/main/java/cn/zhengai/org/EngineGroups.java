package cn.zhengai.org;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Camunda groups the organisation keeps: created or renamed to match, and the change named in the import's list. */
final class EngineGroups {

  private EngineGroups() {}

  /** Creates the group, or changes its name and type to these; adds what it did to {@code changes}. */
  static void save(IdentityService identityService, String id, String name, String type, List<String> changes) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (Objects.equals(group.getName(), name) && Objects.equals(group.getType(), type)) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
    changes.add("组 " + id + " " + name);
  }

  /** Makes the group hold exactly these people; adds each membership it adds or removes to {@code changes}. */
  static void holdExactly(IdentityService identityService, String group, Set<String> wanted, List<String> changes) {
    Set<String> current = new HashSet<>();
    identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> current.add(user.getId()));
    for (String person : wanted) {
      if (!current.contains(person)) {
        identityService.createMembership(person, group);
        changes.add("成员 " + person + " → " + group);
      }
    }
    for (String person : current) {
      if (!wanted.contains(person)) {
        identityService.deleteMembership(person, group);
        changes.add("移出 " + person + " ← " + group);
      }
    }
  }
}
