package cn.zhengai.deployment;

import cn.zhengai.org.OrganisationImporter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On every start: deploy changed models, then bring the organisation and its authorizations up to date. */
@Component
@Order(1)
class StartupSequence implements ApplicationRunner {

  private final ModelDeployer modelDeployer;
  private final OrganisationImporter organisationImporter;

  StartupSequence(ModelDeployer modelDeployer, OrganisationImporter organisationImporter) {
    this.modelDeployer = modelDeployer;
    this.organisationImporter = organisationImporter;
  }

  @Override
  public void run(ApplicationArguments args) {
    modelDeployer.deployAll();
    organisationImporter.importConfigured();
  }
}
