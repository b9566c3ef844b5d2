package cn.zhengai.security;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/** Registers {@link AuthorizationRefusalMapper} with the engine REST API at /engine-rest. */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(AuthorizationRefusalMapper.class);
  }
}
