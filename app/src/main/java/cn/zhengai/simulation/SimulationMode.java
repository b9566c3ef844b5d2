package cn.zhengai.simulation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The training and simulation mode (演练模式): the profile {@value #PROFILE}, off by default. It moves the clock of
 * everything, so it runs only beside the demo data, never on the postgres profile's production data: such a start
 * is refused before anything touches the database.
 */
public final class SimulationMode implements EnvironmentPostProcessor {

  public static final String PROFILE = "simulation";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.matchesProfiles(PROFILE)) {
      return;
    }
    // the postgres profile is the production data; it also switches the demo data off (application-postgres.yaml)
    if (environment.matchesProfiles("postgres") || !environment.getProperty("zhengai.demo.enabled", Boolean.class, false)) {
      throw new IllegalStateException("拒绝启动：演练模式（simulation 配置）会拨动系统时钟、触发全部到期定时器，只能与演示数据一起使用，"
          + "不能与生产数据（postgres 配置）同时启用。请去掉 simulation 配置，或在默认配置下演练。");
    }
  }
}
