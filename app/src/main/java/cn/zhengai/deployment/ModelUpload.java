package cn.zhengai.deployment;

import cn.zhengai.processes.modelfile.ModelProblem;
import java.time.OffsetDateTime;
import java.util.List;

/** What a process owner asked for and what came of it. */
final class ModelUpload {

  private ModelUpload() {}

  /**
   * @param dryRun check only, deploy nothing
   * @param newProcess the process key is new to the product
   * @param migrateRunningInstances move running instances of older versions to the new one
   */
  record Options(boolean dryRun, boolean newProcess, boolean migrateRunningInstances) {}

  /** The answer to an upload: problems (then nothing was deployed), or the new version and its effects. */
  record Report(String processKey, String dialect, List<String> notes, List<ModelProblem> problems, boolean deployed,
      String deploymentId, Integer version, List<Change> changes, MigrationPreview migrationPreview, Migration migration) {}

  enum ChangeKind { ADDED, REMOVED, RENAMED, CHANGED }

  /**
   * One change from the version deployed before, e.g. aspect 定时器, before 日期 ${submissionDueAt}, after 时长 P7D.
   *
   * @param aspect what changed, in Chinese (名称, 候选组, 表单, 到期时间, 定时器, 监听器, 条件, …; the element type for an
   *     element added or removed whole)
   * @param text the whole change as one Chinese sentence
   */
  record Change(String elementId, String elementName, ChangeKind kind, String aspect, String before, String after,
      String text) {}

  record Migration(int migrated, List<Unmigrated> notMigrated) {}

  record Unmigrated(String processInstanceId, String businessKey, int fromVersion, List<String> reasons) {}

  /**
   * What migration does to running instances: rehearsed and rolled back in a dry run, observed in a real deploy.
   *
   * @param timers every timer of a moved instance whose due date changes (only timers whose definition changed)
   */
  record MigrationPreview(List<SourceVersion> sourceVersions, List<TimerShift> timers) {}

  /** The running instances of one older version: how many, which move, which stay and why, the tasks moved. */
  record SourceVersion(int version, int instances, List<InstanceRef> moving, List<Unmigrated> staying,
      List<MovedTasks> movedTasks) {}

  record InstanceRef(String processInstanceId, String businessKey) {}

  record MovedTasks(String activityId, String activityName, int count) {}

  /**
   * @param dueBefore null for a timer the new version adds
   * @param dueAfter null for a timer the new version drops
   * @param shift e.g. 提前 7 天, 推迟 1 天 2 小时
   */
  record TimerShift(String processInstanceId, String businessKey, String activityId, String activityName,
      OffsetDateTime dueBefore, OffsetDateTime dueAfter, String shift, String text) {}
}
