package cn.zhengai.planning.tasks;

import cn.zhengai.api.Paging;
import cn.zhengai.planning.PlanningAccess;
import cn.zhengai.planning.PlanningException;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.tasks.TaskProgressLog.Report;
import cn.zhengai.planning.tasks.WorkTaskTable.Task;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Progress on a task, reported by its department: the one input 表6's months are derived from. Reports are
 * added, never edited, so the months of the past stay as they were.
 */
@Tag(name = "目标链、标准链与任务跟踪")
@RestController
@RequestMapping("/api/planning/task-tracking/{id}/progress")
class TaskProgressController {

  private final TaskTrackingTable tracking;
  private final TaskProgressLog progress;
  private final PlanningSupport support;

  TaskProgressController(TaskTrackingTable tracking, TaskProgressLog progress, PlanningSupport support) {
    this.tracking = tracking;
    this.progress = progress;
    this.support = support;
  }

  @Operation(summary = "任务的全部进度填报，按日期")
  @GetMapping
  ResponseEntity<List<Report>> reports(@PathVariable long id, Paging paging) {
    task(id);
    return paging.of(progress.ofTask(id));
  }

  @Operation(summary = "填报任务进度（完成百分比 0–100，100 即完成）；仅责任部门、质管办与系统管理员")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  Map<String, Object> report(@PathVariable long id, @RequestBody ProgressReport body, Authentication authentication) {
    Task task = task(id);
    CurrentUser user = CurrentUser.of(authentication);
    String unitId = support.directory().unitNamed(task.unitName()).id();
    if (!PlanningAccess.mayChange(user, List.of(unitId))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "无权填报：任务“" + task.title() + "”属于「" + task.unitName() + "」，只有该部门、质管办和系统管理员可以填报");
    }
    LocalDate today = support.today();
    LocalDate reportedOn = body.reportedOn() == null ? today : body.reportedOn();
    if (body.percent() == null || body.percent() < 0 || body.percent() > 100) {
      throw new PlanningException("完成百分比应为 0 到 100 之间的整数，收到的是 " + body.percent());
    }
    if (reportedOn.isAfter(today)) {
      throw new PlanningException("填报日期 " + reportedOn + " 晚于今天 " + today + "，不能预先填报");
    }
    if (reportedOn.getYear() < task.year()) {
      throw new PlanningException("填报日期 " + reportedOn + " 早于任务所在的 " + task.year() + " 年");
    }
    if (body.note() != null && body.note().length() > 2000) {
      throw new PlanningException("说明不能超过 2000 字");
    }
    progress.add(id, reportedOn, body.percent(), body.note(), user.userId(), Instant.now(support.clock()));
    return tracking.toJson(tracking.find(id).orElseThrow());
  }

  private Task task(long id) {
    return tracking.findTask(id).orElseThrow(() -> tracking.notFound(id));
  }

  /**
   * @param percent share of the task done, 0–100
   * @param note what was done, or why it lags
   * @param reportedOn the day the report speaks of; today when left out
   */
  record ProgressReport(Integer percent, String note, LocalDate reportedOn) {}
}
