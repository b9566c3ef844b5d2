package cn.zhengai.deployment;

import cn.zhengai.processes.ModelResources;
import cn.zhengai.processes.ProcessCatalogue;
import cn.zhengai.processes.ProcessModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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
  private final IdentityService identityService;
  private final ProductForms forms;

  ModelDeployer(RepositoryService repositoryService, IdentityService identityService, ProductForms forms) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.forms = forms;
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
    return onAppAuthority(() -> newDeployment(UPLOAD_DEPLOYMENT_NAME, "upload:" + userId)
        .addInputStream(processKey + ".bpmn", new ByteArrayInputStream(bpmn))
        .deployWithResult());
  }

  /**
   * Runs engine calls the app has already authorised (the caller is a process owner and the model passed its
   * checks) without the caller's engine authorizations: process owners hold no deployment or migration rights
   * in the engine, so that /api/models is the only way a model gets in. The engine makes no one the owner of
   * such a deployment.
   */
  <T> T onAppAuthority(Supplier<T> engineCalls) {
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

  private DeploymentBuilder newDeployment(String name, String source) {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(name)
        .source(source)
        .enableDuplicateFiltering(false);
    forms.all().forEach((form, bytes) -> deployment.addInputStream(form, new ByteArrayInputStream(bytes)));
    return deployment;
  }
}
