package cn.zhengai.integration.org;

import cn.zhengai.integration.org.Organisation.Expert;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.integration.org.Organisation.Person;
import cn.zhengai.integration.org.Organisation.Role;
import cn.zhengai.integration.org.Organisation.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the college's structure file and, optionally, a demo-people file, and checks them whole: every problem
 * is collected (file, entry, field) before anything is returned, so that nothing half-read gets imported.
 */
public final class OrganisationFileReader {

  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  private final List<String> problems = new ArrayList<>();

  private OrganisationFileReader() {}

  /**
   * @param structureName name of the structure file, used in messages
   * @param peopleName name of the demo-people file, used in messages; {@code people} may be null
   */
  public static Organisation read(String structureName, InputStream structure, String peopleName, InputStream people)
      throws IOException {
    return new OrganisationFileReader().readBoth(structureName, structure, peopleName, people);
  }

  private Organisation readBoth(String structureName, InputStream structure, String peopleName, InputStream peopleIn)
      throws IOException {
    Map<String, Object> main = load(structureName, structure);
    Map<String, Object> demo = peopleIn == null ? Map.of() : load(peopleName, peopleIn);
    if (!problems.isEmpty()) {
      throw new OrganisationFileException(problems);
    }
    String college = text(main.get("college"));
    if (college == null) {
      problems.add(structureName + "：缺少学校名称 college");
    }
    List<Unit> units = new ArrayList<>();
    readUnits(structureName, "units", main, null, units);
    readUnits(peopleName, "courses", demo, UnitKind.COURSE, units);
    List<Role> roles = readRoles(structureName, main);
    List<Major> majors = readMajors(peopleName, demo, units);
    Set<String> groupIds = new HashSet<>();
    units.forEach(unit -> groupIds.add(unit.id()));
    roles.forEach(role -> groupIds.add(role.id()));
    majors.forEach(major -> groupIds.add(Organisation.majorGroupOf(major.code())));
    checkParents(structureName, units, groupIds);
    List<Person> people = readPeople(peopleName, demo, units, groupIds);
    checkMajorPeople(peopleName, majors, people);
    if (!problems.isEmpty()) {
      throw new OrganisationFileException(problems);
    }
    return new Organisation(college, List.copyOf(units), roles, majors, people);
  }

