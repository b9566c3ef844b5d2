package cn.zhengai.deployment;

import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "流程模型")
@RestController
class ModelVocabularyController {

  private final ModelVocabulary vocabulary;

  ModelVocabularyController(ModelVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Operation(summary = "模型可用的组件（服务任务、监听器、可调用的方法）及各流程表单提供的变量；上传的模型只能使用这些")
  @GetMapping("/api/models/vocabulary")
  Vocabulary vocabulary(Authentication authentication) {
    Access.requireAnyGroup(authentication, "查看模型可用的组件", OrgGroups.PROCESS_OWNER_ROLE, OrgGroups.QA_OFFICE);
    return new Vocabulary(List.copyOf(vocabulary.beans()), vocabulary.variables());
  }

  record Vocabulary(List<ModelVocabulary.Bean> beans, List<ModelVocabulary.ModelVariables> variables) {}
}
