package cn.zhengai.planning.standards;

import cn.zhengai.planning.TableScope;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "目标链、标准链与任务跟踪")
@RestController
@RequestMapping("/api/planning/standards")
class StandardVersionController {

  private final StandardTable standards;

  StandardVersionController(StandardTable standards) {
    this.standards = standards;
  }

  @Operation(summary = "建立标准的新版本：版本号加一、现行，旧版本变为“已被替代”，仍可查阅")
  @PostMapping("/{id}/versions")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> newVersion(@PathVariable long id, @RequestBody(required = false) NewVersion body,
      Authentication authentication) {
    var current = standards.find(id).orElseThrow(() -> standards.notFound(id));
    var next = standards.nextVersion(current, body == null ? null : body.effectiveDate());
    standards.save(List.of(next), CurrentUser.of(authentication), TableScope.ALL);
    String key = standards.keyOf(next.values());
    return standards.rows(TableScope.ALL).stream().filter(row -> standards.keyOf(row.values()).equals(key)).findFirst()
        .map(standards::toJson).orElseThrow();
  }

  /** @param effectiveDate the day the new version comes into force */
  record NewVersion(LocalDate effectiveDate) {}
}
