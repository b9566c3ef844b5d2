package cn.zhengai.simulation;

import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The training clock's page (演练时钟): where it stands, the timers due next, and for administrators the buttons
 * that move it, with what each move fired. It calls {@link SimulationController} with the session's CSRF token.
 */
@Controller
@Profile(SimulationMode.PROFILE)
class SimulationPage {

  static final String PATH = "/simulation";

  @GetMapping(PATH)
  String page(Authentication authentication, Model model) {
    model.addAttribute("admin", CurrentUser.of(authentication).isMemberOf(Access.ADMIN_GROUP));
    return "simulation";
  }
}
