package cn.zhengai.deployment;

import cn.zhengai.api.Paging;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The deployed models as the editor opens them: the latest version of each process and its BPMN file. */
@Tag(name = "流程模型")
@RestController
@RequestMapping("/api/models")
class DeployedModelsController {

  private static final String READ = "查看流程模型";

  private final RepositoryService repositoryService;

  DeployedModelsController(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Operation(summary = "已部署的流程模型：每个流程的最新版本")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<DeployedModel>> latestVersions(Paging paging, Authentication authentication) {
    requireReader(authentication);
    return paging.of(repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
        .stream()
        .map(definition -> new DeployedModel(definition.getKey(), definition.getName(), definition.getVersion(),
            definition.getDeploymentId(), deploymentTime(definition.getDeploymentId())))
        .toList());
  }

  @Operation(summary = "流程最新部署版本的 BPMN 文件")
  @GetMapping("/{key}/xml")
  ResponseEntity<byte[]> latestXml(@PathVariable String key, Authentication authentication) throws IOException {
    requireReader(authentication);
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有已部署的流程模型“" + key + "”");
    }
    try (InputStream xml = repositoryService.getProcessModel(latest.getId())) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.readAllBytes());
    }
  }

  private Instant deploymentTime(String deploymentId) {
    Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    return deployment.getDeploymentTime().toInstant();
  }

  private static void requireReader(Authentication authentication) {
    Access.requireAnyGroup(authentication, READ, OrgGroups.PROCESS_OWNER_ROLE, OrgGroups.QA_OFFICE);
  }

  /** The latest version of one process. */
  record DeployedModel(String key, String name, int version, String deploymentId, Instant deployedAt) {}
}
