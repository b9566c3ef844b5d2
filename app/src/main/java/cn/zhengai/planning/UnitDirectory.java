package cn.zhengai.planning;

import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the responsibility a table states, in the seed's own words, into the units that carry it: a unit's name
 * or full name ("教务处", "发规处（基建办）"), a list ("院办、教务处、学工处"), or a collective ("各教学单位",
 * "教学单位等", "各部门", "各专业"). A snapshot of the organisation, taken once per request.
 */
public final class UnitDirectory {

  private static final Pattern LIST_SEPARATOR = Pattern.compile("[、，,；;/]");
  private static final Pattern BRACKETED_SUFFIX = Pattern.compile("[（(][^）)]*[）)]$");

  /** Collectives the seed names, and the kinds of unit that carry them. */
  private static final Map<String, Set<UnitKind>> COLLECTIVES = Map.of(
      "教学单位", Set.of(UnitKind.TEACHING_UNIT),
      "部门", Set.of(UnitKind.FUNCTIONAL_DEPARTMENT, UnitKind.TEACHING_UNIT),
      "职工", Set.of(UnitKind.FUNCTIONAL_DEPARTMENT, UnitKind.TEACHING_UNIT),
      // majors, course groups, teachers, classes and students all sit in the teaching units
      "专业", Set.of(UnitKind.TEACHING_UNIT),
      "课程组", Set.of(UnitKind.TEACHING_UNIT),
      "教师", Set.of(UnitKind.TEACHING_UNIT),
      "班级", Set.of(UnitKind.TEACHING_UNIT),
      "学生", Set.of(UnitKind.TEACHING_UNIT));

  private final List<OrgUnit> units;
  private final Map<String, OrgUnit> byName = new HashMap<>();
  private final Map<String, OrgUnit> byId = new HashMap<>();
  private final Map<String, Resolved> resolved = new HashMap<>();

  UnitDirectory(List<OrgUnit> units) {
    this.units = List.copyOf(units);
    for (OrgUnit unit : units) {
      byId.put(unit.id(), unit);
      byName.put(unit.name(), unit);
      if (unit.fullName() != null) {
        byName.putIfAbsent(unit.fullName(), unit);
      }
    }
  }

  /** The one unit of this name (a department or teaching unit), or null. */
  public OrgUnit unitNamed(String name) {
    OrgUnit unit = byName.get(name.trim());
    if (unit == null) {
      unit = byName.get(BRACKETED_SUFFIX.matcher(name.trim()).replaceFirst(""));
    }
    return unit;
  }

  public OrgUnit unit(String id) {
    return byId.get(id);
  }

  /**
   * The units that carry a stated responsibility; names nobody recognises are listed in {@code unknown}. Each
   * spelling is resolved once per directory (a directory serves one save, where thousands of rows name the same few).
   */
  public Resolved resolve(String responsibility) {
    return resolved.computeIfAbsent(responsibility, this::resolveOnce);
  }

  private Resolved resolveOnce(String responsibility) {
    Set<String> unitIds = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String part : LIST_SEPARATOR.split(responsibility)) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      OrgUnit unit = unitNamed(name);
      if (unit != null) {
        unitIds.add(unit.id());
        continue;
      }
      Set<UnitKind> kinds = COLLECTIVES.get(collectiveWord(name));
      if (kinds == null) {
        unknown.add(name);
      } else {
        units.stream().filter(candidate -> kinds.contains(candidate.kind())).forEach(candidate -> unitIds.add(candidate.id()));
      }
    }
    return new Resolved(List.copyOf(unitIds), List.copyOf(unknown));
  }

  /** A stated responsibility in one spelling: a list separated by 、 whatever the separators typed. */
  public static String canonical(String responsibility) {
    if (!LIST_SEPARATOR.matcher(responsibility).find()) {
      return responsibility;
    }
    return String.join("、", LIST_SEPARATOR.splitAsStream(responsibility).map(String::trim).filter(name -> !name.isEmpty()).toList());
  }

  /** "各教学单位" and "教学单位等" name the same collective. */
  private static String collectiveWord(String name) {
    String word = name.startsWith("各") ? name.substring(1) : name;
    return word.endsWith("等") ? word.substring(0, word.length() - 1) : word;
  }

  /** The units behind a responsibility, and the names that matched none. */
  public record Resolved(List<String> unitIds, List<String> unknown) {

    public boolean ok() {
      return unknown.isEmpty() && !unitIds.isEmpty();
    }

    /** Why it cannot be used, in Chinese. */
    public String problem() {
      return unknown.isEmpty() ? "没有指明责任部门" : "“" + String.join("、", unknown) + "”不是本校的部门或教学单位";
    }
  }
}
