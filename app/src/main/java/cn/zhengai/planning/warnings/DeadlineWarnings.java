package cn.zhengai.planning.warnings;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.integration.org.Organisation;
import cn.zhengai.notification.Notifications;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.UnitDirectory;
import cn.zhengai.planning.schedule.ScheduleDue;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadline warnings on the year's tasks (表5/表6) and the build schedule (表8): a countdown warning some days
 * before an open item is due, an overdue warning once it is past due. Each goes to the heads of every
 * responsible unit as a notification, once per item, due date, stage and unit; the record of it
 * (deadline_warning) is what makes it once, also with several app nodes scanning at the same time.
 */
@Service
public class DeadlineWarnings {

  public static final String TASKS = "task-tracking";
  public static final String SCHEDULE = "schedule";
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineWarnings.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Notifications notifications;
  private final AcademicCalendar calendar;
  private final PlanningSupport support;
  private final int daysBeforeDue;

  DeadlineWarnings(JdbcTemplate jdbc, TransactionTemplate transactions, Notifications notifications,
      AcademicCalendar calendar, PlanningSupport support, @Value("${zhengai.warnings.days-before-due}") int daysBeforeDue) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.notifications = notifications;
    this.calendar = calendar;
    this.support = support;
    this.daysBeforeDue = daysBeforeDue;
  }

  @Scheduled(cron = "${zhengai.warnings.cron}", zone = "Asia/Shanghai")
  void daily() {
    int sent = scan(support.today());
    LOG.info("到期预警：发出 {} 条", sent);
  }

  /** Sends the warnings due on a day; returns how many were sent (none twice). */
  public int scan(LocalDate today) {
    UnitDirectory units = support.directory();
    int sent = 0;
    for (Item item : openItems(today, units)) {
      Optional<Stage> stage = stage(item.due(), today);
      if (stage.isPresent()) {
        for (String unitId : item.unitIds()) {
          sent += warnOnce(item, stage.get(), unitId, today) ? 1 : 0;
        }
      }
    }
    return sent;
  }

  private Optional<Stage> stage(LocalDate due, LocalDate today) {
    if (today.isAfter(due)) {
      return Optional.of(Stage.OVERDUE);
    }
    return ChronoUnit.DAYS.between(today, due) <= daysBeforeDue ? Optional.of(Stage.DUE_SOON) : Optional.empty();
  }

  /** Tasks not reported done, and schedule items not done for this year, with their due dates. */
  private List<Item> openItems(LocalDate today, UnitDirectory units) {
    List<Item> items = new ArrayList<>(jdbc.query("SELECT t.id, t.title, t.deadline, t.unit_id FROM work_task t"
            + " WHERE NOT EXISTS (SELECT 1 FROM task_progress p WHERE p.task_id = t.id AND p.percent = 100)",
        (rs, n) -> new Item(TASKS, rs.getLong("id"), "任务「" + rs.getString("title") + "」",
            rs.getDate("deadline").toLocalDate(), List.of(rs.getString("unit_id")))));
    jdbc.query("SELECT * FROM schedule_item ORDER BY sort_order", rs -> {
      Optional<ScheduleDue> due = ScheduleDue.parse(rs.getString("due_text"));
      Date doneOn = rs.getDate("done_on");
      if (due.isEmpty() || due.get().doneIn(today.getYear(), doneOn == null ? null : doneOn.toLocalDate())) {
        return;
      }
      Optional<LocalDate> dueDate = due.get().dueIn(today.getYear(), calendar);
      if (dueDate.isPresent()) {
        items.add(new Item(SCHEDULE, rs.getLong("id"), "建设进程「" + rs.getString("project") + "：" + rs.getString("content") + "」",
            dueDate.get(), units.resolve(rs.getString("responsible")).unitIds()));
      }
    });
    return items;
  }

  private boolean warnOnce(Item item, Stage stage, String unitId, LocalDate today) {
    Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM deadline_warning WHERE item_table = ? AND item_id = ?"
        + " AND due_date = ? AND stage = ? AND unit_id = ?", Integer.class, item.table(), item.id(), Date.valueOf(item.due()),
        stage.name(), unitId);
    if (already != null && already > 0) {
      return false;
    }
    try {
      transactions.executeWithoutResult(status -> {
        jdbc.update("INSERT INTO deadline_warning (item_table, item_id, due_date, stage, unit_id, warned_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)", item.table(), item.id(), Date.valueOf(item.due()), stage.name(), unitId,
            Timestamp.from(Instant.now(support.clock())));
        notifications.send(Organisation.headGroupOf(unitId), stage.kind, stage.subject(item, today), item.what()
            + "，完成时限 " + item.due() + "。请在表6/表8中填报进度或完成情况。", null);
      });
      return true;
    } catch (DuplicateKeyException anotherNodeWarned) {
      return false;
    }
  }

  /** Before the due date, or after it. */
  enum Stage {
    DUE_SOON(Notifications.Kind.DUE_SOON),
    OVERDUE(Notifications.Kind.OVERDUE);

    private final Notifications.Kind kind;

    Stage(Notifications.Kind kind) {
      this.kind = kind;
    }

    String subject(Item item, LocalDate today) {
      return this == DUE_SOON
          ? "【到期预警】" + item.what() + "将于 " + item.due() + " 到期（还有 " + ChronoUnit.DAYS.between(today, item.due()) + " 天）"
          : "【逾期预警】" + item.what() + "已于 " + item.due() + " 到期，尚未完成";
    }
  }

  /** Something with a due date: which table and row, how to name it, when, and which units answer for it. */
  record Item(String table, long id, String what, LocalDate due, List<String> unitIds) {}
}
