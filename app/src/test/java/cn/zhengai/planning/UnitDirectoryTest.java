package cn.zhengai.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.support.NoAppTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Responsibility in the seed's words, resolved to units. */
@NoAppTest
class UnitDirectoryTest {

  private final UnitDirectory units = new UnitDirectory(List.of(
      unit("jwc", "教务处", "教务处", UnitKind.FUNCTIONAL_DEPARTMENT),
      unit("cxyc", "产学研处", "产学研合作处", UnitKind.FUNCTIONAL_DEPARTMENT),
      unit("fgc", "发规处", "发展规划处（基建办）", UnitKind.FUNCTIONAL_DEPARTMENT),
      unit("qcxy", "汽车工程学院", "汽车工程学院", UnitKind.TEACHING_UNIT),
      unit("znzz", "智能制造学院", "智能制造学院", UnitKind.TEACHING_UNIT),
      unit("qa-leading-group", "质量保证领导小组", null, UnitKind.LEADERSHIP)));

  private static OrgUnit unit(String id, String name, String fullName, UnitKind kind) {
    return new OrgUnit(id, name, fullName, kind, null, null, true, 0);
  }

  @Test
  void aDepartmentIsFoundByNameFullNameOrNameWithABracketedNote() {
    assertThat(units.resolve("教务处").unitIds()).containsExactly("jwc");
    assertThat(units.resolve("产学研合作处").unitIds()).containsExactly("cxyc");
    assertThat(units.resolve("发规处（基建办）").unitIds()).containsExactly("fgc");
    assertThat(units.unitNamed("发规处（基建办）").id()).isEqualTo("fgc");
  }

  @Test
  void collectivesAndListsNameEveryUnitThatCarriesThem() {
    assertThat(units.resolve("各教学单位").unitIds()).containsExactly("qcxy", "znzz");
    assertThat(units.resolve("各部门").unitIds()).containsExactly("jwc", "cxyc", "fgc", "qcxy", "znzz");
    assertThat(units.resolve("各班级").unitIds()).containsExactly("qcxy", "znzz");
    assertThat(units.resolve("教务处、产学研处、教学单位等").unitIds()).containsExactly("jwc", "cxyc", "qcxy", "znzz");
    assertThat(units.unitNamed("各教学单位")).isNull();
  }

  @Test
  void unknownNamesAreNamedInTheProblem() {
    UnitDirectory.Resolved resolved = units.resolve("教务处、后勤集团");
    assertThat(resolved.ok()).isFalse();
    assertThat(resolved.problem()).isEqualTo("“后勤集团”不是本校的部门或教学单位");
    assertThat(units.resolve(" ").problem()).isEqualTo("没有指明责任部门");
  }
}
