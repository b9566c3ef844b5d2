package cn.zhengai.security;

import cn.zhengai.org.DemoProperties;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Outside the default profile, refuses to start while any account still has the documented demo password (or
 * the administrator has none). The hashes are compared directly: {@code IdentityService.checkPassword} would
 * count a failed login for every user on every start and eventually lock them out.
 */
@Component
class DefaultPasswordGuard implements SmartInitializingSingleton {

  private final DemoProperties demo;
  private final IdentityService identityService;
  private final ProcessEngineConfiguration engineConfiguration;

  DefaultPasswordGuard(DemoProperties demo, IdentityService identityService, ProcessEngineConfiguration engineConfiguration) {
    this.demo = demo;
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (demo.enabled()) {
      return;
    }
    List<String> offenders = usersWithPassword(demo.password());
    if (!offenders.isEmpty()) {
      throw new IllegalStateException("拒绝启动：以下账号仍在使用默认演示密码，请先修改密码：" + String.join(", ", offenders));
    }
    List<String> blank = usersWithPassword("");
    if (!blank.isEmpty()) {
      throw new IllegalStateException("拒绝启动：以下账号的密码为空，请设置密码（管理员密码取自环境变量 ZHENGAI_ADMIN_PASSWORD）："
          + String.join(", ", blank));
    }
  }

  private List<String> usersWithPassword(String password) {
    PasswordManager passwords = ((ProcessEngineConfigurationImpl) engineConfiguration).getPasswordManager();
    return identityService.createUserQuery().list().stream()
        .map(UserEntity.class::cast)
        .filter(user -> user.getPassword() != null
            && passwords.check(EncryptionUtil.saltPassword(password, user.getSalt()), user.getPassword()))
        .map(UserEntity::getId)
        .toList();
  }
}
