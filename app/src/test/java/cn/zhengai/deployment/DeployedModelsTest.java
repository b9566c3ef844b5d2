package cn.zhengai.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What the model editor reads: the latest version of each process and its BPMN file, for the people who change or watch models. */
@AppTest
class DeployedModelsTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;

  @Test
  void processOwnersTheQaOfficeAndAdminsReadTheLatestVersionOfEachProcess() {
    ProcessDefinition annualWorkPlan = latest(AnnualWorkPlanProcess.KEY);
    for (String reader : List.of("wuqian", "zhouqiang", "admin")) {
      JsonNode models = EngineRest.as(http, reader).get("/api/models").expect(200).json();
      assertThat(models).as(reader).extracting(model -> model.get("key").asText())
          .containsExactly("annual-quality-report", "annual-work-plan", "major-annual-diagnosis", "major-assessment", "monitoring-checkpoint",
              "school-annual-cycle", "task-escalation");
      JsonNode model = models.get(1);
      assertThat(model.get("name").asText()).isEqualTo("年度工作计划");
      assertThat(model.get("version").asInt()).isEqualTo(annualWorkPlan.getVersion());
      assertThat(model.get("deploymentId").asText()).isEqualTo(annualWorkPlan.getDeploymentId());
      assertThat(model.get("deployedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }
  }

  @Test
  void theXmlIsTheLatestDeployedVersion() throws Exception {
    ProcessDefinition annualWorkPlan = latest(AnnualWorkPlanProcess.KEY);
    byte[] expected = repositoryService.getProcessModel(annualWorkPlan.getId()).readAllBytes();
    byte[] xml = EngineRest.as(http, "wuqian").download("/api/models/" + AnnualWorkPlanProcess.KEY + "/xml");
    assertThat(new String(xml, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8))
        .contains("id=\"" + AnnualWorkPlanProcess.KEY + "\"");
    assertThat(EngineRest.as(http, "wuqian").get("/api/models/no-such-process/xml").expect(404).json().get("message").asText())
        .isEqualTo("没有已部署的流程模型“no-such-process”");
  }

  @Test
  void othersMayNotReadTheModels() {
    for (String other : List.of("wangfang", "zhangxiaoyu", "sunhua")) {
      assertThat(EngineRest.as(http, other).get("/api/models").expect(403).json().get("message").asText())
          .as(other).contains("无权查看流程模型");
      EngineRest.as(http, other).get("/api/models/" + AnnualWorkPlanProcess.KEY + "/xml").expect(403);
    }
    EngineRest.anonymous(http).get("/api/models").expect(401);
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }
}
