package cn.zhengai.org;

import cn.zhengai.api.Paging;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.org.OrganisationImporter.ImportReport;
import cn.zhengai.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
  private final Majors majors;
  private final ExternalExperts experts;

  OrganisationController(OrgUnitRepository units, OrganisationImporter importer, Majors majors, ExternalExperts experts) {
    this.units = units;
    this.importer = importer;
    this.majors = majors;
    this.experts = experts;
  }

  @Operation(summary = "全部单位：职能部门（含所属系统）、教学单位、质量保证组织、专业、课程")
  @GetMapping("/units")
  ResponseEntity<List<OrgUnit>> units(Paging paging) {
    return paging.of(units.findAll());
  }

  @Operation(summary = "全部专业：专业代码、名称、所属二级学院、专业（课程）负责人、专业带头人、质量保证小组、开设年份、首届毕业年份及其组")
  @GetMapping("/majors")
  ResponseEntity<List<MajorView>> majors(Paging paging) {
    Map<String, String> unitNames = units.findAll().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name));
    Map<String, String> names = majors.people().stream().collect(Collectors.toMap(Majors.Person::id, Majors.Person::name));
    Function<List<String>, List<Majors.Person>> named = ids -> ids.stream()
        .map(id -> new Majors.Person(id, names.getOrDefault(id, id))).toList();
    return paging.of(majors.findAll().stream().map(stored -> {
      var major = stored.major();
      return new MajorView(major.code(), major.name(), major.unit(), unitNames.get(major.unit()), named.apply(major.leaders()),
          named.apply(major.chiefTeachers()), named.apply(List.copyOf(major.qaGroupMembers())), major.firstYear(),
          major.firstGraduationYear(), OrgGroups.majorOf(major.code()), OrgGroups.majorLeadersOf(major.code()),
          OrgGroups.majorQaGroupOf(major.code()));
    }).toList());
  }

  @Operation(summary = "全部校外专家：账号、姓名、类别（行企/政府/用人单位）、工作单位、专业领域")
  @GetMapping("/experts")
  ResponseEntity<List<ExternalExperts.Expert>> experts(Paging paging) {
    return paging.of(experts.findAll());
  }

  @Operation(summary = "按组织数据文件重新导入（仅系统管理员）；返回变更清单，无变化时为空")
  @PostMapping("/import")
  ImportReport reimport(Authentication authentication) {
    Access.requireAnyGroup(authentication, "重新导入组织数据");
    return importer.importConfigured();
  }

  /**
   * A major as the API lists it: the people of its QA group include its leaders and chief teachers; the groups are
   * those of the major, its leaders and its QA group.
   */
  record MajorView(String code, String name, String unitId, String unit, List<Majors.Person> leaders,
      List<Majors.Person> chiefTeachers, List<Majors.Person> qaGroup, int firstYear, int firstGraduationYear,
      String majorGroup, String leadersGroup, String qaGroupId) {}
}
