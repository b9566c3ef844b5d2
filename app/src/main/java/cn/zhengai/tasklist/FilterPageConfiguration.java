package cn.zhengai.tasklist;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link FilterPageFilter} after sign-in (the engine knows the caller by then), in front of the engine's APIs. */
@Configuration
class FilterPageConfiguration {

  @Bean
  FilterRegistrationBean<FilterPageFilter> filterPageRegistration(ObjectProvider<FilterPages> pages) {
    // looked up per request: filters are built before the engine
    FilterRegistrationBean<FilterPageFilter> registration = new FilterRegistrationBean<>(new FilterPageFilter(pages));
    registration.addUrlPatterns("/engine-rest/filter/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }
}
