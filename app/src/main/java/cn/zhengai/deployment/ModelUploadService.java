package cn.zhengai.deployment;

import cn.zhengai.deployment.ModelUpload.Migration;
import cn.zhengai.deployment.ModelUpload.Options;
import cn.zhengai.deployment.ModelUpload.Report;
import cn.zhengai.deployment.ModelUpload.Unmigrated;
import cn.zhengai.processes.modelfile.ModelFile;
import cn.zhengai.processes.modelfile.ModelFileException;
import cn.zhengai.processes.modelfile.ModelProblem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process owner's edited model: normalised, checked whole, then deployed as a new version with the product's
 * forms, recorded (who, when, what changed), and, if asked, running instances migrated one by one so that an
 * instance that cannot move stays where it is and is reported.
 */
@Service
class ModelUploadService {

  private final ModelUploadChecks checks;
  private final ModelDeployer deployer;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  ModelUploadService(ModelUploadChecks checks, ModelDeployer deployer, RepositoryService repositoryService,
      RuntimeService runtimeService, JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.checks = checks;
    this.deployer = deployer;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  Report upload(String fileName, byte[] bytes, Options options, String userId) {
    ModelFile file;
    try {
      file = ModelFile.read(bytes);
    } catch (ModelFileException e) {
      return refused(null, null, List.of(), e.problems());
    }
    String dialect = file.dialect().name().toLowerCase();
    List<ModelProblem> problems;
    String key;
    ProcessDefinition previous;
    try {
      // what the file alone shows (schema first, with line numbers), before anything reads it as a model
      problems = file.check();
      if (!problems.isEmpty()) {
        return refused(null, dialect, file.notes(), problems);
      }
      key = file.process().getId();
      previous = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
      if (previous != null && previous.getHistoryTimeToLive() != null) {
        // Flowable Modeler drops camunda:historyTimeToLive; the deployed version's value carries over
        file.keepHistoryTimeToLive(String.valueOf(previous.getHistoryTimeToLive()));
      }
      problems = checks.check(file, options.newProcess());
    } catch (ModelFileException e) {
      return refused(null, dialect, file.notes(), e.problems());
    }
    if (!problems.isEmpty()) {
      return refused(key, dialect, file.notes(), problems);
    }
    byte[] normalised = file.bytes();
    List<String> changes = previous == null ? List.of("新流程")
        : ModelChanges.between(repositoryService.getProcessModel(previous.getId()), normalised);
    if (options.dryRun()) {
      return new Report(key, dialect, file.notes(), List.of(), false, null, null, changes, null);
    }
    ProcessDefinition deployed = transactions.execute(status -> {
      DeploymentWithDefinitions deployment = deployer.deployUploaded(key, normalised, userId);
      ProcessDefinition definition = deployment.getDeployedProcessDefinitions().get(0);
      jdbc.update("INSERT INTO model_deployment (process_key, deployment_id, process_version, file_name, dialect,"
              + " deployed_by, deployed_at, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          key, deployment.getId(), definition.getVersion(), fileName, dialect, userId, Timestamp.from(Instant.now()),
          truncate(String.join("；", changes)));
      return definition;
    });
    Migration migration = options.migrateRunningInstances() ? deployer.onAppAuthority(() -> migrate(deployed)) : null;
    if (migration != null) {
      jdbc.update("UPDATE model_deployment SET migrated_instances = ?, unmigrated_instances = ? WHERE deployment_id = ?",
          migration.migrated(), migration.notMigrated().size(), deployed.getDeploymentId());
    }
    return new Report(key, dialect, file.notes(), List.of(), true, deployed.getDeploymentId(), deployed.getVersion(),
        changes, migration);
  }

  List<Deployed> history() {
    return jdbc.query("SELECT * FROM model_deployment ORDER BY deployed_at DESC, id DESC", (rs, n) -> new Deployed(
        rs.getString("process_key"), rs.getInt("process_version"), rs.getString("deployment_id"), rs.getString("file_name"),
        rs.getString("dialect"), rs.getString("deployed_by"), rs.getTimestamp("deployed_at").toInstant(),
        rs.getString("changes"), rs.getInt("migrated_instances"), rs.getInt("unmigrated_instances")));
  }

  /** Moves each running instance of an older version to the new one, each in its own transaction. */
  private Migration migrate(ProcessDefinition target) {
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
        plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers().build();
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

  private static Report refused(String key, String dialect, List<String> notes, List<ModelProblem> problems) {
    return new Report(key, dialect, notes, problems, false, null, null, List.of(), null);
  }

  private static String truncate(String text) {
    return text.length() <= 4000 ? text : text.substring(0, 3990) + "…";
  }

  /** One recorded deployment. */
  record Deployed(String processKey, int version, String deploymentId, String fileName, String dialect, String deployedBy,
      Instant deployedAt, String changes, int migratedInstances, int unmigratedInstances) {}
}
