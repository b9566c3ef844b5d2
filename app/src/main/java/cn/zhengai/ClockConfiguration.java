package cn.zhengai;

import cn.zhengai.calendar.SharedClock;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the product's own date rules and the engine (see {@link SharedClock}). */
@Configuration
class ClockConfiguration {

  @Bean
  Clock clock() {
    return new SharedClock();
  }
}
