package cn.zhengai.deployment;

import cn.zhengai.processes.modelfile.ModelProblem;
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
      String deploymentId, Integer version, List<String> changes, Migration migration) {}

  record Migration(int migrated, List<Unmigrated> notMigrated) {}

  record Unmigrated(String processInstanceId, String businessKey, int fromVersion, List<String> reasons) {}
}
