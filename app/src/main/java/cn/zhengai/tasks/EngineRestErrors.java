package cn.zhengai.tasks;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/** Registers the mappers of {@link UserErrors} with the engine REST API at /engine-rest. */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RestErrorMapper.class);
    config.register(EngineErrorMapper.class);
  }
}
