package cn.zhengai.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Engine calls the app has already authorised (the caller is a process owner and the model passed its checks), made
 * without the caller's engine authorizations: process owners hold no deployment or migration rights in the engine,
 * so that {@code /api/models} is the only way a model gets in. The engine makes no one the owner of what is deployed.
 * The 诊改驾驶舱 reads the year's tasks this way too, and then shows each viewer only the units the app lets them see.
 */
@Component
public class AppAuthority {

  private final IdentityService identityService;

  AppAuthority(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T run(Supplier<T> engineCalls) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return engineCalls.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
