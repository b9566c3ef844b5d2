package cn.zhengai.deployment;

import cn.zhengai.processes.modelfile.ModelFile;
import cn.zhengai.processes.modelfile.ModelProblem;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A deployment the engine refused although the model passed every check, told in Chinese: the model's fault
 * (what the engine evaluates only when deploying, the start events' timers, messages and signals) as problems
 * of the upload, anything else (database, concurrent change) as a server error. The engine's own message and
 * trace go to the log, never to the process owner.
 */
final class DeployFailures {

  private static final Logger LOG = LoggerFactory.getLogger(DeployFailures.class);
  static final String START_EVENT_REFUSED = "部署时流程引擎无法启用此开始事件，模型未部署：定时开始的时间在部署时计算，"
      + "不能引用流程变量，须为有效的 ISO 8601 时间或 cron；消息、信号名称不能与其他流程的开始事件重复";
  private static final String MODEL_REFUSED = "部署时流程引擎拒绝了该模型，模型未部署；请在建模器中检查后重新上传，如仍失败请联系系统管理员";
  static final String SERVER_FAILED = "部署失败：流程引擎或数据库出错，模型未部署。请稍后重试；如仍失败，请联系系统管理员";

  private DeployFailures() {}

  /** The upload's problems when the model is at fault; a Chinese 500 when the engine or its database failed. */
  static List<ModelProblem> problemsOf(RuntimeException failure, ModelFile file) {
    if (failure instanceof AuthorizationException) {
      // the caller's rights, not the model: the API answers 403
      throw failure;
    }
    if (!isModelsFault(failure)) {
      LOG.error("部署上传的模型 {} 失败", file.process().getId(), failure);
      throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, SERVER_FAILED);
    }
    LOG.warn("流程引擎拒绝部署上传的模型 {}：{}", file.process().getId(), failure.getMessage());
    List<ModelProblem> startEvents = file.process().getFlowElements().stream()
        .filter(element -> element instanceof StartEvent start && !start.getEventDefinitions().isEmpty())
        .map(start -> ModelProblem.at(start, START_EVENT_REFUSED))
        .toList();
    return startEvents.isEmpty() ? List.of(ModelProblem.ofFile(MODEL_REFUSED)) : startEvents;
  }

  /** The engine's refusal, unless the database or a concurrent change was the cause. */
  private static boolean isModelsFault(RuntimeException failure) {
    if (!(failure instanceof ProcessEngineException) || failure instanceof OptimisticLockingException) {
      return false;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException || cause instanceof PersistenceException) {
        return false;
      }
    }
    return true;
  }
}
