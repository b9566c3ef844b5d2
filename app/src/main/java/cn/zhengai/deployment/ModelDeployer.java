package cn.zhengai.deployment;

import cn.zhengai.processes.ProcessCatalogue;
import cn.zhengai.processes.ProcessModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model with the forms it references in one deployment, under stable resource names (the file
 * name alone), so that {@code camunda-forms:deployment:NAME} resolves in Tasklist. Unchanged resources are
 * filtered, so a restart creates no new versions.
 */
@Component
class ModelDeployer {

  static final String DEPLOYMENT_NAME = "zhengai-models";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;

  ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  void deployAll() {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("zhengai")
        .enableDuplicateFiltering(false);
    Set<String> forms = new TreeSet<>();
    for (ProcessModel model : ProcessCatalogue.ALL) {
      deployment.addInputStream(model.resource(), open("classpath:" + model.classpathLocation()));
      forms.addAll(model.formFieldsRead().keySet());
    }
    for (String form : forms) {
      deployment.addInputStream(form, open("classpath:forms/" + form));
    }
    var result = deployment.deployWithResult();
    // an unchanged set of resources is filtered out and yields no new definitions
    var definitions = result.getDeployedProcessDefinitions();
    LOG.info("模型部署 {}：新版本流程定义 {} 个", result.getId(), definitions == null ? 0 : definitions.size());
  }

  private static InputStream open(String location) {
    Resource resource = new PathMatchingResourcePatternResolver().getResource(location);
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("缺少模型资源 " + location, e);
    }
  }
}
