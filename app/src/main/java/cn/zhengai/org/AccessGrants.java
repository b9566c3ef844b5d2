package cn.zhengai.org;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.zhengai.integration.org.Organisation;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The authorizations each group needs and no more. Tasks themselves need no grant here: the engine gives a
 * task's candidate groups READ and TASK_WORK on it, so a department head sees and works only their unit's tasks.
 */
@Component
class AccessGrants {

  /** Groups that monitor everything: the QA office (质管办) and the QA leading group. */
  static final List<String> MONITORS = List.of(AnnualWorkPlanProcess.Groups.QA_OFFICE, "qa-leading-group");

  private final AuthorizationService authorizationService;

  AccessGrants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  List<String> apply(Organisation organisation) {
    List<String> changes = new ArrayList<>();
    for (String group : organisation.groupIds()) {
      // every member of staff and every student works in Tasklist, with its shared filters,
      // and sees who else is on a task (the staff directory)
      grant(group, Resources.APPLICATION, "tasklist", changes, Permissions.ACCESS);
      grant(group, Resources.FILTER, ANY, changes, Permissions.READ);
      grant(group, Resources.USER, ANY, changes, Permissions.READ);
      grant(group, Resources.GROUP, ANY, changes, Permissions.READ);
    }
    for (String monitor : MONITORS) {
      grant(monitor, Resources.APPLICATION, "cockpit", changes, Permissions.ACCESS);
      grant(monitor, Resources.PROCESS_DEFINITION, ANY, changes, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK);
      grant(monitor, Resources.PROCESS_INSTANCE, ANY, changes, Permissions.READ);
      grant(monitor, Resources.TASK, ANY, changes, Permissions.READ);
      grant(monitor, Resources.DEPLOYMENT, ANY, changes, Permissions.READ);
      grant(monitor, Resources.DECISION_DEFINITION, ANY, changes, Permissions.READ);
    }
    // process owners deploy edited models and migrate running instances to them
    grant(Organisation.PROCESS_OWNER_ROLE, Resources.DEPLOYMENT, ANY, changes, Permissions.CREATE, Permissions.READ);
    grant(Organisation.PROCESS_OWNER_ROLE, Resources.PROCESS_DEFINITION, ANY, changes, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(Organisation.PROCESS_OWNER_ROLE, Resources.PROCESS_INSTANCE, ANY, changes, Permissions.READ, Permissions.UPDATE);
    // 院办 opens the annual work plan round; unit heads read its definition (process name, forms)
    grant(AnnualWorkPlanProcess.Groups.PRESIDENTS_OFFICE, Resources.PROCESS_DEFINITION, AnnualWorkPlanProcess.KEY, changes,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(AnnualWorkPlanProcess.Groups.PRESIDENTS_OFFICE, Resources.PROCESS_INSTANCE, ANY, changes, Permissions.CREATE);
    grant(Organisation.DEPARTMENT_HEAD_ROLE, Resources.PROCESS_DEFINITION, AnnualWorkPlanProcess.KEY, changes,
        ProcessDefinitionPermissions.READ);
    // 院办 opens the yearly cycle; unit heads work its tasks and their units' monthly checkpoints
    grant(SchoolAnnualCycleProcess.Groups.PRESIDENTS_OFFICE, Resources.PROCESS_DEFINITION, SchoolAnnualCycleProcess.KEY, changes,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    for (String key : List.of(SchoolAnnualCycleProcess.KEY, MonitoringCheckpointProcess.KEY)) {
      grant(Organisation.DEPARTMENT_HEAD_ROLE, Resources.PROCESS_DEFINITION, key, changes, ProcessDefinitionPermissions.READ);
    }
    return changes;
  }

  private void grant(String group, Resource resource, String resourceId, List<String> changes, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    boolean created = authorization == null;
    if (created) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = created;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizationService.saveAuthorization(authorization);
      changes.add("授权 " + group + " " + resource.resourceName() + ":" + resourceId);
    }
  }
}
