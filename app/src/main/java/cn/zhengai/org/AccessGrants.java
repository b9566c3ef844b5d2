package cn.zhengai.org;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.zhengai.integration.org.Organisation;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.integration.org.Organisation.Unit;
import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.processes.AnnualQualityReportProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * The authorizations each group needs and no more. Tasks themselves need no grant here: the engine gives a
 * task's candidate groups READ and TASK_WORK on it, so a department head sees and works only their unit's tasks.
 * <p>
 * The grants converge: for the groups the organisation files own, a grant the product no longer makes (on any
 * resource ({@code *}), an application or a process definition) is revoked, so an existing database loses what an
 * older release granted. Grants the engine makes per task or per group, and the administrators', are left alone.
 */
@Component
class AccessGrants {

  /** Groups that monitor everything: the QA office (质管办) and the QA leading group. */
  static final List<String> MONITORS = List.of(OrgGroups.QA_OFFICE, OrgGroups.LEADING_GROUP);

  private final AuthorizationService authorizationService;

  AccessGrants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  List<String> apply(Organisation organisation) {
    Map<Grant, Set<Permission>> wanted = wanted(organisation);
    List<String> changes = new ArrayList<>();
    wanted.forEach((grant, permissions) -> ensure(grant, permissions, changes));
    for (String group : grantedGroups(organisation)) {
      for (Authorization existing : authorizationService.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).list()) {
        Grant grant = new Grant(group, existing.getResourceType(), existing.getResourceId());
        if (grant.managed() && !wanted.containsKey(grant)) {
          authorizationService.deleteAuthorization(existing.getId());
          changes.add("撤销授权 " + grant);
        }
      }
    }
    revokeDeploymentOwnership(changes);
    return changes;
  }

  private static Map<Grant, Set<Permission>> wanted(Organisation organisation) {
    Map<Grant, Set<Permission>> wanted = new LinkedHashMap<>();
    for (String group : grantedGroups(organisation)) {
      // every member of staff and every student works in Tasklist, with its shared filters
      grant(wanted, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(wanted, group, Resources.FILTER, ANY, Permissions.READ);
    }
    // staff who work tasks with others see who else is on a task: the staff directory. Students, teachers and
    // external experts see themselves and their own groups only (the engine's own grants).
    for (String group : staffGroups(organisation)) {
      grant(wanted, group, Resources.USER, ANY, Permissions.READ);
      grant(wanted, group, Resources.GROUP, ANY, Permissions.READ);
    }
    for (String monitor : MONITORS) {
      grant(wanted, monitor, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(wanted, monitor, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK);
      grant(wanted, monitor, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(wanted, monitor, Resources.TASK, ANY, Permissions.READ);
      grant(wanted, monitor, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(wanted, monitor, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    // process owners read the models and where running instances stand; they change models only through
    // /api/models (checked, audited), never through the engine's deployment or migration API
    grant(wanted, OrgGroups.PROCESS_OWNER_ROLE, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(wanted, OrgGroups.PROCESS_OWNER_ROLE, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE);
    // 院办 opens the annual work plan round and reviews every unit's plan, so it reads the round it runs (not its
    // history: UnitHistoryFilter still narrows that to the plans it reviews); unit heads read its definition
    // (process name, forms)
    grant(wanted, OrgGroups.PRESIDENTS_OFFICE, Resources.PROCESS_DEFINITION, AnnualWorkPlanProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE);
    grant(wanted, OrgGroups.PRESIDENTS_OFFICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(wanted, OrgGroups.DEPARTMENT_HEAD_ROLE, Resources.PROCESS_DEFINITION, AnnualWorkPlanProcess.KEY,
        ProcessDefinitionPermissions.READ);
    // 院办 opens the yearly cycle and reads it as it runs; unit heads work its tasks and their units' monthly checkpoints
    grant(wanted, OrgGroups.PRESIDENTS_OFFICE, Resources.PROCESS_DEFINITION, SchoolAnnualCycleProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE);
    for (String key : List.of(SchoolAnnualCycleProcess.KEY, MonitoringCheckpointProcess.KEY)) {
      grant(wanted, OrgGroups.DEPARTMENT_HEAD_ROLE, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
    }
    // the majors' rounds open by themselves on their calendar dates; 质管办, which runs the QA system, may open one
    // by hand. The majors' leaders, the 二级学院's heads, 教务处 and the experts work their tasks.
    grant(wanted, OrgGroups.QA_OFFICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    for (String key : List.of(MajorAnnualDiagnosisProcess.KEY, MajorAssessmentProcess.KEY)) {
      grant(wanted, OrgGroups.QA_OFFICE, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(wanted, OrgGroups.DEPARTMENT_HEAD_ROLE, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
      for (Major major : organisation.majors()) {
        grant(wanted, OrgGroups.majorLeadersOf(major.code()), Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
      }
      // the 二级学院's working group reviews its majors' self-diagnoses and submits their assessment materials
      for (String workingGroup : organisation.workingGroupIds()) {
        grant(wanted, workingGroup, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
      }
    }
    grant(wanted, OrgGroups.EXPERTS, Resources.PROCESS_DEFINITION, MajorAssessmentProcess.KEY, ProcessDefinitionPermissions.READ);
    // the annual quality report's round opens by itself on its calendar date, or 质管办 starts it (报告 page, Tasklist);
    // the leading group, which approves it, reads it as a monitor
    grant(wanted, OrgGroups.QA_OFFICE, Resources.PROCESS_DEFINITION, AnnualQualityReportProcess.KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    return wanted;
  }

  /** The groups the files own and the teaching units' working groups, which the 工作组 sheet fills. */
  private static Set<String> grantedGroups(Organisation organisation) {
    Set<String> groups = new LinkedHashSet<>(organisation.groupIds());
    groups.addAll(organisation.workingGroupIds());
    return groups;
  }

  /** The departments' and QA bodies' staff (the working groups too), every unit's heads, and the roles that run the QA system. */
  private static Set<String> staffGroups(Organisation organisation) {
    Set<String> staff = new LinkedHashSet<>(organisation.workingGroupIds());
    for (Unit unit : organisation.units()) {
      if (unit.kind() == UnitKind.FUNCTIONAL_DEPARTMENT || unit.kind() == UnitKind.LEADERSHIP || unit.kind() == UnitKind.QA_BODY) {
        staff.add(unit.id());
      }
      if (unit.hasHeads()) {
        staff.add(OrgGroups.headsOf(unit.id()));
      }
    }
    staff.add(OrgGroups.DEPARTMENT_HEAD_ROLE);
    staff.add(OrgGroups.PROCESS_OWNER_ROLE);
    return staff;
  }

  private static void grant(Map<Grant, Set<Permission>> wanted, String group, Resource resource, String resourceId,
      Permission... permissions) {
    wanted.computeIfAbsent(new Grant(group, resource.resourceType(), resourceId), grant -> new LinkedHashSet<>())
        .addAll(List.of(permissions));
  }

  private void ensure(Grant grant, Set<Permission> permissions, List<String> changes) {
    int bits = permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    AuthorizationEntity authorization = (AuthorizationEntity) authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.group()).resourceType(grant.resourceType())
        .resourceId(grant.resourceId()).singleResult();
    if (authorization != null && authorization.getPermissions() == bits) {
      return;
    }
    if (authorization == null) {
      authorization = (AuthorizationEntity) authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.group());
      authorization.setResourceType(grant.resourceType());
      authorization.setResourceId(grant.resourceId());
      changes.add("授权 " + grant);
    } else {
      changes.add("调整授权 " + grant);
    }
    authorization.setPermissions(bits);
    authorizationService.saveAuthorization(authorization);
  }

  /**
   * The engine makes whoever deploys through its API the owner of that deployment (READ and DELETE). Models are
   * deployed by the app on its own authority now; owners left from earlier uploads lose that right.
   */
  private void revokeDeploymentOwnership(List<String> changes) {
    for (Authorization owner : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.DEPLOYMENT).list()) {
      if (owner.getUserId() != null) {
        authorizationService.deleteAuthorization(owner.getId());
        changes.add("撤销授权 用户 " + owner.getUserId() + " " + Resources.DEPLOYMENT.resourceName() + ":" + owner.getResourceId());
      }
    }
  }

  /** One group's grant on one resource. */
  private record Grant(String group, int resourceType, String resourceId) {

    /** The grants the import owns: on any resource, an application, a process definition. */
    boolean managed() {
      return ANY.equals(resourceId) || resourceType == Resources.APPLICATION.resourceType()
          || resourceType == Resources.PROCESS_DEFINITION.resourceType();
    }

    @Override
    public String toString() {
      return group + " " + resourceName(resourceType) + ":" + resourceId;
    }

    private static String resourceName(int type) {
      for (Resources resource : Resources.values()) {
        if (resource.resourceType() == type) {
          return resource.resourceName();
        }
      }
      return String.valueOf(type);
    }
  }
}
