package cn.zhengai.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error the app's API returns: HTTP status, a message in Chinese and, when the request was
 * refused for several reasons (an import, a table row), each of them, saying where; an import refused for rows
 * changed since their export lists those conflicts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String message, List<String> problems, List<?> conflicts) {

  public ApiError(int status, String message) {
    this(status, message, null, null);
  }

  public ApiError(int status, String message, List<String> problems) {
    this(status, message, problems, null);
  }
}
