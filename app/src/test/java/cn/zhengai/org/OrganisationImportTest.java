package cn.zhengai.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.integration.org.QualitySystem;
import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.spiral.Subject;
import cn.zhengai.support.AppTest;
import cn.zhengai.support.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The college from the data files, in Camunda's identity and the app's tables, loaded once and kept in step. */
@AppTest
class OrganisationImportTest {

  @Autowired OrganisationImporter importer;
  @Autowired OrgUnitRepository units;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired Majors majors;
  @Autowired SubjectOwners subjectOwners;
  @Autowired TestRestTemplate http;

  @Test
  void theCollegesUnitsAreGroupsWithTheirKindAndQualitySystem() {
    Group academicAffairs = identityService.createGroupQuery().groupId("jwc").singleResult();
    assertThat(academicAffairs.getName()).isEqualTo("教务处");
    assertThat(academicAffairs.getType()).isEqualTo("职能部门");
    assertThat(identityService.createGroupQuery().groupId("head-jwc").singleResult().getName()).isEqualTo("教务处负责人");
    assertThat(identityService.createGroupQuery().groupId("head-jwc").singleResult().getType()).isEqualTo("单位负责人");
    assertThat(identityService.createGroupQuery().groupType("教学单位").count()).isEqualTo(6);
    assertThat(identityService.createGroupQuery().groupType("角色").list()).extracting(Group::getName)
        .containsExactlyInAnyOrder("部门负责人", "专业（课程）负责人", "专业带头人", "课程负责人", "教师", "学生", "校外专家", "流程负责人");
    assertThat(identityService.createGroupQuery().groupId("qa-leading-group").singleResult().getName()).isEqualTo("质量保证领导小组");
    assertThat(identityService.createGroupQuery().groupId("qa-wg-qcxy").singleResult().getType()).isEqualTo("质量保证组织");
    Group administrators = identityService.createGroupQuery().groupId("camunda-admin").singleResult();
    assertThat(administrators.getName()).isEqualTo("系统管理员");
    assertThat(administrators.getType()).isEqualTo("系统");

    OrgUnit qaOffice = units.findById("zgb").orElseThrow();
    assertThat(qaOffice.fullName()).isEqualTo("质量监督管理办公室");
    assertThat(qaOffice.qualitySystem()).isEqualTo(QualitySystem.SUPERVISION_CONTROL);
    assertThat(units.findById("yb").orElseThrow().qualitySystem()).isEqualTo(QualitySystem.DECISION_COMMAND);
    assertThat(units.findSubmittingAnnualPlan()).hasSize(19)
        .allMatch(unit -> unit.kind() == UnitKind.FUNCTIONAL_DEPARTMENT || unit.kind() == UnitKind.TEACHING_UNIT);
    assertThat(units.findById("course-fdj").orElseThrow().parentId()).isEqualTo("major-500211");
    // majors are kept by their code since this release; the units and groups of the made-up ids are gone
    assertThat(units.findAll()).noneMatch(unit -> unit.kind() == UnitKind.MAJOR);
    assertThat(identityService.createGroupQuery().groupId("major-qcjx").count()).isZero();
  }

