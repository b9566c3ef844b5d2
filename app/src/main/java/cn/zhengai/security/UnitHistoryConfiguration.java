package cn.zhengai.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link UnitHistoryFilter} after sign-in, in front of the engine REST API and the webapps' engine API. */
@Configuration
class UnitHistoryConfiguration {

  @Bean
  FilterRegistrationBean<UnitHistoryFilter> unitHistory(ObjectProvider<ProcessEngine> engine) {
    // the engine is looked up per request: filters are built before the database migrations run
    FilterRegistrationBean<UnitHistoryFilter> registration = new FilterRegistrationBean<>(new UnitHistoryFilter(engine));
    registration.addUrlPatterns("/engine-rest/history/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
