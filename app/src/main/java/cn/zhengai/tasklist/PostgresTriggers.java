package cn.zhengai.tasklist;

import static cn.zhengai.tasklist.CandidateTaskIndex.REFRESH;
import static cn.zhengai.tasklist.CandidateTaskIndex.TASK_CHANGED;
import static cn.zhengai.tasklist.CandidateTaskIndex.TASK_GONE;
import static cn.zhengai.tasklist.CandidateTaskIndex.TASK_RESOURCE;
import static cn.zhengai.tasklist.CandidateTaskIndex.TRIGGERS;
import static cn.zhengai.tasklist.CandidateTaskIndex.substituted;

import cn.zhengai.tasklist.CandidateTaskIndex.Watched;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@link CandidateTaskIndex}'s triggers on PostgreSQL: PL/pgSQL functions running the index's statements. */
final class PostgresTriggers {

  private static final String REFRESH_FUNCTION = "candidate_task_refresh";

  /**
   * The refresh and each trigger's function, created or replaced at every start: a later release's statements take
   * effect without filling the index again.
   */
  static final List<String> FUNCTIONS = Stream.concat(
      Stream.of(function(REFRESH_FUNCTION + "(p_group VARCHAR, p_task VARCHAR) RETURNS VOID",
          "PERFORM 1 FROM ACT_RU_TASK WHERE ID_ = p_task FOR NO KEY UPDATE;\n"
              + statements(REFRESH, Map.of("group", "p_group", "task", "p_task")))),
      TRIGGERS.stream().map(trigger -> function(functionOf(trigger) + "() RETURNS TRIGGER", body(trigger)))).toList();

  private PostgresTriggers() {}

  /** Creates {@code trigger}, calling its function. */
  static String create(Watched trigger) {
    return "CREATE TRIGGER " + trigger.name() + " AFTER " + String.join(" OR ", trigger.events()) + " ON " + trigger.table()
        + " FOR EACH ROW EXECUTE FUNCTION " + functionOf(trigger) + "()";
  }

  private static String functionOf(Watched trigger) {
    return trigger.name().toLowerCase();
  }

  private static String body(Watched trigger) {
    return switch (trigger.table()) {
      case "ACT_RU_TASK" -> "IF TG_OP = 'DELETE' THEN\n" + statements(TASK_GONE, Map.of("task", "OLD.ID_"))
          + "ELSIF (OLD.CREATE_TIME_, OLD.TENANT_ID_, OLD.SUSPENSION_STATE_)"
          + " IS DISTINCT FROM (NEW.CREATE_TIME_, NEW.TENANT_ID_, NEW.SUSPENSION_STATE_) THEN\n"
          + statements(List.of(TASK_CHANGED), Map.of("task", "NEW.ID_", "created", "NEW.CREATE_TIME_",
              "tenant", "NEW.TENANT_ID_", "state", "NEW.SUSPENSION_STATE_"))
          + "END IF;\nRETURN NULL;";
      case "ACT_RU_IDENTITYLINK" -> refreshBoth("TASK_ID_", "");
      case "ACT_RU_AUTHORIZATION" -> refreshBoth("RESOURCE_ID_", " AND %1$s.RESOURCE_TYPE_ = " + TASK_RESOURCE);
      default -> throw new IllegalArgumentException("候选任务索引的触发器不应建在表 " + trigger.table() + " 上");
    };
  }

  private static String function(String signature, String body) {
    return "CREATE OR REPLACE FUNCTION " + signature + " LANGUAGE plpgsql AS $$\nBEGIN\n" + body + "\nEND\n$$";
  }

  private static String statements(List<String> statements, Map<String, String> values) {
    return statements.stream().map(statement -> substituted(statement, values) + ";\n").collect(Collectors.joining());
  }

  /**
   * Refreshes the group and task of the row before the change and of the row after it ({@code condition}: which
   * rows, {@code %1$s} standing for OLD or NEW).
   */
  private static String refreshBoth(String task, String condition) {
    StringBuilder body = new StringBuilder();
    for (String row : List.of("OLD", "NEW")) {
      body.append("IF TG_OP <> '").append(row.equals("OLD") ? "INSERT" : "DELETE").append("' AND ").append(row)
          .append(".GROUP_ID_ IS NOT NULL AND ").append(row).append('.').append(task).append(" IS NOT NULL")
          .append(String.format(condition, row)).append(" THEN\n  PERFORM ").append(REFRESH_FUNCTION).append('(')
          .append(row).append(".GROUP_ID_, ").append(row).append('.').append(task).append(");\nEND IF;\n");
    }
    return body.append("RETURN NULL;").toString();
  }
}
