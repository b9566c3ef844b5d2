package cn.zhengai.tasks;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Who takes the step a listener or delegate runs in: the person signed in to the engine, recorded with what they decided. */
@Component
public class StepTaker {

  private final IdentityService identityService;

  // the engine's services are built after the listeners that use this
  StepTaker(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The signed-in person's id, or null when a script, not a person, takes the step. */
  public String userId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The signed-in person's id, or the body on whose behalf a script takes the step. */
  public String userIdOr(String body) {
    String user = userId();
    return user == null ? body : user;
  }

  /** Whether the signed-in person belongs to the group; false when a script takes the step. */
  public boolean belongsTo(String group) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null && authentication.getGroupIds().contains(group);
  }
}
