package cn.zhengai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 诊改 · the college's internal quality assurance platform on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhengaiApplication {

  public static void main(String[] args) {
    SpringApplication.run(ZhengaiApplication.class, args);
  }
}
