package cn.zhengai.deployment;

import cn.zhengai.deployment.ModelUpload.Change;
import cn.zhengai.deployment.ModelUpload.MigrationPreview;
import cn.zhengai.deployment.ModelUpload.Options;
import cn.zhengai.deployment.ModelUpload.Report;
import cn.zhengai.processes.modelfile.ModelFile;
import cn.zhengai.processes.modelfile.ModelFileException;
import cn.zhengai.processes.modelfile.ModelProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process owner's edited model: normalised, checked whole, then deployed as a new version with the product's
 * forms, recorded (who, when, what changed, element by element), and, if asked, running instances migrated one by
 * one so that an instance that cannot move stays where it is and is reported. A dry run with migration rehearses the
 * deploy and the migration and rolls both back, so the owner sees what will happen to running instances.
 */
@Service
class ModelUploadService {

  /** The audit column's size (V6): a longer list of changes is cut, saying how many were left out. */
  private static final int MAX_CHANGES_JSON = 1_000_000;

  private final ModelUploadChecks checks;
  private final ModelDeployer deployer;
  private final InstanceMigration instances;
  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;

  ModelUploadService(ModelUploadChecks checks, ModelDeployer deployer, InstanceMigration instances,
      RepositoryService repositoryService, JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
    this.checks = checks;
    this.deployer = deployer;
    this.instances = instances;
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
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
    BpmnModelInstance next = Bpmn.readModelFromStream(new ByteArrayInputStream(normalised));
    List<Change> changes = previous == null ? ModelChanges.newProcess(next)
        : ModelChanges.between(repositoryService.getBpmnModelInstance(previous.getId()), next);
    if (options.dryRun()) {
      MigrationPreview preview = !options.migrateRunningInstances() || previous == null ? null
          : !instances.anyRunning(key) ? new MigrationPreview(List.of(), List.of())
          : deployer.rehearse(key, normalised, userId, definition -> instances.migrate(definition).preview());
      return new Report(key, dialect, file.notes(), List.of(), false, null, null, changes, preview, null);
    }
    ProcessDefinition deployed;
    try {
      deployed = transactions.execute(status -> {
        DeploymentWithDefinitions deployment = deployer.deployUploaded(key, normalised, userId);
        ProcessDefinition definition = deployment.getDeployedProcessDefinitions().get(0);
        jdbc.update("INSERT INTO model_deployment (process_key, deployment_id, process_version, file_name, dialect,"
                + " deployed_by, deployed_at, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            key, deployment.getId(), definition.getVersion(), fileName, dialect, userId,
            new Timestamp(deployment.getDeploymentTime().getTime()), toJson(changes));
        return definition;
      });
    } catch (RuntimeException failure) {
      return refused(key, dialect, file.notes(), DeployFailures.problemsOf(failure, file));
    }
    InstanceMigration.Outcome migration = options.migrateRunningInstances() ? instances.migrate(deployed) : null;
    if (migration != null) {
      jdbc.update("UPDATE model_deployment SET migrated_instances = ?, unmigrated_instances = ? WHERE deployment_id = ?",
          migration.migration().migrated(), migration.migration().notMigrated().size(), deployed.getDeploymentId());
    }
    return new Report(key, dialect, file.notes(), List.of(), true, deployed.getDeploymentId(), deployed.getVersion(),
        changes, migration == null ? null : migration.preview(), migration == null ? null : migration.migration());
  }

  List<Deployed> history() {
    return jdbc.query("SELECT * FROM model_deployment ORDER BY deployed_at DESC, id DESC", (rs, n) -> new Deployed(
        rs.getString("process_key"), rs.getInt("process_version"), rs.getString("deployment_id"), rs.getString("file_name"),
        rs.getString("dialect"), rs.getString("deployed_by"), rs.getTimestamp("deployed_at").toInstant(),
        fromJson(rs.getString("changes")), rs.getInt("migrated_instances"), rs.getInt("unmigrated_instances")));
  }

  private static Report refused(String key, String dialect, List<String> notes, List<ModelProblem> problems) {
    return new Report(key, dialect, notes, problems, false, null, null, List.of(), null, null);
  }

  private String toJson(List<Change> changes) {
    try {
      String text = json.writeValueAsString(changes);
      for (int kept = changes.size() / 2; text.length() > MAX_CHANGES_JSON; kept /= 2) {
        List<Change> cut = new ArrayList<>(changes.subList(0, kept));
        cut.add(new Change(null, null, null, null, null, null, "另有 " + (changes.size() - kept) + " 处变更，记录过长未列出"));
        text = json.writeValueAsString(cut);
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Change> fromJson(String changes) {
    try {
      return changes == null ? List.of() : json.readValue(changes, new TypeReference<List<Change>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("部署记录中的变更无法读取", e);
    }
  }

  /** One recorded deployment. */
  record Deployed(String processKey, int version, String deploymentId, String fileName, String dialect, String deployedBy,
      Instant deployedAt, List<Change> changes, int migratedInstances, int unmigratedInstances) {}
}
