package cn.zhengai.simulation;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.DailyWork;
import cn.zhengai.planning.warnings.DeadlineWarnings;
import cn.zhengai.security.AppAuthority;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The training clock: moves the one clock of the app and the engine ({@link ClockUtil}) forward, and on the way
 * fires what falls due in the order it falls due. From one due moment to the next (a timer's due date, the daily
 * deadline scan), it stops the clock there, runs every job then due, and the jobs those create, until none is left;
 * so a chain of timers between the old and the new time (a reminder, then the escalation it starts) fires as it
 * would have. At the target the clock runs on from there. The engine's job executor is paused while the clock moves,
 * so that no job runs twice, and takes over again afterwards.
 */
@Service
@Profile(SimulationMode.PROFILE)
public class SimulatedTime {

  /** Rounds of jobs at one moment before the move stops: a model whose jobs keep making jobs. */
  private static final int MAX_ROUNDS_PER_MOMENT = 1000;
  private static final int NEXT_TIMERS_SHOWN = 10;
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedTime.class);

  private final Clock clock;
  private final ManagementService management;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DeadlineWarnings deadlineWarnings;
  private final List<DailyWork> dailyWork;
  private final AppAuthority appAuthority;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final Optional<CronExpression> dailyScan;

  SimulatedTime(Clock clock, ManagementService management, RepositoryService repository, RuntimeService runtime, TaskService tasks,
      DeadlineWarnings deadlineWarnings, List<DailyWork> dailyWork, AppAuthority appAuthority, ProcessEngineConfiguration engineConfiguration,
      @Value("${zhengai.warnings.cron}") String warningsCron) {
    this.clock = clock;
    this.management = management;
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.deadlineWarnings = deadlineWarnings;
    this.dailyWork = dailyWork;
    this.appAuthority = appAuthority;
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    this.dailyScan = "-".equals(warningsCron) ? Optional.empty() : Optional.of(CronExpression.parse(warningsCron));
  }

  /** A timer that is due or has fired: when, in which process and step, for which business key (year, unit). */
  public record Timer(LocalDateTime due, String process, String step, String businessKey) {}

  /** Where the clock stands, and the timers due next. */
  public record Status(LocalDateTime now, List<Timer> nextTimers) {}

  /**
   * What a move did.
   *
   * @param fired the timers that fired, in the order they fired
   * @param otherJobs the other jobs run on the way: the models' asynchronous steps, the engine's nightly history cleanup
   * @param deadlineScans the days whose deadline scan ran (at {@code zhengai.warnings.cron})
   * @param failures jobs that failed, with the engine's message: their retries and incidents are the engine's
   * @param openTasks the tasks open now, for everyone
   */
  public record Move(LocalDateTime from, LocalDateTime to, List<Timer> fired, int otherJobs, List<LocalDate> deadlineScans,
      int deadlineWarnings, List<String> failures, long openTasks, List<Timer> nextTimers) {}

  public Status status() {
    return appAuthority.run(() -> new Status(local(clock.instant()), nextTimers(clock.instant())));
  }

  /** Moves the clock forward to a moment of the college's time; never backwards. */
  public synchronized Move moveTo(LocalDateTime target) {
    Instant from = clock.instant();
    Instant to = target.atZone(CollegeTime.ZONE).toInstant();
    if (to.isBefore(from)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "演练时钟不能往回拨：当前模拟时间已是 " + text(local(from)) + "，目标时间 "
          + text(target) + " 早于它");
    }
    return appAuthority.run(() -> withJobExecutorPaused(() -> walk(from, to)));
  }

  /** Runs the jobs due now without moving the clock: those a step someone just took has made due. */
  public synchronized Move runDueJobs() {
    Instant now = clock.instant();
    return appAuthority.run(() -> withJobExecutorPaused(() -> walk(now, now)));
  }

  /** Moves the clock to the next due timer and fires it (with any other timer due at the same moment). */
  public synchronized Move moveToNextTimer() {
    Instant now = clock.instant();
    Job next = appAuthority.run(() -> pendingTimers(now, 1)).stream().findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "没有待触发的定时器：当前没有任何流程在等待到期时间"));
    return moveTo(local(next.getDuedate().toInstant()));
  }

  private Move walk(Instant from, Instant to) {
    Progress progress = new Progress();
    Instant now = from;
    setClock(now);
    runDueJobs(progress);
    while (true) {
      Optional<Instant> timer = pendingTimers(now, 1).stream().map(job -> job.getDuedate().toInstant()).findFirst().filter(due -> !due.isAfter(to));
      Optional<Instant> scan = nextScan(now).filter(due -> !due.isAfter(to));
      if (timer.isEmpty() && scan.isEmpty()) {
        break;
      }
      Instant moment = timer.isPresent() && (scan.isEmpty() || !scan.get().isBefore(timer.get())) ? timer.get() : scan.get();
      now = moment;
      setClock(moment);
      runDueJobs(progress);
      if (scan.isPresent() && scan.get().equals(moment)) {
        LocalDate day = CollegeTime.today(clock);
        progress.deadlineWarnings += deadlineWarnings.scan(day);
        dailyWork.forEach(work -> LOG.info("演练时钟 {}：{}", day, work.runOn(day)));
        progress.scans.add(day);
        // what the day's work started may have made jobs due
        runDueJobs(progress);
      }
    }
    setClock(to);
    runDueJobs(progress);
    // from the target on, the clock runs as a clock does
    ClockUtil.offset(to.toEpochMilli() - System.currentTimeMillis());
    LOG.info("演练时钟：{} → {}，触发定时器 {} 个，其他作业 {} 个，到期预警扫描 {} 次", local(from), local(to), progress.fired.size(),
        progress.otherJobs, progress.scans.size());
    return new Move(local(from), local(to), progress.fired, progress.otherJobs, progress.scans, progress.deadlineWarnings,
        progress.failures, tasks.createTaskQuery().count(), nextTimers(to));
  }

  /** Runs every job due at the clock's time, and those they make due, until none is left. */
  private void runDueJobs(Progress progress) {
    for (int round = 0; round < MAX_ROUNDS_PER_MOMENT; round++) {
      List<Job> due = management.createJobQuery().executable().active().orderByJobDuedate().asc().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        Optional<Timer> timer = job instanceof TimerEntity ? Optional.of(describe(job, progress.definitions)) : Optional.empty();
        try {
          management.executeJob(job.getId());
          timer.ifPresentOrElse(progress.fired::add, () -> progress.otherJobs++);
        } catch (OptimisticLockingException e) {
          // run at the same moment elsewhere (the job executor finishing what it had begun): it is done
        } catch (ProcessEngineException e) {
          // the engine counts its retries down and raises an incident at the last one, as its job executor does
          progress.failures.add(timer.map(t -> "「" + t.process() + " · " + t.step() + "」").orElse("作业 " + job.getId()) + "执行失败："
              + e.getMessage());
        }
      }
    }
    throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "演练时钟已停在 " + text(local(clock.instant()))
        + "：到期作业执行后不断产生新的到期作业，请在驾驶舱检查相关流程");
  }

  private List<Timer> nextTimers(Instant now) {
    Map<String, Definition> definitions = new HashMap<>();
    return pendingTimers(now, NEXT_TIMERS_SHOWN).stream().map(job -> describe(job, definitions)).toList();
  }

  /** Timers not yet due, the earliest first. */
  private List<Job> pendingTimers(Instant now, int count) {
    return management.createJobQuery().timers().active().withRetriesLeft().duedateHigherThan(Date.from(now)).orderByJobDuedate().asc()
        .listPage(0, count);
  }

  private Optional<Instant> nextScan(Instant now) {
    return dailyScan.map(cron -> cron.next(ZonedDateTime.ofInstant(now, CollegeTime.ZONE))).map(ZonedDateTime::toInstant);
  }

  private Timer describe(Job job, Map<String, Definition> definitions) {
    Definition definition = definitions.computeIfAbsent(job.getProcessDefinitionId(), Definition::new);
    JobDefinition jobDefinition = job.getJobDefinitionId() == null ? null
        : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    String step = jobDefinition == null ? "定时器" : definition.stepName(jobDefinition.getActivityId());
    ProcessInstance instance = job.getProcessInstanceId() == null ? null
        : runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).singleResult();
    return new Timer(local(job.getDuedate().toInstant()), definition.name, step, instance == null ? "" : instance.getBusinessKey());
  }

  /** A process definition's Chinese name and its steps' names, read once per move. */
  private final class Definition {
    final String name;
    final String id;

    Definition(String id) {
      this.id = id;
      var definition = repository.getProcessDefinition(id);
      this.name = definition.getName() == null ? definition.getKey() : definition.getName();
    }

    String stepName(String activityId) {
      FlowElement element = repository.getBpmnModelInstance(id).getModelElementById(activityId);
      return element == null || element.getName() == null ? activityId : element.getName();
    }
  }

  private <T> T withJobExecutorPaused(java.util.function.Supplier<T> move) {
    JobExecutor executor = engineConfiguration.getJobExecutor();
    boolean running = executor != null && executor.isActive();
    if (running) {
      executor.shutdown();
    }
    try {
      return move.get();
    } finally {
      if (running) {
        executor.start();
      }
    }
  }

  private static void setClock(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  private static LocalDateTime local(Instant instant) {
    return LocalDateTime.ofInstant(instant, CollegeTime.ZONE).withNano(0);
  }

  private static String text(LocalDateTime time) {
    return time.toLocalDate() + " " + time.toLocalTime();
  }

  private static final class Progress {
    final List<Timer> fired = new ArrayList<>();
    final List<LocalDate> scans = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final Map<String, Definition> definitions = new HashMap<>();
    int otherJobs;
    int deadlineWarnings;
  }
}
