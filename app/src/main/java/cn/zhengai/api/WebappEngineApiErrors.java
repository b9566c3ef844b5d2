package cn.zhengai.api;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tasklist and Cockpit call the engine through the webapps' own JAX-RS application (/camunda/api/engine), not
 * through /engine-rest, so the product's error mappers registered for /engine-rest (Chinese refusals, user errors)
 * are given to it as well, through Jersey's documented provider class names parameter of its servlet. The
 * servlet is created by Camunda's webapp initializer before any bean, and Jersey reads the parameter when it
 * starts the servlet on the first request, after the context has started.
 */
@Component
class WebappEngineApiErrors {

  /** The name Camunda's webapp initializer gives the webapps' engine API servlet. */
  private static final String ENGINE_API_SERVLET = "Engine Api";

  WebappEngineApiErrors(ObjectProvider<ServletContext> servletContext, ObjectProvider<ResourceConfigCustomizer> customizers) {
    ServletContext context = servletContext.getIfAvailable();
    ServletRegistration engineApi = context == null ? null : context.getServletRegistration(ENGINE_API_SERVLET);
    if (engineApi == null) {
      return; // not a web server, or the webapps are switched off
    }
    ResourceConfig engineRest = new ResourceConfig();
    customizers.orderedStream().forEach(customizer -> customizer.customize(engineRest));
    String mappers = engineRest.getClasses().stream().filter(ExceptionMapper.class::isAssignableFrom)
        .map(Class::getName).collect(Collectors.joining(","));
    if (!engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, mappers)) {
      throw new IllegalStateException("Camunda 的 " + ENGINE_API_SERVLET + " 已设置 " + ServerProperties.PROVIDER_CLASSNAMES);
    }
  }
}
