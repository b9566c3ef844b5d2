package cn.zhengai.planning.majors;

import cn.zhengai.org.Majors.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People as a sheet names them: 何涛（hetao） (as exports write them), an account (hetao), or a name only one person
 * has (何涛); several separated by 、 or a comma. A snapshot of the accounts, taken once per save.
 */
final class People {

  private static final Pattern SEPARATOR = Pattern.compile("[、，,；;\\s]+");
  private static final Pattern NAME_AND_ACCOUNT = Pattern.compile("(.*)（([^（）]+)）");

  private final Map<String, String> namesById = new HashMap<>();
  private final Map<String, List<String>> idsByName = new HashMap<>();

  People(List<Person> people) {
    for (Person person : people) {
      namesById.put(person.id(), person.name());
      idsByName.computeIfAbsent(person.name(), name -> new ArrayList<>()).add(person.id());
    }
  }

  /** The accounts as a cell writes them: 何涛（hetao）、林峰（linfeng）. */
  String written(List<String> accounts) {
    return String.join("、", accounts.stream().map(id -> namesById.getOrDefault(id, "") + "（" + id + "）").toList());
  }

  /** The cell with every person it names written 何涛（hetao）; what names nobody is left as typed. */
  String canonical(String cell) {
    List<String> parts = new ArrayList<>();
    for (String part : parts(cell)) {
      String account = account(part);
      parts.add(account == null ? part : namesById.get(account) + "（" + account + "）");
    }
    return String.join("、", parts);
  }

  /** The accounts a checked cell names, each once, in its order. */
  List<String> accounts(String cell) {
    Set<String> accounts = new LinkedHashSet<>();
    parts(cell).forEach(part -> accounts.add(account(part)));
    return List.copyOf(accounts);
  }

  /** Why parts of the cell name nobody, or more than one person. */
  List<String> problems(String cell) {
    List<String> problems = new ArrayList<>();
    for (String part : parts(cell)) {
      if (account(part) != null) {
        continue;
      }
      List<String> named = idsByName.getOrDefault(part, List.of());
      problems.add(named.size() > 1
          ? "有 " + named.size() + " 人名为“" + part + "”（" + String.join("、", named) + "），请写明账号，如 " + part + "（" + named.get(0) + "）"
          : "“" + part + "”不是本校人员的账号或姓名");
    }
    return problems;
  }

  private String account(String part) {
    Matcher written = NAME_AND_ACCOUNT.matcher(part);
    String id = written.matches() ? written.group(2).trim() : part;
    if (namesById.containsKey(id)) {
      return id;
    }
    List<String> named = idsByName.getOrDefault(part, List.of());
    return !written.matches() && named.size() == 1 ? named.get(0) : null;
  }

  private static List<String> parts(String cell) {
    return cell == null || cell.isBlank() ? List.of()
        : SEPARATOR.splitAsStream(cell.trim()).filter(part -> !part.isEmpty()).toList();
  }
}
