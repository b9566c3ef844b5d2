package cn.zhengai.deployment;

import cn.zhengai.api.Paging;
import cn.zhengai.deployment.ModelUpload.Options;
import cn.zhengai.deployment.ModelUpload.Report;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "流程模型")
@RestController
@RequestMapping("/api/models")
class ModelUploadController {

  private final ModelUploadService uploads;

  ModelUploadController(ModelUploadService uploads) {
    this.uploads = uploads;
  }

  @Operation(summary = "上传修改后的 BPMN 模型（Camunda Modeler、bpmn.io 或 Flowable Modeler 保存的文件）；先全面检查，"
      + "有任何问题都不部署。答复列出与现有版本相比的每处变更。dryRun=true 只检查（同时 migrate=true 时预演迁移后回滚，"
      + "列出运行中实例的去留、任务与到期时间改变的定时器）；newProcess=true 声明新流程；migrate=true 迁移运行中的实例")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Report> upload(@RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(defaultValue = "false") boolean newProcess,
      @RequestParam(defaultValue = "false") boolean migrate,
      Authentication authentication) throws IOException {
    CurrentUser user = Access.requireAnyGroup(authentication, "部署流程模型", OrgGroups.PROCESS_OWNER_ROLE);
    Report report = uploads.upload(file.getOriginalFilename(), file.getBytes(), new Options(dryRun, newProcess, migrate), user.userId());
    return ResponseEntity.status(report.problems().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(report);
  }

  @Operation(summary = "模型部署记录：谁、何时、逐项改了什么（改前 → 改后）、迁移了多少实例")
  @GetMapping("/deployments")
  ResponseEntity<List<ModelUploadService.Deployed>> history(Paging paging, Authentication authentication) {
    Access.requireAnyGroup(authentication, "查看模型部署记录", OrgGroups.PROCESS_OWNER_ROLE, OrgGroups.QA_OFFICE);
    return paging.of(uploads.history());
  }
}
