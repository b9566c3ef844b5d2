package cn.zhengai.tasks;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/** The engine's exceptions that reach the REST layer unwrapped (claiming a task): {@link UserErrors} in Chinese. */
@Priority(1)
class EngineErrorMapper implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camundaHandler = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    return UserErrors.answer(exception).orElseGet(() -> camundaHandler.toResponse(exception));
  }
}
