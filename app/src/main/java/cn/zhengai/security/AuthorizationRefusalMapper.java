package cn.zhengai.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto;

/**
 * Answers the engine REST API's 403 in Chinese, in the shape Camunda's own handler gives (type, userId, the
 * missing authorizations), so that clients reading those fields keep working.
 */
class AuthorizationRefusalMapper implements ExceptionMapper<AuthorizationException> {

  @Override
  public Response toResponse(AuthorizationException exception) {
    AuthorizationExceptionDto body = AuthorizationExceptionDto.fromException(exception);
    body.setMessage(AuthorizationRefusals.message(exception));
    return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
