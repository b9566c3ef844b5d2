package cn.zhengai.planning;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Every planning table by its API id. */
@Component
public class PlanningTables {

  /**
   * The seed's order: the work package (表1–3), the target chain (表4, targets, 表5), tracking (表6), 表7, 表8; then
   * the organisation's majors and the teaching units' working groups.
   */
  private static final List<String> ORDER = List.of("duties", "work-items", "work-standards", "plans", "targets", "indicators",
      "key-tasks", "task-tracking", "standards", "schedule", "majors", "working-groups");

  private final Map<String, PlanningTable> byId = new LinkedHashMap<>();

  PlanningTables(List<PlanningTable> tables) {
    tables.stream().sorted(Comparator.comparingInt(table -> ORDER.indexOf(table.id())))
        .forEach(table -> byId.put(table.id(), table));
  }

  public PlanningTable get(String id) {
    PlanningTable table = byId.get(id);
    if (table == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有名为“" + id + "”的表；可用的表：" + String.join("、", byId.keySet()));
    }
    return table;
  }

  public List<PlanningTable> all() {
    return List.copyOf(byId.values());
  }
}
