package cn.zhengai.security;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The Chinese name of a group (its name in the organisation file), for messages that say who may do something.
 * Read without the caller's authorizations: a student who may not list groups is still told who may.
 */
@Component
public class GroupNames {

  private final ProcessEngineConfigurationImpl engine;

  GroupNames(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** The group's name, or its id when it has none. */
  public String nameOf(String groupId) {
    Group group = engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return context.getReadOnlyIdentityProvider().findGroupById(groupId);
    });
    return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
  }
}
