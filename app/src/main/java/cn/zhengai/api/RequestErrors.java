package cn.zhengai.api;

import cn.zhengai.integration.excel.ExcelTableReader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Requests Spring refuses before they reach the app's code (a file over the upload limit, a missing file or
 * parameter, a body of the wrong type), answered in Chinese instead of Spring's English bodies or an empty 413.
 * Not limited to the app's packages: an upload over the limit is refused before any controller is chosen.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestErrors {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.BAD_REQUEST, "文件过大，上限为 " + ExcelTableReader.MAX_BYTES / 1024 / 1024 + " MB");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
    return error(HttpStatus.BAD_REQUEST, "缺少上传的文件：请在表单字段 " + e.getRequestPartName() + " 中上传");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> multipart(MultipartException e) {
    return error(HttpStatus.BAD_REQUEST, "上传的内容无法读取：请以 multipart/form-data 表单上传文件（字段 file）");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "请求内容无法读取：应为有效的 JSON，字段与取值见接口说明（/swagger-ui.html）");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    String expected = String.join("、", e.getSupportedMediaTypes().stream().map(Object::toString).toList());
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的请求内容类型" + (e.getContentType() == null ? "" : " " + e.getContentType())
        + (expected.isEmpty() ? "" : "；应为 " + expected));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "此地址不支持 " + e.getMethod() + " 请求");
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message));
  }
}
