package cn.zhengai.tasks;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.planning.ChangeLog;
import cn.zhengai.planning.ChangeLog.Change;
import cn.zhengai.planning.PlanningTables;
import cn.zhengai.processes.CycleDecisions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A review of returned work opens with what the unit changed since the return: each field its form shows, old and
 * new, and for work kept in a planning table (the year's targets) the rows changed since. A reviewer then checks the
 * answer to the reason instead of reading the whole work again. A first review shows nothing.
 */
@ModelBean("复审时列出单位自上次退回以来修改了什么（任务创建时）")
@Component(CycleDecisions.LIST_CHANGES_SINCE_RETURN)
class ChangesSinceReturnListener implements TaskListener {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(CollegeTime.ZONE);
  private static final Map<ChangeLog.Action, String> ACTIONS =
      Map.of(ChangeLog.Action.CREATED, "新增", ChangeLog.Action.CHANGED, "修改", ChangeLog.Action.DELETED, "删除");

  private final ChangeLog changeLog;
  private final PlanningTables tables;

  ChangesSinceReturnListener(ChangeLog changeLog, PlanningTables tables) {
    this.changeLog = changeLog;
    this.tables = tables;
  }

  @Override
  public void notify(DelegateTask review) {
    ReturnedWork.Snapshot returned = ReturnedWork.lastReturned(review);
    if (returned == null) {
      return;
    }
    List<String> changes = new ArrayList<>();
    ReturnedWork.workShownBy(review).forEach((key, label) -> {
      String before = returned.values().getOrDefault(key, "");
      String after = ReturnedWork.text(review.getVariable(key));
      if (!before.equals(after)) {
        changes.add("【" + label + "】\n原：" + shown(before) + "\n现：" + shown(after));
      }
    });
    String table = CycleDecisions.RETURNED_WORK_TABLE.get(review.getTaskDefinitionKey());
    if (table != null) {
      String sheet = tables.get(table).sheetName();
      for (Change change : changeLog.since(table, Instant.parse(returned.returnedAt()))) {
        StringBuilder line = new StringBuilder(sheet + "：" + ACTIONS.get(change.action()) + "「" + change.rowKey() + "」（"
            + WHEN.format(change.changedAt()) + "）");
        if (change.action() == ChangeLog.Action.CHANGED) {
          change.cells().forEach(cell -> line.append("；").append(cell.column()).append(" ").append(shown(cell.before()))
              .append(" → ").append(shown(cell.after())));
        }
        changes.add(line.toString());
      }
    }
    review.setVariableLocal(CycleDecisions.CHANGES_SINCE_RETURN,
        changes.isEmpty() ? "自上次退回以来未作任何修改。" : String.join("\n", changes));
  }

  private static String shown(String value) {
    return value.isEmpty() ? "（空）" : value;
  }
}
