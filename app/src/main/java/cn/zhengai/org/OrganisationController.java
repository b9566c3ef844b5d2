package cn.zhengai.org;

import cn.zhengai.api.Paging;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.org.OrganisationImporter.ImportReport;
import cn.zhengai.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "组织机构")
@RestController
@RequestMapping("/api/organisation")
class OrganisationController {

  private final OrgUnitRepository units;
  private final OrganisationImporter importer;

  OrganisationController(OrgUnitRepository units, OrganisationImporter importer) {
    this.units = units;
    this.importer = importer;
  }

  @Operation(summary = "全部单位：职能部门（含所属系统）、教学单位、质量保证组织、专业、课程")
  @GetMapping("/units")
  ResponseEntity<List<OrgUnit>> units(Paging paging) {
    return paging.of(units.findAll());
  }

  @Operation(summary = "按组织数据文件重新导入（仅系统管理员）；返回变更清单，无变化时为空")
  @PostMapping("/import")
  ImportReport reimport(Authentication authentication) {
    Access.requireAnyGroup(authentication, "重新导入组织数据");
    return importer.importConfigured();
  }
}
