package cn.zhengai.org;

import cn.zhengai.nodes.NodeLock;
import cn.zhengai.org.OrganisationImporter.ImportReport;
import cn.zhengai.tasklist.TasklistFilters;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The product's organisation import run over other files than the configured ones (a generated college), with the
 * running application's beans, in one transaction as {@link OrganisationImporter#importConfigured} runs.
 */
public final class OrganisationFiles {

  private OrganisationFiles() {}

  public static ImportReport importFiles(ApplicationContext app, Path structure, Path people) {
    OrganisationImporter importer = new OrganisationImporter(
        new OrganisationProperties(structure.toUri().toString(), people.toUri().toString()), app.getBean(DemoProperties.class), app,
        app.getBean(IdentityService.class), app.getBean(OrgUnitRepository.class), app.getBean(AccessGrants.class),
        app.getBean(TasklistFilters.class), app.getBean(NodeLock.class), app.getBean(Majors.class),
        app.getBean(ExternalExperts.class), app.getBean(WorkingGroups.class), app.getBean(java.time.Clock.class));
    return new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).execute(status -> importer.importConfigured());
  }
}
