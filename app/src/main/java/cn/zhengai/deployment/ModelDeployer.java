package cn.zhengai.deployment;

import cn.zhengai.processes.ModelResources;
import cn.zhengai.processes.ProcessCatalogue;
import cn.zhengai.processes.ProcessModel;
import cn.zhengai.security.AppAuthority;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys models together with the product's forms, under stable resource names (the file name alone), so that
 * {@code camunda-forms:deployment:NAME} resolves in Tasklist. Unchanged resources are filtered, so a restart
 * creates no new versions.
 */
@Component
class ModelDeployer {

  static final String DEPLOYMENT_NAME = "zhengai-models";
  /** Uploads go under their own name: the shipped models' duplicate filtering compares only with its own kind. */
  static final String UPLOAD_DEPLOYMENT_NAME = "zhengai-model-upload";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;
  private final ProductForms forms;
  private final AppAuthority appAuthority;
  private final DeploymentCache deploymentCache;
  private final TransactionTemplate rolledBack;

  ModelDeployer(RepositoryService repositoryService, ProductForms forms, AppAuthority appAuthority,
      ProcessEngineConfigurationImpl engineConfiguration, PlatformTransactionManager transactionManager) {
    this.repositoryService = repositoryService;
    this.forms = forms;
    this.appAuthority = appAuthority;
    this.deploymentCache = engineConfiguration.getDeploymentCache();
    this.rolledBack = new TransactionTemplate(transactionManager);
    this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The models the product ships, on every start. */
  void deployAll() {
    DeploymentBuilder deployment = newDeployment(DEPLOYMENT_NAME, "zhengai");
    for (ProcessModel model : ProcessCatalogue.ALL) {
      try {
        deployment.addInputStream(model.resource(), new ByteArrayInputStream(ModelResources.bytes(model)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DeploymentWithDefinitions result = deployment.deployWithResult();
    // an unchanged set of resources is filtered out and yields no new definitions
    var definitions = result.getDeployedProcessDefinitions();
    LOG.info("模型部署 {}：新版本流程定义 {} 个", result.getId(), definitions == null ? 0 : definitions.size());
  }

  /** One model a process owner uploaded, as {@code <key>.bpmn}, deployed on the app's authority. */
  DeploymentWithDefinitions deployUploaded(String processKey, byte[] bpmn, String userId) {
    return appAuthority.run(() -> newDeployment(UPLOAD_DEPLOYMENT_NAME, "upload:" + userId)
        .addInputStream(processKey + ".bpmn", new ByteArrayInputStream(bpmn))
        .deployWithResult());
  }

  /**
   * Deploys an uploaded model in a transaction that is always rolled back, so that {@code inspect} sees what the new
   * version would do (e.g. to running instances migrated to it), and leaves nothing behind: no deployment, no job,
   * no row, and no definition of the rolled-back version in the engine's cache.
   */
  <T> T rehearse(String processKey, byte[] bpmn, String userId, Function<ProcessDefinition, T> inspect) {
    AtomicReference<DeploymentWithDefinitions> rehearsed = new AtomicReference<>();
    try {
      return rolledBack.execute(status -> {
        status.setRollbackOnly();
        rehearsed.set(deployUploaded(processKey, bpmn, userId));
        return inspect.apply(rehearsed.get().getDeployedProcessDefinitions().get(0));
      });
    } finally {
      if (rehearsed.get() != null) {
        evict(rehearsed.get());
      }
    }
  }

  /** The engine caches what it deploys outside the transaction; a rolled-back version must not stay there. */
  private void evict(DeploymentWithDefinitions deployment) {
    deployment.getDeployedProcessDefinitions().forEach(definition -> deploymentCache.removeProcessDefinition(definition.getId()));
    // the engine's API lists no form definitions of a deployment; its deployment entity does
    List<CamundaFormDefinitionEntity> forms = ((DeploymentEntity) deployment).getDeployedArtifacts(CamundaFormDefinitionEntity.class);
    if (forms != null) {
      forms.forEach(form -> deploymentCache.removeCamundaFormDefinition(form.getId()));
    }
  }

  private DeploymentBuilder newDeployment(String name, String source) {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(name)
        .source(source)
        .enableDuplicateFiltering(false);
    forms.all().forEach((form, bytes) -> deployment.addInputStream(form, new ByteArrayInputStream(bytes)));
    return deployment;
  }
}
