package cn.zhengai.deployment;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelUpload.InstanceRef;
import cn.zhengai.deployment.ModelUpload.Migration;
import cn.zhengai.deployment.ModelUpload.MigrationPreview;
import cn.zhengai.deployment.ModelUpload.MovedTasks;
import cn.zhengai.deployment.ModelUpload.SourceVersion;
import cn.zhengai.deployment.ModelUpload.TimerShift;
import cn.zhengai.deployment.ModelUpload.Unmigrated;
import cn.zhengai.security.AppAuthority;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Moves the running instances of a process's older versions to a new version, each on its own so that one that
 * cannot move stays where it is, and tells what that did: instances moved or not (and why), tasks moved, and every
 * timer whose due date changed. Only events whose trigger the new version changed are re-evaluated; a timer the
 * owner did not touch keeps its due date. Run inside {@link ModelDeployer#rehearse} it is the dry run's preview.
 */
@Component
class InstanceMigration {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final AppAuthority appAuthority;

  InstanceMigration(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, AppAuthority appAuthority) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.appAuthority = appAuthority;
  }

  record Outcome(Migration migration, MigrationPreview preview) {}

  /** Whether any instance of the process is running. */
  boolean anyRunning(String processKey) {
    return appAuthority.run(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count() > 0);
  }

  Outcome migrate(ProcessDefinition target) {
    Snapshot before = snapshot(target.getKey());
    Migration migration = appAuthority.run(() -> migrateEach(target));
    Snapshot after = snapshot(target.getKey());
    return new Outcome(migration, appAuthority.run(() -> new Preview(target, before, after, migration).build()));
  }

  private Migration migrateEach(ProcessDefinition target) {
    int migrated = 0;
    List<Unmigrated> notMigrated = new ArrayList<>();
    for (ProcessDefinition source : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(target.getKey()).list()) {
      if (source.getId().equals(target.getId())) {
        continue;
      }
      List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
      if (instances.isEmpty()) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan = plan(source, target);
      } catch (MigrationPlanValidationException e) {
        List<String> reasons = new ArrayList<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
          reasons.add("迁移规则 " + report.getMigrationInstruction().getSourceActivityId() + "：" + String.join("；", report.getFailures()));
        }
        instances.forEach(instance -> notMigrated.add(new Unmigrated(instance.getId(), instance.getBusinessKey(), source.getVersion(), reasons)));
        continue;
      }
      for (ProcessInstance instance : instances) {
        try {
          runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
          migrated++;
        } catch (MigratingProcessInstanceValidationException e) {
          List<String> reasons = new ArrayList<>();
          for (MigratingActivityInstanceValidationReport report : e.getValidationReport().getActivityInstanceReports()) {
            reasons.add("活动 " + report.getSourceScopeId() + " 在新版本中没有对应：" + String.join("；", report.getFailures()));
          }
          reasons.addAll(e.getValidationReport().getFailures());
          notMigrated.add(new Unmigrated(instance.getId(), instance.getBusinessKey(), source.getVersion(), reasons));
        } catch (ProcessEngineException e) {
          notMigrated.add(new Unmigrated(instance.getId(), instance.getBusinessKey(), source.getVersion(), List.of(e.getMessage())));
        }
      }
    }
    return new Migration(migrated, notMigrated);
  }

  /**
   * Activities mapped by id; {@code updateEventTrigger} only for the events whose trigger changed. Updating every
   * trigger would re-evaluate each timer at migration time and move due dates nobody changed.
   */
  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
    MigrationPlan equalActivities = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    Set<String> changedTriggers = ModelChanges.changedEventTriggers(repositoryService.getBpmnModelInstance(source.getId()),
        repositoryService.getBpmnModelInstance(target.getId()));
    MigrationPlanBuilder plan = runtimeService.createMigrationPlan(source.getId(), target.getId());
    for (MigrationInstruction instruction : equalActivities.getInstructions()) {
      var mapped = plan.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
      if (changedTriggers.contains(instruction.getSourceActivityId())) {
        mapped.updateEventTrigger();
      }
    }
    return plan.build();
  }

  private record Instance(String id, String businessKey, String definitionId) {}

  private record Timer(String processInstanceId, String executionId, String activityId, Date due) {}

  /** The running instances of a process with their timers and tasks, at one moment. */
  private record Snapshot(Map<String, Instance> instances, Map<String, List<Timer>> timers, Map<String, List<String>> tasks) {}

  private Snapshot snapshot(String processKey) {
    return appAuthority.run(() -> {
      Map<String, Instance> instances = new LinkedHashMap<>();
      for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).list()) {
        instances.put(instance.getId(), new Instance(instance.getId(), instance.getBusinessKey(), instance.getProcessDefinitionId()));
      }
      Map<String, String> activityOfJobDefinition = managementService.createJobDefinitionQuery().processDefinitionKey(processKey)
          .list().stream().collect(toMap(JobDefinition::getId, JobDefinition::getActivityId));
      Map<String, List<Timer>> timers = managementService.createJobQuery().processDefinitionKey(processKey).timers().list().stream()
          .filter(job -> job.getProcessInstanceId() != null)
          .map(job -> new Timer(job.getProcessInstanceId(), job.getExecutionId(), activityOfJobDefinition.get(job.getJobDefinitionId()),
              job.getDuedate()))
          .collect(groupingBy(Timer::processInstanceId));
      Map<String, List<String>> tasks = new HashMap<>();
      for (Task task : taskService.createTaskQuery().processDefinitionKey(processKey).list()) {
        tasks.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task.getTaskDefinitionKey());
      }
      return new Snapshot(instances, timers, tasks);
    });
  }

  /** What one migration did, from the instances before and after it. */
  private final class Preview {

    private final ProcessDefinition target;
    private final Snapshot before;
    private final Snapshot after;
    private final Map<String, Unmigrated> staying;
    private final Map<String, BpmnModelInstance> models = new HashMap<>();

    Preview(ProcessDefinition target, Snapshot before, Snapshot after, Migration migration) {
      this.target = target;
      this.before = before;
      this.after = after;
      this.staying = migration.notMigrated().stream().collect(toMap(Unmigrated::processInstanceId, unmigrated -> unmigrated));
    }

    MigrationPreview build() {
      Map<String, List<Instance>> bySource = before.instances().values().stream()
          .filter(instance -> !instance.definitionId().equals(target.getId()))
          .collect(groupingBy(Instance::definitionId, LinkedHashMap::new, toList()));
      List<SourceVersion> versions = new ArrayList<>();
      List<TimerShift> timers = new ArrayList<>();
      bySource.forEach((definitionId, instances) -> {
        List<InstanceRef> moving = new ArrayList<>();
        List<Unmigrated> stayingHere = new ArrayList<>();
        Map<String, Long> tasks = new LinkedHashMap<>();
        for (Instance instance : instances) {
          if (moved(instance)) {
            moving.add(new InstanceRef(instance.id(), instance.businessKey()));
            before.tasks().getOrDefault(instance.id(), List.of()).stream().sorted()
                .forEach(activity -> tasks.merge(activity, 1L, Long::sum));
            timers.addAll(timerShifts(instance));
          } else if (staying.containsKey(instance.id())) {
            stayingHere.add(staying.get(instance.id()));
          }
        }
        List<MovedTasks> movedTasks = new ArrayList<>();
        tasks.forEach((activity, count) -> movedTasks.add(new MovedTasks(activity, name(definitionId, activity), count.intValue())));
        versions.add(new SourceVersion(repositoryService.getProcessDefinition(definitionId).getVersion(), instances.size(),
            moving, stayingHere, movedTasks));
      });
      versions.sort(Comparator.comparingInt(SourceVersion::version));
      return new MigrationPreview(versions, timers);
    }

    private boolean moved(Instance instance) {
      Instance now = after.instances().get(instance.id());
      return now != null && now.definitionId().equals(target.getId());
    }

    /** Timers matched by execution and activity; those whose due date differs, or that came or went. */
    private List<TimerShift> timerShifts(Instance instance) {
      Map<String, Timer> was = byPlace(before.timers().getOrDefault(instance.id(), List.of()));
      Map<String, Timer> is = byPlace(after.timers().getOrDefault(instance.id(), List.of()));
      Set<String> places = new LinkedHashSet<>(was.keySet());
      places.addAll(is.keySet());
      List<TimerShift> shifts = new ArrayList<>();
      for (String place : places) {
        Timer old = was.get(place);
        Timer current = is.get(place);
        Date dueBefore = old == null ? null : old.due();
        Date dueAfter = current == null ? null : current.due();
        if (Objects.equals(dueBefore, dueAfter)) {
          continue;
        }
        String activityId = current != null ? current.activityId() : old.activityId();
        String activityName = name(current != null ? target.getId() : instance.definitionId(), activityId);
        String shift = shift(dueBefore, dueAfter);
        String label = activityName == null ? activityId : activityId + "（" + activityName + "）";
        String text = "实例 " + (instance.businessKey() != null ? instance.businessKey() : instance.id()) + "：定时器 " + label
            + " " + format(dueBefore) + " → " + format(dueAfter) + "，" + shift;
        shifts.add(new TimerShift(instance.id(), instance.businessKey(), activityId, activityName, moment(dueBefore),
            moment(dueAfter), shift, text));
      }
      return shifts;
    }

    private Map<String, Timer> byPlace(List<Timer> timers) {
      Map<String, Timer> byPlace = new LinkedHashMap<>();
      timers.forEach(timer -> byPlace.put(timer.executionId() + "/" + timer.activityId(), timer));
      return byPlace;
    }

    private String name(String definitionId, String activityId) {
      BpmnModelInstance model = models.computeIfAbsent(definitionId, repositoryService::getBpmnModelInstance);
      return model.getModelElementById(activityId) instanceof FlowElement element ? element.getName() : null;
    }
  }

  /** 提前 7 天, 推迟 1 天 2 小时; a timer that came or went says so. */
  static String shift(Date before, Date after) {
    if (before == null) {
      return "新增定时器";
    }
    if (after == null) {
      return "定时器取消";
    }
    Duration difference = Duration.between(before.toInstant(), after.toInstant());
    Duration length = difference.abs();
    List<String> parts = new ArrayList<>();
    if (length.toDays() > 0) {
      parts.add(length.toDays() + " 天");
    }
    if (length.toHoursPart() > 0) {
      parts.add(length.toHoursPart() + " 小时");
    }
    if (length.toMinutesPart() > 0) {
      parts.add(length.toMinutesPart() + " 分钟");
    }
    if (parts.isEmpty()) {
      parts.add(Math.max(1, length.toSecondsPart()) + " 秒");
    }
    return (difference.isNegative() ? "提前 " : "推迟 ") + String.join(" ", parts);
  }

  private static OffsetDateTime moment(Date date) {
    return date == null ? null : date.toInstant().atZone(CollegeTime.ZONE).toOffsetDateTime();
  }

  private static String format(Date date) {
    return date == null ? "（无）" : MINUTES.format(date.toInstant().atZone(CollegeTime.ZONE));
  }
}
