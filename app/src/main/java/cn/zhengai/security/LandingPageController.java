package cn.zhengai.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The product's start page sends each person to the webapp they work in: administrators to Admin, whoever may
 * use Cockpit (质管办, the QA leading group) to Cockpit, everyone else to Tasklist. It follows the application
 * grants the organisation import makes, so the landing page and what a person may open never disagree.
 */
@Controller
class LandingPageController {

  static final String LANDING_PAGE = "/";
  /** The webapps in the order a person prefers them, when allowed: the one for the widest view first. */
  private static final List<String> PREFERRED_APPS = List.of("admin", "cockpit");
  private static final String EVERYONES_APP = "tasklist";

  private final AuthorizationService authorizationService;

  LandingPageController(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @GetMapping(LANDING_PAGE)
  String land(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    String app = PREFERRED_APPS.stream()
        .filter(candidate -> authorizationService.isUserAuthorized(user.userId(), user.groupIds(), Permissions.ACCESS,
            Resources.APPLICATION, candidate))
        .findFirst().orElse(EVERYONES_APP);
    return "redirect:/camunda/app/" + app + "/default/";
  }
}
