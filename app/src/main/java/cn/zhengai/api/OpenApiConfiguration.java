package cn.zhengai.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the app's own API at /v3/api-docs (the engine's is Camunda's, at /engine-rest). */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI zhengaiApi() {
    return new OpenAPI()
        .info(new Info().title("诊改平台 API").version("0.1")
            .description("内部质量保证诊断与改进平台的业务接口。使用 HTTP Basic 认证，账号与任务列表相同。"))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
