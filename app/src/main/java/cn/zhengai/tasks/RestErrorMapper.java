package cn.zhengai.tasks;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda's REST layer wraps what the engine throws (a task listener's refusal becomes "Cannot submit task form
 * …: ENGINE-03051 …", a 500): the {@link UserErrors} among them are answered in Chinese, the rest by Camunda.
 */
@Priority(1)
class RestErrorMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundaHandler = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    return UserErrors.answer(exception).orElseGet(() -> camundaHandler.toResponse(exception));
  }
}
