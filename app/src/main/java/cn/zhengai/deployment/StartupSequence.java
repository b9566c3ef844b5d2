package cn.zhengai.deployment;

import cn.zhengai.nodes.StartupLock;
import cn.zhengai.org.OrganisationImporter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every start: deploy changed models, then bring the organisation and its authorizations up to date; then the
 * next node on the same database may start ({@link StartupLock}).
 */
@Component
@Order(1)
class StartupSequence implements ApplicationRunner {

  private final ModelDeployer modelDeployer;
  private final OrganisationImporter organisationImporter;
  private final StartupLock startupLock;

  StartupSequence(ModelDeployer modelDeployer, OrganisationImporter organisationImporter, StartupLock startupLock) {
    this.modelDeployer = modelDeployer;
    this.organisationImporter = organisationImporter;
    this.startupLock = startupLock;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      modelDeployer.deployAll();
      organisationImporter.importAtStart();
    } finally {
      startupLock.release();
    }
  }
}
