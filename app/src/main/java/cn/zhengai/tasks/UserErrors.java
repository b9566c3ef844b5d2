package cn.zhengai.tasks;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The engine API's errors a user causes in Tasklist or a script, answered in Chinese with a 4xx status: a refused
 * form, a task someone else has claimed, a task that is gone (done by someone else, or never visible to them).
 * The engine and Camunda's REST layer report these in English and often as 500; every other error keeps
 * Camunda's answer.
 */
final class UserErrors {

  /** Camunda's wording for a task that does not exist (or that the caller cannot see). */
  private static final String NO_MATCHING_TASK = "No matching task with id";
  private static final String CANNOT_FIND_TASK = "Cannot find task with id";
  static final String TASK_GONE = "任务不存在或已办结，请刷新任务列表";

  private UserErrors() {}

  static Optional<Response> answer(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormValueException refused) {
        return Optional.of(answer(Status.BAD_REQUEST, refused, refused.getMessage()));
      }
      if (cause instanceof TaskAlreadyClaimedException claimed) {
        return Optional.of(answer(Status.CONFLICT, claimed, "任务已由 " + claimed.getTaskAssignee() + " 认领，请刷新任务列表"));
      }
      if (taskNotFound(cause)) {
        return Optional.of(answer(Status.NOT_FOUND, cause, TASK_GONE));
      }
    }
    return Optional.empty();
  }

  private static boolean taskNotFound(Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    return cause instanceof RestException rest && rest.getStatus() == Status.NOT_FOUND && message.startsWith(NO_MATCHING_TASK)
        || cause instanceof NullValueException && message.startsWith(CANNOT_FIND_TASK);
  }

  /** Camunda's error shape ({type, message, code}), so clients that read it keep working. */
  private static Response answer(Status status, Throwable cause, String message) {
    ExceptionDto body = ExceptionDto.fromException(cause);
    body.setMessage(message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
