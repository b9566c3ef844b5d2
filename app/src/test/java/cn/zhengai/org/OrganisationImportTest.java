package cn.zhengai.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.integration.org.QualitySystem;
import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.support.AppTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The college from the data files, in Camunda's identity and the app's tables, loaded once and kept in step. */
@AppTest
class OrganisationImportTest {

  @Autowired OrganisationImporter importer;
  @Autowired OrgUnitRepository units;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  @Test
  void theCollegesUnitsAreGroupsWithTheirKindAndQualitySystem() {
    Group academicAffairs = identityService.createGroupQuery().groupId("jwc").singleResult();
    assertThat(academicAffairs.getName()).isEqualTo("教务处");
    assertThat(academicAffairs.getType()).isEqualTo("职能部门");
    assertThat(identityService.createGroupQuery().groupId("head-jwc").singleResult().getName()).isEqualTo("教务处负责人");
    assertThat(identityService.createGroupQuery().groupId("head-jwc").singleResult().getType()).isEqualTo("单位负责人");
    assertThat(identityService.createGroupQuery().groupType("教学单位").count()).isEqualTo(6);
    assertThat(identityService.createGroupQuery().groupType("角色").list()).extracting(Group::getName)
        .containsExactlyInAnyOrder("部门负责人", "专业带头人", "课程负责人", "教师", "学生", "校外专家", "流程负责人");
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
    assertThat(units.findById("major-qcjx").orElseThrow().parentId()).isEqualTo("qcxy");
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
    for (String role : List.of("role-dept-head", "role-major-leader", "role-course-leader", "role-teacher", "role-student", "role-expert", "role-process-owner")) {
      assertThat(identityService.createUserQuery().memberOfGroup(role).count()).as(role).isPositive();
    }
    assertThat(identityService.checkPassword("hetao", "zhengai2026")).isTrue();
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

    assertThat(importer.importConfigured().changes()).containsExactlyInAnyOrder("组 xxzx 信息中心", "成员 chenjie → head-rsc");

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
