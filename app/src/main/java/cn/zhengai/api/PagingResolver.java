package cn.zhengai.api;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Reads {@link Paging} from the query's {@code page} and {@code size}, refusing what is not a page in Chinese. */
@Configuration
class PagingResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Paging.class;
  }

  @Override
  public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
      WebDataBinderFactory binders) {
    return new Paging(number(request, "page", "页码", 0), number(request, "size", "每页条数", Paging.DEFAULT_SIZE));
  }

  private static int number(NativeWebRequest request, String name, String label, int otherwise) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException notANumber) {
      throw Paging.refused(label + " " + name + " 应为整数，收到的是“" + value + "”");
    }
  }
}