  private Map<String, Object> load(String name, InputStream in) throws IOException {
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      if (document == null) {
        problems.add(name + "：文件为空");
        return Map.of();
      }
      if (!(document instanceof Map<?, ?> map)) {
        problems.add(name + "：顶层应为键值结构（college、units、roles…）");
        return Map.of();
      }
      return cast(map);
    } catch (YAMLException e) {
      problems.add(name + "：不是有效的 YAML：" + e.getMessage());
      return Map.of();
    }
  }

  private void readUnits(String file, String section, Map<String, Object> document, UnitKind fixedKind, List<Unit> units) {
    List<Map<String, Object>> entries = entries(file, section, document);
    Set<String> seen = new HashSet<>();
    units.forEach(unit -> seen.add(unit.id()));
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> entry = entries.get(i);
      String where = file + " " + section + " 第 " + (i + 1) + " 项";
      String id = requiredId(where, entry, seen);
      String name = text(entry.get("name"));
      if (name == null) {
        problems.add(where + "：缺少名称 name");
      }
      UnitKind kind = fixedKind != null ? fixedKind : enumValue(where, "kind", entry, UnitKind.class, true);
      QualitySystem system = enumValue(where, "system", entry, QualitySystem.class, false);
      if ((kind == UnitKind.FUNCTIONAL_DEPARTMENT || kind == UnitKind.TEACHING_UNIT) && system == null) {
        problems.add(where + "（" + id + "）：职能部门和教学单位必须指明所属系统 system");
      }
      boolean submits = Boolean.TRUE.equals(entry.get("submitsAnnualPlan"));
      String fullName = text(entry.get("fullName"));
      units.add(new Unit(id, name, fullName == null ? name : fullName, kind, system, text(entry.get("parent")), submits,
          units.size()));
    }
  }

  /** A unit's parent is a unit; a course's may be a major's group ({@code major-500211}). */
  private void checkParents(String file, List<Unit> units, Set<String> groupIds) {
    for (Unit unit : units) {
      if (unit.parent() != null && !groupIds.contains(unit.parent())) {
        problems.add(file + "：单位 " + unit.id() + " 的上级单位 " + unit.parent() + " 不存在");
      }
    }
  }

  /**
   * The majors: 专业代码 (code), 专业名称 (name), 所属二级学院 (unit), 专业（课程）负责人 (leaders), 专业带头人
   * (chiefTeachers), 专业（课程）质量保证小组 (qaGroup), 开设年份 (firstYear), 首届毕业年份 (firstGraduationYear).
   */
  private List<Major> readMajors(String file, Map<String, Object> document, List<Unit> units) {
    Map<String, Unit> unitsById = new LinkedHashMap<>();
    units.forEach(unit -> unitsById.put(unit.id(), unit));
    List<Major> majors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> entries = entries(file, "majors", document);
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> entry = entries.get(i);
      String code = text(entry.get("code"));
      String where = file + " majors 第 " + (i + 1) + " 项" + (code == null ? "" : "（" + code + "）");
      String codeProblem = MajorRules.codeProblem(code);
      if (codeProblem != null) {
        problems.add(where + "：code（专业代码）：" + codeProblem);
      } else if (!seen.add(code)) {
        problems.add(where + "：code（专业代码）" + code + " 重复");
      }
      String name = text(entry.get("name"));
      if (name == null) {
        problems.add(where + "：缺少 name（专业名称）");
      }
      String unitId = text(entry.get("unit"));
      Unit unit = unitId == null ? null : unitsById.get(unitId);
      if (unitId == null) {
        problems.add(where + "：缺少 unit（所属二级学院）");
      } else if (unit == null || unit.kind() != UnitKind.TEACHING_UNIT) {
        problems.add(where + "：unit（所属二级学院）" + unitId + " 不是本校的教学单位");
      }
      List<String> leaders = list(where, "leaders", entry);
      if (leaders.isEmpty()) {
        problems.add(where + "：缺少 leaders（专业（课程）负责人），至少一人");
      }
      Integer firstYear = year(where, entry, "firstYear", "开设年份");
      Integer firstGraduation = year(where, entry, "firstGraduationYear", "首届毕业年份");
      if (firstYear != null && firstGraduation != null) {
        String order = MajorRules.graduationProblem(firstYear, firstGraduation);
        if (order != null) {
          problems.add(where + "：firstGraduationYear（首届毕业年份）：" + order);
        }
      }
      majors.add(new Major(code, name, unitId, leaders, list(where, "chiefTeachers", entry), list(where, "qaGroup", entry),
          firstYear == null ? 0 : firstYear, firstGraduation == null ? 0 : firstGraduation));
    }
    return majors;
  }

  private Integer year(String where, Map<String, Object> entry, String field, String label) {
    String text = text(entry.get(field));
    Integer year = null;
    if (text != null) {
      try {
        year = Integer.valueOf(text);
      } catch (NumberFormatException e) {
        problems.add(where + "：" + field + "（" + label + "）“" + text + "”不是年份");
        return null;
      }
    }
    String problem = MajorRules.yearProblem(label, year);
    if (problem != null) {
      problems.add(where + "：" + field + "（" + label + "）：" + problem);
    }
    return year;
  }

  /** Everyone a major names is a person of the files. */
  private void checkMajorPeople(String file, List<Major> majors, List<Person> people) {
    Set<String> ids = new HashSet<>();
    people.forEach(person -> ids.add(person.id()));
    for (int i = 0; i < majors.size(); i++) {
      Major major = majors.get(i);
      String where = file + " majors 第 " + (i + 1) + " 项" + (major.code() == null ? "" : "（" + major.code() + "）");
      checkPeople(where, "leaders（专业（课程）负责人）", major.leaders(), ids);
      checkPeople(where, "chiefTeachers（专业带头人）", major.chiefTeachers(), ids);
      checkPeople(where, "qaGroup（专业（课程）质量保证小组）", major.qaMembers(), ids);
    }
  }

  private void checkPeople(String where, String field, List<String> named, Set<String> ids) {
    for (String person : named) {
      if (!ids.contains(person)) {
        problems.add(where + "：" + field + " 中的 " + person + " 不是 people 中的人员");
      }
    }
  }

  private List<Role> readRoles(String file, Map<String, Object> document) {
    List<Role> roles = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> entries = entries(file, "roles", document);
    for (int i = 0; i < entries.size(); i++) {
      String where = file + " roles 第 " + (i + 1) + " 项";
      String id = requiredId(where, entries.get(i), seen);
      String name = text(entries.get(i).get("name"));
      if (name == null) {
        problems.add(where + "：缺少名称 name");
      }
      roles.add(new Role(id, name));
    }
    if (roles.stream().noneMatch(role -> Organisation.DEPARTMENT_HEAD_ROLE.equals(role.id()))) {
      problems.add(file + "：roles 中缺少部门负责人角色 " + Organisation.DEPARTMENT_HEAD_ROLE);
    }
    return roles;
  }

  private List<Person> readPeople(String file, Map<String, Object> document, List<Unit> units, Set<String> groupIds) {
    Map<String, Unit> byId = new LinkedHashMap<>();
    units.forEach(unit -> byId.put(unit.id(), unit));
    List<Person> people = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> entries = entries(file, "people", document);
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> entry = entries.get(i);
      String where = file + " people 第 " + (i + 1) + " 项";
      String id = requiredId(where, entry, seen);
      ChineseName name = personName(where + "（" + id + "）", entry);
      List<String> headOf = list(where, "headOf", entry);
      for (String unit : headOf) {
        Unit led = byId.get(unit);
        if (led == null || !led.hasHeads()) {
          problems.add(where + "（" + id + "）：headOf 中的 " + unit + " 不是职能部门或教学单位");
        }
      }
      List<String> memberOf = list(where, "memberOf", entry);
      List<String> roles = list(where, "roles", entry);
      for (String group : concat(memberOf, roles)) {
        if (!groupIds.contains(group)) {
          problems.add(where + "（" + id + "）：所属组 " + group + " 不存在");
        }
      }
      Expert expert = expert(where + "（" + id + "）", entry);
      if (expert != null && !groupIds.contains(Organisation.EXPERT_ROLE)) {
        problems.add(where + "（" + id + "）：校外专家须有角色 " + Organisation.EXPERT_ROLE + "，但 roles 中没有");
      }
      if (expert == null && roles.contains(Organisation.EXPERT_ROLE) && !entry.containsKey("expert")) {
        problems.add(where + "（" + id + "）：校外专家须写明 expert（sector 类别、organisation 工作单位、field 专业领域）");
      }
      people.add(new Person(id, name, headOf, memberOf, roles, expert, email(where + "（" + id + "）", entry)));
    }
    return people;
  }

  /** A person's e-mail address ({@code email}, optional): one address with a name, an @ and a domain. */
  private String email(String where, Map<String, Object> entry) {
    String email = text(entry.get("email"));
    if (email != null && (email.length() > 255 || !EMAIL.matcher(email).matches())) {
      problems.add(where + "：电子邮件地址 email“" + email + "”无效，应写成 name@example.edu.cn");
      return null;
    }
    return email;
  }

  /** An external expert's particulars ({@code expert: { sector: 行企, organisation: …, field: … }}), or null. */
  private Expert expert(String where, Map<String, Object> entry) {
    Object value = entry.get("expert");
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(where + "：expert 应写成 { sector: 行企, organisation: 工作单位, field: 专业领域 }");
      return null;
    }
    String sectorText = text(map.get("sector"));
    ExpertSector sector = ExpertSector.of(sectorText);
    if (sector == null) {
      problems.add(where + "：expert 的 sector（专家类别）" + (sectorText == null ? "未填写" : "“" + sectorText + "”无效")
          + "，应为 行企 / 政府 / 用人单位");
    }
    String organisation = text(map.get("organisation"));
    if (organisation == null) {
      problems.add(where + "：expert 缺少 organisation（工作单位）");
    }
    String field = text(map.get("field"));
    if (field == null) {
      problems.add(where + "：expert 缺少 field（专业领域）");
    }
    return sector == null || organisation == null || field == null ? null : new Expert(sector, organisation, field);
  }

  /**
   * A person's name: {@code name} (王芳), split into 姓 and 名 by itself where that is certain, or its parts
   * {@code familyName} (姓) and {@code givenName} (名) for names it cannot split (张王小雨, 买买提·艾力).
   */
  private ChineseName personName(String where, Map<String, Object> entry) {
    String name = text(entry.get("name"));
    String familyName = text(entry.get("familyName"));
    String givenName = text(entry.get("givenName"));
    if (familyName != null || givenName != null) {
      if (familyName == null || givenName == null) {
        problems.add(where + "：familyName（姓）和 givenName（名）须同时填写");
        return null;
      }
      ChineseName parts = new ChineseName(familyName, givenName);
      if (name != null && !name.equals(parts.fullName())) {
        problems.add(where + "：姓名 " + name + " 与姓 " + familyName + "、名 " + givenName + " 不一致");
      }
      return parts;
    }
    if (name == null) {
      problems.add(where + "：缺少姓名 name");
      return null;
    }
    return ChineseName.split(name).orElseGet(() -> {
      problems.add(where + "：无法自动拆分姓名“" + name + "”，请写明 familyName（姓）和 givenName（名）");
      return null;
    });
  }

  private String requiredId(String where, Map<String, Object> entry, Set<String> seen) {
    String id = text(entry.get("id"));
    if (id == null) {
      problems.add(where + "：缺少 id");
      return "";
    }
    if (!ID.matcher(id).matches()) {
      problems.add(where + "：id \"" + id + "\" 只能包含小写字母、数字、点和连字符");
    }
    if (!seen.add(id)) {
      problems.add(where + "：id " + id + " 重复");
    }
    return id;
  }

  private <E extends Enum<E>> E enumValue(String where, String field, Map<String, Object> entry, Class<E> type,
      boolean required) {
    String value = text(entry.get(field));
    if (value == null) {
      if (required) {
        problems.add(where + "：缺少 " + field);
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name());
      }
      problems.add(where + "：" + field + " \"" + value + "\" 无效，应为 " + String.join(" / ", allowed));
      return null;
    }
  }

  private List<Map<String, Object>> entries(String file, String section, Map<String, Object> document) {
    Object value = document.get(section);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problems.add(file + "：" + section + " 应为列表");
      return List.of();
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> map) {
        entries.add(cast(map));
      } else {
        problems.add(file + " " + section + " 第 " + (i + 1) + " 项：应为 { id: …, name: … } 形式");
        entries.add(Map.of());
      }
    }
    return entries;
  }

  private List<String> list(String where, String field, Map<String, Object> entry) {
    Object value = entry.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problems.add(where + "：" + field + " 应为列表，例如 [jwc]");
      return List.of();
    }
    return list.stream().map(String::valueOf).toList();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value).trim();
    return text.isEmpty() ? null : text;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
