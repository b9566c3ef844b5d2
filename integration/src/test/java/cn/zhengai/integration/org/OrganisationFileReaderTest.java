package cn.zhengai.integration.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.integration.org.Organisation.Person;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationFileReaderTest {

  private static final String STRUCTURE = """
      college: 测试学院
      units:
        - { id: jwc, name: 教务处, kind: FUNCTIONAL_DEPARTMENT, system: QUALITY_GENERATION, submitsAnnualPlan: true }
        - { id: qcxy, name: 汽车工程学院, kind: TEACHING_UNIT, system: QUALITY_GENERATION }
        - { id: qa-wg-qcxy, name: 工作组, kind: QA_BODY, parent: qcxy }
      roles:
        - { id: role-dept-head, name: 部门负责人 }
        - { id: role-teacher, name: 教师 }
      """;

  @Test
  void readsUnitsRolesAndPeopleWithTheirGroups() throws IOException {
    Organisation organisation = OrganisationFileReader.read("college.yaml", yaml(STRUCTURE), "people.yaml", yaml("""
        majors:
          - { code: "500211", name: 汽车检测与维修技术, unit: qcxy, leaders: [hetao], chiefTeachers: [ouyangxiu],
              qaGroup: [zhangwangxiaoyu], firstYear: 2008, firstGraduationYear: 2011 }
        courses:
          - { id: course-fdj, name: 汽车发动机构造与维修, parent: major-500211 }
        people:
          - { id: wangfang, name: 王芳, headOf: [jwc], email: wangfang@zhengai.edu.cn }
          - { id: hetao, name: 何涛, roles: [role-teacher], memberOf: [qcxy, major-500211] }
          - { id: ouyangxiu, name: 欧阳修, memberOf: [qcxy] }
          - { id: zhangwangxiaoyu, familyName: 张王, givenName: 小雨, memberOf: [qcxy] }
        """));

    assertThat(organisation.college()).isEqualTo("测试学院");
    assertThat(organisation.units()).extracting(Organisation.Unit::id).containsExactly("jwc", "qcxy", "qa-wg-qcxy", "course-fdj");
    assertThat(organisation.units().get(0).system()).isEqualTo(QualitySystem.QUALITY_GENERATION);
    assertThat(organisation.majors()).containsExactly(new Organisation.Major("500211", "汽车检测与维修技术", "qcxy",
        List.of("hetao"), List.of("ouyangxiu"), List.of("zhangwangxiaoyu"), 2008, 2011));
    assertThat(organisation.majors().get(0).leaderGroupMembers()).containsExactly("hetao", "ouyangxiu");
    assertThat(organisation.majors().get(0).qaGroupMembers()).containsExactly("hetao", "ouyangxiu", "zhangwangxiaoyu");
    assertThat(organisation.groupIds()).contains("major-500211").doesNotContain("major-leaders-500211", "major-qa-500211");
    assertThat(organisation.people()).extracting(Person::name).containsExactly(new ChineseName("王", "芳"),
        new ChineseName("何", "涛"), new ChineseName("欧阳", "修"), new ChineseName("张王", "小雨"));
    Person head = organisation.people().get(0);
    assertThat(head.groupIds()).containsExactlyInAnyOrder("jwc", "head-jwc", "role-dept-head");
    // the e-mail address is optional: where notifications go
    assertThat(organisation.people()).extracting(Person::email).containsExactly("wangfang@zhengai.edu.cn", null, null, null);
    assertThat(organisation.people().get(1).groupIds()).containsExactlyInAnyOrder("qcxy", "major-500211", "role-teacher");
  }

  @Test
  void externalExpertsHoldTheExpertRoleWithTheirSectorOrganisationAndField() throws IOException {
    Organisation organisation = OrganisationFileReader.read("college.yaml", yaml(STRUCTURE + """
          - { id: role-expert, name: 校外专家 }
        """), "people.yaml", yaml("""
        people:
          - { id: songkai, name: 宋凯, expert: { sector: 行企, organisation: 汽车维修行业协会, field: 汽车检测与维修 } }
          - { id: shaojun, name: 邵军, expert: { sector: GOVERNMENT, organisation: 市教育局, field: 职业教育 } }
        """));

    assertThat(organisation.people()).extracting(Person::expert).containsExactly(
        new Organisation.Expert(ExpertSector.INDUSTRY, "汽车维修行业协会", "汽车检测与维修"),
        new Organisation.Expert(ExpertSector.GOVERNMENT, "市教育局", "职业教育"));
    assertThat(organisation.people().get(0).groupIds()).containsExactly("role-expert");
  }

  @Test
  void namesEveryWrongMajorAndExpertWithItsEntryAndField() {
    assertThatThrownBy(() -> OrganisationFileReader.read("college.yaml", yaml(STRUCTURE + """
          - { id: role-expert, name: 校外专家 }
        """), "people.yaml", yaml("""
        majors:
          - { code: "50021", name: 汽车检测与维修技术, unit: qcxy, leaders: [hetao], firstYear: 2008, firstGraduationYear: 2011 }
          - { code: "460702", name: 新能源汽车技术, unit: jwc, leaders: [nobody], qaGroup: [ghost], firstYear: 2015, firstGraduationYear: 2015 }
          - { code: "460702", unit: nowhere, firstYear: 二〇一五 }
        people:
          - { id: hetao, name: 何涛, memberOf: [qcxy] }
          - { id: songkai, name: 宋凯, roles: [role-expert] }
          - { id: liangchen, name: 梁晨, expert: { sector: 协会, field: 新能源汽车 } }
        """)))
        .isInstanceOfSatisfying(OrganisationFileException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "people.yaml majors 第 1 项（50021）：code（专业代码）：专业代码“50021”应为 6 位数字（专业目录代码，如 500211）",
            "people.yaml majors 第 2 项（460702）：unit（所属二级学院）jwc 不是本校的教学单位",
            "people.yaml majors 第 2 项（460702）：firstGraduationYear（首届毕业年份）：首届毕业年份 2015 应晚于开设年份 2015",
            "people.yaml majors 第 2 项（460702）：leaders（专业（课程）负责人） 中的 nobody 不是 people 中的人员",
            "people.yaml majors 第 2 项（460702）：qaGroup（专业（课程）质量保证小组） 中的 ghost 不是 people 中的人员",
            "people.yaml majors 第 3 项（460702）：code（专业代码）460702 重复",
            "people.yaml majors 第 3 项（460702）：缺少 name（专业名称）",
            "people.yaml majors 第 3 项（460702）：unit（所属二级学院）nowhere 不是本校的教学单位",
            "people.yaml majors 第 3 项（460702）：缺少 leaders（专业（课程）负责人），至少一人",
            "people.yaml majors 第 3 项（460702）：firstYear（开设年份）“二〇一五”不是年份",
            "people.yaml majors 第 3 项（460702）：firstGraduationYear（首届毕业年份）：缺少首届毕业年份",
            "people.yaml people 第 2 项（songkai）：校外专家须写明 expert（sector 类别、organisation 工作单位、field 专业领域）",
            "people.yaml people 第 3 项（liangchen）：expert 的 sector（专家类别）“协会”无效，应为 行企 / 政府 / 用人单位",
            "people.yaml people 第 3 项（liangchen）：expert 缺少 organisation（工作单位）"));
  }

  @Test
  void reportsEveryProblemWithWhereItIs() {
    assertThatThrownBy(() -> OrganisationFileReader.read("college.yaml", yaml("""
        college: 测试学院
        units:
          - { id: jwc, name: 教务处, kind: FUNCTIONAL_DEPARTMENT, system: TEACHING }
          - { id: jwc, name: 重复, kind: QA_BODY, parent: nowhere }
          - { id: Bad_Id, kind: CLUB }
        roles:
          - { id: role-teacher, name: 教师 }
        """), "people.yaml", yaml("""
        people:
          - { id: x1, name: 王五, headOf: [missing], memberOf: [ghost] }
          - { id: x2, name: 买买提·艾力 }
          - { id: x3, familyName: 张 }
          - { id: x4, name: 张小雨, familyName: 张, givenName: 晓雨 }
          - { id: x5 }
          - { id: x6, name: 王六, email: "wangliu at zhengai" }
        """)))
        .isInstanceOfSatisfying(OrganisationFileException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "college.yaml units 第 1 项：system \"TEACHING\" 无效，应为 DECISION_COMMAND / QUALITY_GENERATION / RESOURCE_BUILDING / SUPPORT_SERVICE / SUPERVISION_CONTROL",
            "college.yaml units 第 1 项（jwc）：职能部门和教学单位必须指明所属系统 system",
            "college.yaml units 第 2 项：id jwc 重复",
            "college.yaml units 第 3 项：id \"Bad_Id\" 只能包含小写字母、数字、点和连字符",
            "college.yaml units 第 3 项：缺少名称 name",
            "college.yaml units 第 3 项：kind \"CLUB\" 无效，应为 LEADERSHIP / FUNCTIONAL_DEPARTMENT / TEACHING_UNIT / QA_BODY / MAJOR / COURSE",
            "college.yaml：roles 中缺少部门负责人角色 role-dept-head",
            "college.yaml：单位 jwc 的上级单位 nowhere 不存在",
            "people.yaml people 第 1 项（x1）：headOf 中的 missing 不是职能部门或教学单位",
            "people.yaml people 第 1 项（x1）：所属组 ghost 不存在",
            "people.yaml people 第 2 项（x2）：无法自动拆分姓名“买买提·艾力”，请写明 familyName（姓）和 givenName（名）",
            "people.yaml people 第 3 项（x3）：familyName（姓）和 givenName（名）须同时填写",
            "people.yaml people 第 4 项（x4）：姓名 张小雨 与姓 张、名 晓雨 不一致",
            "people.yaml people 第 5 项（x5）：缺少姓名 name",
            "people.yaml people 第 6 项（x6）：电子邮件地址 email“wangliu at zhengai”无效，应写成 name@example.edu.cn"));
  }

  @Test
  void plainChineseNamesSplitIntoFamilyAndGivenName() {
    assertThat(ChineseName.split("王芳")).contains(new ChineseName("王", "芳"));
    assertThat(ChineseName.split("张小雨")).contains(new ChineseName("张", "小雨"));
    assertThat(ChineseName.split("欧阳修")).contains(new ChineseName("欧阳", "修"));
    assertThat(ChineseName.split("司马相如")).contains(new ChineseName("司马", "相如"));
    // two characters are always surname and given name, also where they begin like a compound surname
    assertThat(ChineseName.split("欧阳")).contains(new ChineseName("欧", "阳"));
    assertThat(ChineseName.split(" 王芳 ")).contains(new ChineseName("王", "芳"));
    assertThat(ChineseName.split("王")).isEmpty();
    assertThat(ChineseName.split("买买提·艾力")).isEmpty();
    assertThat(ChineseName.split("Wang Fang")).isEmpty();
    assertThat(ChineseName.split(null)).isEmpty();
    assertThat(new ChineseName("欧阳", "修").fullName()).isEqualTo("欧阳修");
  }

  @Test
  void refusesAFileThatIsNotYaml() {
    assertThatThrownBy(() -> OrganisationFileReader.read("college.yaml", yaml("units: [ {id: a"), null, null))
        .isInstanceOf(OrganisationFileException.class)
        .hasMessageContaining("college.yaml：不是有效的 YAML");
  }

  @Test
  void theShippedCollegeFileHasTheSeedsDepartmentsInTheirSystems() throws IOException {
    try (InputStream structure = new java.io.FileInputStream("../app/src/main/resources/org/college.yaml");
        InputStream people = new java.io.FileInputStream("../app/src/main/resources/org/demo-people.yaml")) {
      Organisation organisation = OrganisationFileReader.read("college.yaml", structure, "demo-people.yaml", people);
      assertThat(organisation.units().stream().filter(unit -> unit.kind() == UnitKind.TEACHING_UNIT)).hasSize(6);
      assertThat(organisation.units()).extracting(Organisation.Unit::name).contains(
          "院办", "教务处", "人事处", "学工处", "产学研处", "质管办", "宣传部", "发规处", "信息中心", "党委工作部", "总务处", "计财处", "团委");
      assertThat(organisation.units().stream().filter(unit -> unit.system() != null).map(Organisation.Unit::system).distinct())
          .containsExactlyInAnyOrder(QualitySystem.values());
      assertThat(organisation.people()).extracting(Person::id).doesNotHaveDuplicates();
      // every teaching unit has two to four majors, each with a leader; some majors have not graduated a class yet
      for (Organisation.Unit unit : organisation.units().stream().filter(unit -> unit.kind() == UnitKind.TEACHING_UNIT).toList()) {
        assertThat(organisation.majors().stream().filter(major -> major.unit().equals(unit.id())).count()).as(unit.name()).isBetween(2L, 4L);
      }
      assertThat(organisation.majors()).allMatch(major -> !major.leaders().isEmpty() && !major.qaMembers().isEmpty());
      assertThat(organisation.majors()).anyMatch(major -> major.firstGraduationYear() > 2026);
      assertThat(organisation.people().stream().filter(person -> person.expert() != null).map(person -> person.expert().sector()))
          .hasSizeGreaterThanOrEqualTo(6).contains(ExpertSector.values());
    }
  }

  private static InputStream yaml(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
