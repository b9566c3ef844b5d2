package cn.zhengai.api;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The body of Spring Boot's own error answers (an unknown address, a refusal no handler turned into an
 * {@link ApiError}) in Chinese: {@code error} is the status in Chinese, {@code message} says what to do.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    int status = attributes.get("status") instanceof Integer code ? code : 500;
    Object path = attributes.getOrDefault("path", "");
    String[] chinese = switch (status) {
      case 400 -> new String[] {"请求有误", "请求内容或参数有误，请检查后重试"};
      case 401 -> new String[] {"未登录", "请先登录"};
      case 403 -> new String[] {"无权访问", "无权执行此操作"};
      case 404 -> new String[] {"未找到", "没有这个地址：" + path};
      case 405 -> new String[] {"请求方法不允许", "此地址不支持该请求方法"};
      case 413 -> new String[] {"内容过大", "上传的内容过大"};
      case 415 -> new String[] {"内容类型不支持", "不支持的请求内容类型"};
      default -> status >= 500 ? new String[] {"服务器内部错误", "服务器内部错误，请稍后重试；如仍失败，请联系系统管理员"}
          : new String[] {"请求失败", "请求失败（" + status + "）"};
    };
    attributes.put("error", chinese[0]);
    attributes.put("message", chinese[1]);
    return attributes;
  }
}
