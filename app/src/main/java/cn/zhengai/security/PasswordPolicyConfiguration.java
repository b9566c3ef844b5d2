package cn.zhengai.security;

import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.springframework.stereotype.Component;

/**
 * The product's password policy: at least 8 characters with a lower-case letter and a digit. Welcome and Admin show
 * these rules (in Chinese) while a password is typed and the engine refuses a new password that breaks them; without
 * a policy the webapps' profile page asks for one and gets 404. Camunda's rule against the person's own data is left
 * out: it would refuse an administrator's password that contains "admin" at start-up.
 */
@Component
class PasswordPolicyConfiguration extends AbstractProcessEnginePlugin {

  static final int MIN_LENGTH = 8;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new ProductPasswordPolicy());
  }

  private static final class ProductPasswordPolicy implements PasswordPolicy {
    @Override
    public List<PasswordPolicyRule> getRules() {
      return List.of(new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new PasswordPolicyLowerCaseRuleImpl(1),
          new PasswordPolicyDigitRuleImpl(1));
    }
  }
}
