package cn.zhengai.report;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.DailyWork;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.nodes.NodeLock;
import cn.zhengai.processes.AnnualQualityReportProcess;
import cn.zhengai.processes.AnnualQualityReportProcess.Elements;
import cn.zhengai.processes.AnnualQualityReportProcess.Variables;
import cn.zhengai.security.AppAuthority;
import cn.zhengai.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual quality report's rounds ({@link AnnualQualityReportProcess}): opened once a year on the calendar's
 * 质量年报编制开始, or by 质管办 from the 报告 page; the step a year's running round waits at; and a step taken on the
 * 报告 page or through the API as the person taking it, so that the page and the Tasklist task are one path.
 */
@Service
class AnnualReportRounds implements DailyWork {

  private static final Logger LOG = LoggerFactory.getLogger(AnnualReportRounds.class);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final AppAuthority appAuthority;
  private final AcademicCalendar calendar;
  private final NodeLock nodeLock;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AnnualReportRounds(@Lazy RuntimeService runtimeService, @Lazy TaskService taskService, @Lazy HistoryService historyService,
      @Lazy IdentityService identityService, AppAuthority appAuthority, AcademicCalendar calendar, NodeLock nodeLock,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.appAuthority = appAuthority;
    this.calendar = calendar;
    this.nodeLock = nodeLock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** The open step of a year's round: its task, which version it decides on (approval only) and when it is due. */
  record OpenStep(String taskId, String activityId, String name, Date due, Integer submittedVersion) {

    boolean writing() {
      return Elements.TASK_WRITE_REPORT.equals(activityId);
    }

    boolean decides(long versionId) {
      return Elements.TASK_APPROVE_REPORT.equals(activityId) && submittedVersion != null && submittedVersion == versionId;
    }

    String tasklistHref() {
      return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
  }

  @Scheduled(cron = "${zhengai.reports.annual-cron}", zone = "Asia/Shanghai")
  void daily() {
    LOG.info(runOn(CollegeTime.today(clock)));
  }

  @Override
  public String runOn(LocalDate day) {
    int year = day.getYear();
    boolean opened = Boolean.TRUE.equals(transaction.execute(status -> {
      nodeLock.holdUntilCommit(NodeLock.ANNUAL_REPORT_ROUNDS);
      if (day.isBefore(calendar.dateOf(year, Milestone.ANNUAL_REPORT_OPENS)) || historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(AnnualQualityReportProcess.KEY).processInstanceBusinessKey(businessKey(year)).count() > 0) {
        return false;
      }
      appAuthority.run(() -> runtimeService.startProcessInstanceByKey(AnnualQualityReportProcess.KEY, businessKey(year),
          Map.of(Variables.YEAR.name(), year)));
      return true;
    }));
    return opened ? "质量年报：已启动 " + year + " 年度质量年报编制" : "质量年报：无需启动";
  }

  /** 质管办 starts the year's round by hand (the first, or a correction's after a round ended). */
  void start(int year, CurrentUser user) {
    if (!AnnualReports.edits(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权启动质量年报编制：仅限 质管办 及系统管理员");
    }
    if (openStep(year).isPresent()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, year + " 年度质量年报编制已在进行中，不能重复启动");
    }
    asUser(user, () -> runtimeService.startProcessInstanceByKey(AnnualQualityReportProcess.KEY, businessKey(year),
        Map.of(Variables.YEAR.name(), year)));
  }

  /** The step the year's running round waits at, whoever asks. */
  Optional<OpenStep> openStep(int year) {
    return appAuthority.run(() -> taskService.createTaskQuery().processDefinitionKey(AnnualQualityReportProcess.KEY)
        .processInstanceBusinessKey(businessKey(year)).list().stream().findFirst().map(task -> new OpenStep(task.getId(),
            task.getTaskDefinitionKey(), task.getName(), task.getDueDate(),
            runtimeService.getVariable(task.getProcessInstanceId(), Variables.SUBMITTED_VERSION.name())
                instanceof Number version ? version.intValue() : null)));
  }

  /** Completes a step's task as the person taking it, so the engine checks their right to it and records them. */
  void complete(OpenStep step, Map<String, Object> answers, CurrentUser user) {
    asUser(user, () -> {
      taskService.complete(step.taskId(), answers);
      return null;
    });
  }

  private <T> T asUser(CurrentUser user, Supplier<T> engineCalls) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.setAuthentication(user.userId(), user.groupIds());
    try {
      return engineCalls.get();
    } catch (BadUserRequestException refused) {
      // the process's own refusal, in Chinese (e.g. a round of the year started meanwhile)
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refused.getMessage());
    } finally {
      if (caller == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(caller);
      }
    }
  }

  private static String businessKey(int year) {
    return AnnualQualityReportProcess.businessKey(year);
  }
}
