package cn.zhengai.tasks;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine wraps any exception a task listener throws, so a refused form would reach REST clients as a 500
 * with engine noise around the reason. This mapper finds a {@link FormValueException} in the cause chain and
 * answers 400 with its Chinese message; every other error goes to Camunda's own handler unchanged.
 */
@Priority(1)
class FormValueExceptionMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundaHandler = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormValueException refused) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", FormValueException.class.getSimpleName(), "message", refused.getMessage()))
            .build();
      }
    }
    return camundaHandler.toResponse(exception);
  }
}
