package cn.zhengai.api;

import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelProblem;
import cn.zhengai.integration.org.OrganisationFileException;
import cn.zhengai.planning.PlanningException;
import cn.zhengai.planning.RowConflictsException;
import cn.zhengai.planning.RowsForbiddenException;
import cn.zhengai.security.AuthorizationRefusals;
import cn.zhengai.security.GroupAccessRefused;
import cn.zhengai.security.GroupNames;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Turns failures of the app's own API into {@link ApiError} bodies with Chinese messages. */
@RestControllerAdvice(basePackages = "cn.zhengai")
class ApiExceptionHandler {

  private final GroupNames groupNames;

  ApiExceptionHandler(GroupNames groupNames) {
    this.groupNames = groupNames;
  }

  @ExceptionHandler(GroupAccessRefused.class)
  ResponseEntity<ApiError> groupRefused(GroupAccessRefused e) {
    return error(HttpStatus.FORBIDDEN, e.message(groupNames::nameOf));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ApiError> status(ResponseStatusException e) {
    return error(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
  }

  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ApiError> badRequest(BadUserRequestException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(OrganisationFileException.class)
  ResponseEntity<ApiError> organisationFile(OrganisationFileException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(ExcelImportException.class)
  ResponseEntity<ApiError> rowsRefused(ExcelImportException e) {
    List<String> problems = e.problems().stream().map(ExcelProblem::describe).toList();
    String summary = problems.size() == 1 ? problems.get(0) : "共 " + problems.size() + " 处问题";
    HttpStatus status = e instanceof RowsForbiddenException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).body(new ApiError(status.value(), "未写入任何数据：" + summary, problems));
  }

  @ExceptionHandler(RowConflictsException.class)
  ResponseEntity<ApiError> conflicts(RowConflictsException e) {
    List<String> problems = e.conflicts().stream().map(conflict -> "第 " + conflict.row() + " 行：" + conflict.message()).toList();
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(new ApiError(HttpStatus.CONFLICT.value(), e.getMessage(), problems, e.conflicts()));
  }

  @ExceptionHandler(PlanningException.class)
  ResponseEntity<ApiError> planning(PlanningException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ApiError> stillReferenced(DataIntegrityViolationException e) {
    return error(HttpStatus.CONFLICT, "该数据仍被其他数据引用（如下级规划、目标、任务），请先处理引用它的数据");
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return error(HttpStatus.FORBIDDEN, AuthorizationRefusals.message(e));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    String problems = String.join("；", e.getBindingResult().getFieldErrors().stream()
        .map(error -> error.getField() + "：" + error.getDefaultMessage()).toList());
    return error(HttpStatus.BAD_REQUEST, "请求内容有误：" + problems);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值 \"" + e.getValue() + "\" 无效");
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message));
  }
}
