package cn.zhengai.planning.warnings;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.nodes.NodeLock;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.UnitDirectory;
import cn.zhengai.planning.schedule.ScheduleDue;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadline warnings on the year's tasks (表5/表6) and the build schedule (表8): a countdown warning some days
 * before an open item is due, an overdue warning once it is past due, once per item, due date, stage and unit;
 * the record of it (deadline_warning) is what makes it once. Every node scans daily; the scans hold a
 * {@link NodeLock}, so that nodes scanning at the same time scan one after the other and the later one finds nothing
 * new to warn of, and no second digest. The heads of the responsible units hear of them as one digest per person and day, listing their items
 * (the first few in the message, all of them page by page in {@link #listed}).
 */
@Service
public class DeadlineWarnings {

  public static final String TASKS = "task-tracking";
  public static final String SCHEDULE = "schedule";
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineWarnings.class);
  /** Lines of the list a digest message shows; the rest are paged through the API. */
  static final int DIGEST_LINES = 10;

  private final JdbcTemplate jdbc;
  private final Notifications notifications;
  private final AcademicCalendar calendar;
  private final PlanningSupport support;
  private final int daysBeforeDue;
  private final NodeLock nodeLock;
  private final TransactionTemplate transaction;

  DeadlineWarnings(JdbcTemplate jdbc, Notifications notifications,
      AcademicCalendar calendar, PlanningSupport support, @Value("${zhengai.warnings.days-before-due}") int daysBeforeDue,
      NodeLock nodeLock, PlatformTransactionManager transactionManager) {
    this.nodeLock = nodeLock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
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

  /**
   * Records the warnings due on a day and sends each person concerned one digest; returns how many were new. One
   * transaction, one node at a time. Only this year and the last are looked at (an item of last December is still
   * warned after New Year; older years are history, closed by their year-end review), and only items due by the end
   * of the countdown; what was warned before is read in one query, not asked item by item.
   */
  public int scan(LocalDate today) {
    return transaction.execute(status -> {
      nodeLock.holdUntilCommit(NodeLock.DEADLINE_SCAN);
      return scanAlone(today);
    });
  }

  private int scanAlone(LocalDate today) {
    UnitDirectory units = support.directory();
    Window window = new Window(LocalDate.of(today.getYear() - 1, 1, 1), today.plusDays(daysBeforeDue));
    Set<Warned> warned = warnedIn(window);
    int sent = 0;
    for (Item item : openItems(today, window, units)) {
      Stage stage = today.isAfter(item.due()) ? Stage.OVERDUE : Stage.DUE_SOON;
      for (String unitId : item.unitIds()) {
        if (!warned.contains(new Warned(item.table(), item.id(), item.due(), stage.name(), unitId))) {
          record(item, stage, unitId, today);
          sent++;
        }
      }
    }
    if (sent > 0) {
      sendDigests(today, units);
    }
    return sent;
  }

  /** One message per head of a unit warned today, listing all of the day's warnings of their units. */
  private void sendDigests(LocalDate today, UnitDirectory units) {
    Map<String, List<String>> headsOf = new HashMap<>();
    jdbc.query("SELECT GROUP_ID_, USER_ID_ FROM ACT_ID_MEMBERSHIP WHERE GROUP_ID_ LIKE ?", rs -> {
      headsOf.computeIfAbsent(rs.getString(1), group -> new ArrayList<>()).add(rs.getString(2));
    }, OrgGroups.HEAD_GROUP_PREFIX + "%");
    Map<String, Set<String>> unitsOfPerson = new TreeMap<>();
    for (String unitId : jdbc.queryForList("SELECT DISTINCT unit_id FROM deadline_warning WHERE warned_on = ?", String.class,
        Date.valueOf(today))) {
      for (String person : headsOf.getOrDefault(OrgGroups.headsOf(unitId), List.of())) {
        unitsOfPerson.computeIfAbsent(person, p -> new TreeSet<>()).add(unitId);
      }
    }
    unitsOfPerson.forEach((person, unitIds) -> {
      Page page = listed(List.copyOf(unitIds), today, 0, DIGEST_LINES, units);
      long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM deadline_warning WHERE warned_on = ? AND unit_id IN ("
          + placeholders(unitIds.size()) + ") AND stage = 'OVERDUE'", Long.class, parameters(today, unitIds));
      StringBuilder body = new StringBuilder();
      for (Listed line : page.items()) {
        body.append(line.stage()).append("｜").append(line.what()).append("（").append(line.unit()).append("）完成时限 ")
            .append(line.due()).append('\n');
      }
      if (page.total() > page.items().size()) {
        body.append("…… 另有 ").append(page.total() - page.items().size()).append(" 项");
      }
      body.append("\n完整清单（分页）：GET /api/planning/warnings?day=").append(today).append("&page=0。请在表6/表8中填报进度或完成情况。");
      String subject = "【到期预警】" + today + "：您负责的单位有 " + page.total() + " 项到期或逾期"
          + (overdue > 0 ? "（其中逾期 " + overdue + " 项）" : "");
      notifications.sendDaily(person, overdue > 0 ? Notifications.Kind.OVERDUE : Notifications.Kind.DUE_SOON, today,
          CollegeTime.ZONE, subject, body.length() > 2000 ? body.substring(0, 1999) + "…" : body.toString());
    });
  }

  /** The warnings recorded on a day for some units, a page at a time, overdue first. */
  public Page listed(List<String> unitIds, LocalDate day, int page, int size, UnitDirectory units) {
    if (unitIds.isEmpty()) {
      return new Page(day, 0, page, size, List.of());
    }
    String where = " FROM deadline_warning WHERE warned_on = ? AND unit_id IN (" + placeholders(unitIds.size()) + ")";
    long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, parameters(day, unitIds));
    List<Object> arguments = new ArrayList<>(List.of(parameters(day, unitIds)));
    arguments.add(size);
    arguments.add((long) page * size);
    List<Listed> items = jdbc.query("SELECT *" + where + " ORDER BY stage DESC, due_date, item_table, item_id, unit_id"
        + " LIMIT ? OFFSET ?", (rs, n) -> {
          var unit = units.unit(rs.getString("unit_id"));
          return new Listed(rs.getString("item_table"), rs.getLong("item_id"), rs.getString("item_text"),
              rs.getDate("due_date").toLocalDate(), Stage.valueOf(rs.getString("stage")).label,
              unit == null ? rs.getString("unit_id") : unit.name());
        }, arguments.toArray());
    return new Page(day, total, page, size, items);
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private static Object[] parameters(LocalDate day, java.util.Collection<String> unitIds) {
    List<Object> values = new ArrayList<>();
    values.add(Date.valueOf(day));
    values.addAll(unitIds);
    return values.toArray();
  }

  /** The warnings recorded for items due in the window: what a scan need not record again. */
  private Set<Warned> warnedIn(Window window) {
    Set<Warned> warned = new HashSet<>();
    jdbc.query("SELECT item_table, item_id, due_date, stage, unit_id FROM deadline_warning WHERE due_date BETWEEN ? AND ?",
        rs -> {
          warned.add(new Warned(rs.getString(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5)));
        }, Date.valueOf(window.from()), Date.valueOf(window.to()));
    return warned;
  }

  /** Tasks not reported done, and schedule items not done for this year, due in the window. */
  private List<Item> openItems(LocalDate today, Window window, UnitDirectory units) {
    List<Item> items = new ArrayList<>(jdbc.query("SELECT t.id, t.title, t.deadline, t.unit_id FROM work_task t"
            + " WHERE t.plan_year BETWEEN ? AND ? AND t.deadline BETWEEN ? AND ?"
            + " AND NOT EXISTS (SELECT 1 FROM task_progress p WHERE p.task_id = t.id AND p.percent = 100)",
        (rs, n) -> new Item(TASKS, rs.getLong("id"), "任务「" + rs.getString("title") + "」",
            rs.getDate("deadline").toLocalDate(), List.of(rs.getString("unit_id"))),
        window.from().getYear(), window.to().getYear(), Date.valueOf(window.from()), Date.valueOf(window.to())));
    jdbc.query("SELECT * FROM schedule_item ORDER BY sort_order", rs -> {
      Optional<ScheduleDue> due = ScheduleDue.parse(rs.getString("due_text"));
      Date doneOn = rs.getDate("done_on");
      if (due.isEmpty() || due.get().doneIn(today.getYear(), doneOn == null ? null : doneOn.toLocalDate())) {
        return;
      }
      LocalDate dueDate = due.get().dueIn(today.getYear(), calendar);
      if (window.contains(dueDate)) {
        items.add(new Item(SCHEDULE, rs.getLong("id"), "建设进程「" + rs.getString("project") + "：" + rs.getString("content") + "」",
            dueDate, units.resolve(rs.getString("responsible")).unitIds()));
      }
    });
    return items;
  }

  /** Records a new warning: no other node records one meanwhile, the scan holds the node lock. */
  private void record(Item item, Stage stage, String unitId, LocalDate today) {
    jdbc.update("INSERT INTO deadline_warning (item_table, item_id, due_date, stage, unit_id, warned_at, warned_on, item_text)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", item.table(), item.id(), Date.valueOf(item.due()), stage.name(), unitId,
        Timestamp.from(Instant.now(support.clock())), Date.valueOf(today), abbreviate(item.what()));
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 499) + "…";
  }

  /** Before the due date, or after it. */
  enum Stage {
    DUE_SOON("即将到期"),
    OVERDUE("已逾期");

    private final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  /** One line of a digest's list: the item (table and id), what it is, when due, 即将到期/已逾期, and the unit. */
  public record Listed(String table, long id, String what, LocalDate due, String stage, String unit) {}

  /** A page of a day's warnings. */
  public record Page(LocalDate day, long total, int page, int size, List<Listed> items) {}

  /** The days a scan looks at: due dates from {@code from} to {@code to}, both included. */
  record Window(LocalDate from, LocalDate to) {

    boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }

  /** A warning recorded: the key of deadline_warning. */
  private record Warned(String table, long id, LocalDate due, String stage, String unitId) {}

  /** Something with a due date: which table and row, how to name it, when, and which units answer for it. */
  record Item(String table, long id, String what, LocalDate due, List<String> unitIds) {}
}