  @Test
  void demoPeopleHoldTheirRolesAndEveryRoleHasAnAccount() {
    User head = identityService.createUserQuery().userId("wangfang").singleResult();
    // 姓 in firstName, 名 in lastName: the webapps show "firstName lastName" (EngineUserNames)
    assertThat(head.getFirstName()).isEqualTo("王");
    assertThat(head.getLastName()).isEqualTo("芳");
    assertThat(identityService.createUserQuery().userId("zhangxiaoyu").singleResult().getLastName()).isEqualTo("小雨");
    assertThat(identityService.createGroupQuery().groupMember("wangfang").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("jwc", "head-jwc", "role-dept-head");
    for (String role : List.of("role-dept-head", "role-major-leader", "role-major-chief", "role-course-leader", "role-teacher", "role-student", "role-expert", "role-process-owner")) {
      assertThat(identityService.createUserQuery().memberOfGroup(role).count()).as(role).isPositive();
    }
    assertThat(identityService.checkPassword("hetao", "zhengai2026")).isTrue();
  }

  @Test
  void majorsAndExternalExpertsAreInTheOrganisationWithTheirGroups() {
    JsonNode majorList = EngineRest.as(http, "linfeng").get("/api/organisation/majors").expect(200).json();
    assertThat(majorList).hasSize(17);
    // by teaching unit, then code
    assertThat(majorList.findValuesAsText("code").subList(0, 5)).containsExactly("460701", "460702", "460704", "500211", "460103");
    JsonNode inspection = majorList.get(3);
    assertThat(inspection.get("code").asText() + " " + inspection.get("name").asText() + " " + inspection.get("unit").asText()
        + " " + inspection.get("firstYear").asInt() + "–" + inspection.get("firstGraduationYear").asInt())
        .isEqualTo("500211 汽车检测与维修技术 汽车工程学院 2008–2011");
    assertThat(inspection.get("leaders").findValuesAsText("name")).containsExactly("何涛");
    assertThat(inspection.get("chiefTeachers").findValuesAsText("name")).containsExactly("熊伟");
    assertThat(inspection.get("qaGroup").findValuesAsText("id")).containsExactly("hetao", "xiongwei", "linfeng", "guojing");
    assertThat(inspection.get("leadersGroup").asText()).isEqualTo("major-leaders-500211");
    // a major's cycle goes to its leaders, and what they do themselves to its 二级学院's working group
    assertThat(subjectOwners.ownerGroupOf(Subject.major("500211"))).isEqualTo("major-leaders-500211");
    assertThat(subjectOwners.nextBodyUpOf(Subject.major("500211"))).isEqualTo("qa-wg-qcxy");
    assertThat(subjectOwners.ownerGroupOf(Subject.unit("jwc"))).isEqualTo("head-jwc");
    assertThat(subjectOwners.nextBodyUpOf(Subject.unit("jwc"))).isEqualTo("zgb");
    assertThat(subjectOwners.nextBodyUpOf(Subject.unit("zgb"))).isEqualTo("qa-leading-group");

    assertThat(members("major-leaders-500211")).containsExactlyInAnyOrder("hetao", "xiongwei");
    assertThat(members("major-qa-500211")).containsExactlyInAnyOrder("hetao", "xiongwei", "linfeng", "guojing");
    assertThat(members("major-500211")).contains("zhangxiaoyu");
    assertThat(identityService.createGroupQuery().groupId("major-qa-500211").singleResult().getName()).isEqualTo("汽车检测与维修技术专业质量保证小组");
    assertThat(identityService.createGroupQuery().groupType("专业负责人").count()).isEqualTo(17);
    // every teaching unit's QA working group has its dean and its majors' leaders, kept in its sheet
    for (String unit : List.of("qcxy", "znzz", "dzxx", "jjgl", "rwys", "jcb")) {
      assertThat(members("qa-wg-" + unit)).as(unit).hasSizeGreaterThanOrEqualTo(3);
    }
    assertThat(members("qa-wg-qcxy")).containsExactlyInAnyOrder("xujun", "hetao", "caolei", "pengjing", "yuangang");
    assertThat(EngineRest.as(http, "linfeng").get("/api/planning/working-groups").expect(200).json())
        .extracting(row -> row.get("unit").asText() + "：" + row.get("members").asText())
        .contains("汽车工程学院：何涛（hetao）、曹磊（caolei）、彭静（pengjing）、袁刚（yuangang）").hasSize(6);
    assertThat(authorizationService.isUserAuthorized("caolei", List.of("qa-wg-qcxy"), Permissions.READ,
        Resources.PROCESS_DEFINITION, "major-annual-diagnosis")).isTrue();

    JsonNode expertList = EngineRest.as(http, "zhouqiang").get("/api/organisation/experts").expect(200).json();
    assertThat(expertList.findValuesAsText("sector")).hasSizeGreaterThanOrEqualTo(6).contains("行企", "政府", "用人单位");
    assertThat(expertList.findValuesAsText("id")).allMatch(expert -> members("role-expert").contains(expert));
    assertThat(expertList).anySatisfy(expert -> assertThat(expert.get("name").asText() + "：" + expert.get("organisation").asText())
        .isEqualTo("宋凯：湖北省汽车维修行业协会"));
  }

  @Test
  void aStartKeepsMajorsAsTheSheetLeftThemAndAReimportBringsThemBackToTheFile() {
    Majors.StoredMajor stored = majors.findByCode("500211").orElseThrow();
    Major file = stored.major();
    Major edited = new Major(file.code(), file.name(), file.unit(), List.of("linfeng"), file.chiefTeachers(), file.qaMembers(),
        file.firstYear(), file.firstGraduationYear());
    majors.save(stored.id(), edited, "zhouqiang", Instant.now());

    assertThat(importer.importAtStart().changes()).isEmpty();
    assertThat(members("major-leaders-500211")).containsExactlyInAnyOrder("linfeng", "xiongwei");

    assertThat(importer.importConfigured().changes()).containsExactlyInAnyOrder("专业 500211 汽车检测与维修技术",
        "成员 hetao → major-leaders-500211", "成员 hetao → major-qa-500211", "移出 linfeng ← major-leaders-500211");
    assertThat(members("major-leaders-500211")).containsExactlyInAnyOrder("hetao", "xiongwei");
    assertThat(majors.findByCode("500211").orElseThrow().major()).isEqualTo(file);
  }

  @Test
  void theMajorsSheetIsCheckedWholeAndImportedAllOrNothing() throws IOException {
    EngineRest qa = EngineRest.as(http, "zhouqiang");
    byte[] export = qa.download("/api/planning/majors/export");
    JsonNode before = qa.get("/api/organisation/majors").expect(200).json();

    byte[] broken = withRows(export, Map.of("460704", List.of("46070", "智能网联汽车技术", "汽车工程学院", "彭静（pengjing）", "", "", "2025", "2028")),
        List.of("510102", "物联网应用技术", "后勤集团", "无名氏", "", "", "2027", "2030"),
        List.of("500211", "汽车检测与维修技术", "汽车工程学院", "何涛", "", "", "2008", "2008"));
    JsonNode refusal = qa.upload("/api/planning/majors/import", "专业.xlsx", broken).expect(400).json();
    assertThat(texts(refusal.get("problems"))).contains(
        "工作表「专业」第 4 行「专业代码」列：专业代码“46070”应为 6 位数字（专业目录代码，如 500211）",
        "工作表「专业」第 19 行「所属二级学院」列：“后勤集团”不是本校的部门或教学单位",
        "工作表「专业」第 19 行「专业（课程）负责人」列：“无名氏”不是本校人员的账号或姓名",
        "工作表「专业」第 20 行：与第 5 行重复（500211）");
    assertThat(qa.get("/api/organisation/majors").expect(200).json()).isEqualTo(before);
    assertThat(identityService.createGroupQuery().groupId("major-510102").count()).isZero();

    // a teacher of the unit may not appoint its leaders; its dean, 教务处 and 质管办 may
    byte[] good = withRows(export, Map.of("460704", List.of("460704", "智能网联汽车技术", "汽车工程学院", "林峰", "", "郭静（guojing）", "2025", "2028")),
        List.of("460706", "汽车智能技术", "汽车工程学院", "yuangang", "", "linfeng", "2027", "2030"));
    assertThat(EngineRest.as(http, "linfeng").upload("/api/planning/majors/import", "专业.xlsx", good).expect(403).body())
        .contains("无权修改：此行属于「汽车工程学院」，只有该教学单位负责人、质管办、教务处和系统管理员可以修改");
    try {
      JsonNode preview = EngineRest.as(http, "xujun").upload("/api/planning/majors/import?dryRun=true", "专业.xlsx", good).expect(200).json();
      assertThat(preview.get("ok").asBoolean()).isTrue();
      assertThat(preview.get("changed").get(0).get("cells")).extracting(cell -> cell.get("column").asText() + "：" + cell.get("before").asText()
          + " → " + cell.get("after").asText()).containsExactly("专业（课程）负责人：彭静（pengjing） → 林峰（linfeng）");
      JsonNode report = EngineRest.as(http, "wangfang").upload("/api/planning/majors/import", "专业.xlsx", good).expect(200).json();
      assertThat(report.get("created").asInt() + "/" + report.get("changed").asInt()).isEqualTo("1/1");

      assertThat(members("major-leaders-460704")).containsExactly("linfeng");
      assertThat(members("major-qa-460704")).containsExactlyInAnyOrder("linfeng", "guojing");
      assertThat(members("major-leaders-460706")).containsExactly("yuangang");
      assertThat(identityService.createGroupQuery().groupId("major-460706").singleResult().getName()).isEqualTo("汽车智能技术");
    } finally {
      majors.findByCode("460706").ifPresent(major -> qa.delete("/api/planning/majors/" + major.id()).expect(204));
      importer.importConfigured();
    }
    assertThat(identityService.createGroupQuery().groupId("major-leaders-460706").count()).isZero();
    assertThat(members("major-leaders-460704")).containsExactly("pengjing");
  }

  @Test
  void theWorkingGroupsSheetIsCheckedWholeImportedAllOrNothingAndKeptOverAStart() throws IOException {
    EngineRest qa = EngineRest.as(http, "zhouqiang");
    byte[] export = qa.download("/api/planning/working-groups/export");
    List<String> before = members("qa-wg-qcxy");

    byte[] broken = withRows(export, Map.of("汽车工程学院", List.of("汽车工程学院", "林峰、无名氏")), List.of("教务处", "wangfang"));
    JsonNode refusal = qa.upload("/api/planning/working-groups/import", "工作组.xlsx", broken).expect(400).json();
    assertThat(texts(refusal.get("problems"))).containsExactlyInAnyOrder(
        "工作表「二级学院质量保证工作组」第 2 行「工作组成员」列：“无名氏”不是本校人员的账号或姓名",
        "工作表「二级学院质量保证工作组」第 8 行「二级学院」列：“教务处”不是教学单位（二级学院），只有二级学院设质量保证工作组");
    assertThat(members("qa-wg-qcxy")).containsExactlyInAnyOrderElementsOf(before);

    // the dean chooses the members; a teacher of the unit may not
    byte[] good = withRows(export, Map.of("汽车工程学院", List.of("汽车工程学院", "林峰、郭静（guojing）")));
    assertThat(EngineRest.as(http, "linfeng").upload("/api/planning/working-groups/import", "工作组.xlsx", good).expect(403).body())
        .contains("无权修改：此行属于「汽车工程学院」，只有该教学单位负责人、质管办和系统管理员可以修改");
    try {
      JsonNode report = EngineRest.as(http, "xujun").upload("/api/planning/working-groups/import", "工作组.xlsx", good).expect(200).json();
      assertThat(report.get("changed").asInt()).isEqualTo(1);
      assertThat(members("qa-wg-qcxy")).as("the dean leads it without being named").containsExactlyInAnyOrder("xujun", "linfeng", "guojing");
      assertThat(subjectOwners.nextBodyUpOf(Subject.major("460702"))).isEqualTo("qa-wg-qcxy");

      assertThat(importer.importAtStart().changes()).as("a start keeps the sheet's members").isEmpty();
      assertThat(importer.importConfigured().changes()).containsExactlyInAnyOrder("工作组 qcxy", "成员 hetao → qa-wg-qcxy",
          "成员 caolei → qa-wg-qcxy", "成员 pengjing → qa-wg-qcxy", "成员 yuangang → qa-wg-qcxy", "移出 linfeng ← qa-wg-qcxy",
          "移出 guojing ← qa-wg-qcxy");
    } finally {
      importer.importConfigured();
    }
    assertThat(members("qa-wg-qcxy")).containsExactlyInAnyOrderElementsOf(before);
  }

  /** The workbook with the rows of some codes replaced and rows added, as a person edits it in Excel. */
  @SafeVarargs
  private static byte[] withRows(byte[] xlsx, Map<String, List<String>> replaced, List<String>... added) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.getSheetAt(0);
      for (Row row : sheet) {
        List<String> values = row.getCell(0) == null ? null : replaced.get(row.getCell(0).getStringCellValue());
        for (int i = 0; values != null && i < values.size(); i++) {
          row.createCell(i).setCellValue(values.get(i));
        }
      }
      for (List<String> values : added) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.size(); i++) {
          row.createCell(i).setCellValue(values.get(i));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private List<String> members(String group) {
    return identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
  }

  @Test
  void groupsGetWhatTheyNeedAndNoMore() {
    assertThat(authorizationService.isUserAuthorized("zhouqiang", List.of("zgb"), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizationService.isUserAuthorized("wangfang", List.of("jwc", "head-jwc", "role-dept-head"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizationService.isUserAuthorized("wangfang", List.of("jwc", "head-jwc", "role-dept-head"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizationService.isUserAuthorized("wangfang", List.of("jwc", "head-jwc", "role-dept-head"), Permissions.ACCESS,
        Resources.APPLICATION, "admin")).isFalse();
    assertThat(filterService.createFilterQuery().list()).extracting(filter -> filter.getName())
        .containsExactlyInAnyOrder("本单位待办", "我的任务", "已逾期", "全部可见任务");
  }

  @Test
  void aSecondImportOfTheSameFilesChangesNothing() {
    long groups = identityService.createGroupQuery().count();
    long grants = authorizationService.createAuthorizationQuery().count();

    assertThat(importer.importConfigured().changes()).isEmpty();

    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(grants);
  }

  @Test
  void aReimportRestoresWhatWasChangedByHand() {
    Group renamed = identityService.createGroupQuery().groupId("xxzx").singleResult();
    renamed.setName("网络中心");
    identityService.saveGroup(renamed);
    identityService.deleteMembership("chenjie", "head-rsc");
    // the file gives 周强's e-mail address, not 林峰's: his own stays
    email("zhouqiang", "zq@example.com");
    email("linfeng", "linfeng@example.com");

    assertThat(importer.importConfigured().changes()).containsExactlyInAnyOrder("组 xxzx 信息中心", "成员 chenjie → head-rsc",
        "用户 zhouqiang 周强 zhouqiang@zhengai.edu.cn");
    assertThat(identityService.createUserQuery().userId("zhouqiang").singleResult().getEmail()).isEqualTo("zhouqiang@zhengai.edu.cn");
    assertThat(identityService.createUserQuery().userId("linfeng").singleResult().getEmail()).isEqualTo("linfeng@example.com");
    email("linfeng", null);

    assertThat(identityService.createGroupQuery().groupId("xxzx").singleResult().getName()).isEqualTo("信息中心");
    assertThat(identityService.createUserQuery().memberOfGroup("head-rsc").userId("chenjie").count()).isEqualTo(1);
  }

  @Test
  void accountsOfAnEarlierVersionGetTheirNameSplitIntoFamilyAndGivenName() {
    // earlier releases kept the whole name in firstName and left lastName empty, also for accounts made by hand
    keepWholeName("wangfang", "王芳");
    User byHand = identityService.newUser("ouyanglan");
    byHand.setPassword("zhengai2026");
    identityService.saveUser(byHand);
    keepWholeName("ouyanglan", "欧阳兰");
    User unsplittable = identityService.newUser("maimaiti");
    unsplittable.setPassword("zhengai2026");
    identityService.saveUser(unsplittable);
    keepWholeName("maimaiti", "买买提·艾力");
    try {
      assertThat(importer.importConfigured().changes()).containsExactlyInAnyOrder(
          "用户 wangfang 姓名拆分为 姓 王、名 芳", "用户 ouyanglan 姓名拆分为 姓 欧阳、名 兰");

      assertThat(identityService.createUserQuery().userId("ouyanglan").singleResult())
          .extracting(User::getFirstName, User::getLastName).containsExactly("欧阳", "兰");
      assertThat(identityService.createUserQuery().userId("wangfang").singleResult())
          .extracting(User::getFirstName, User::getLastName).containsExactly("王", "芳");
      // a name that cannot be split with certainty waits for an administrator
      assertThat(identityService.createUserQuery().userId("maimaiti").singleResult().getFirstName()).isEqualTo("买买提·艾力");
      assertThat(importer.importConfigured().changes()).isEmpty();
    } finally {
      identityService.deleteUser("ouyanglan");
      identityService.deleteUser("maimaiti");
    }
  }

  private void email(String userId, String address) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setEmail(address);
    identityService.saveUser(user);
  }

  private void keepWholeName(String userId, String wholeName) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setFirstName(wholeName);
    user.setLastName("");
    identityService.saveUser(user);
  }

  @Test
  void groupsOfAnEarlierVersionGetTheirChineseNamesAndTypesOnTheNextStart() {
    Group unit = identityService.createGroupQuery().groupId("jwc").singleResult();
    unit.setType("functional-department");
    identityService.saveGroup(unit);
    Group administrators = identityService.createGroupQuery().groupId("camunda-admin").singleResult();
    administrators.setName("camunda BPM Administrators");
    administrators.setType("SYSTEM");
    identityService.saveGroup(administrators);

    assertThat(importer.importConfigured().changes()).containsExactlyInAnyOrder("组 jwc 教务处", "组 camunda-admin 系统管理员");

    assertThat(identityService.createGroupQuery().groupId("jwc").singleResult().getType()).isEqualTo("职能部门");
    assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getName()).isEqualTo("系统管理员");
  }
}
