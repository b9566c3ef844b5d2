package cn.zhengai.security;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One account, one password, everywhere.
 * <ul>
 *   <li>APIs ({@code /engine-rest/**}, {@code /api/**}): stateless HTTP Basic. No session cookie is honoured there,
 *   so a forged cross-site request carries no credentials; anonymous calls get 401.</li>
 *   <li>Browser ({@code /camunda/**} webapps, Swagger UI): form login with a session, CSRF tokens on every form;
 *   the webapps' own API ({@code /camunda/api/**}) is guarded by Camunda's CSRF filter (X-XSRF-TOKEN), which the
 *   webapp starter installs.</li>
 * </ul>
 */
@Configuration
class SecurityConfiguration {

  static final String LOGIN_PAGE = "/login";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, exception) ->
        writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "未登录或用户名、密码错误：请使用 HTTP Basic 认证");
    // path matchers, not MVC matchers: /engine-rest is served by Jersey, outside Spring MVC
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/engine-rest/**"), paths.matcher("/api/**")))
        .authenticationProvider(provider)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
            .accessDeniedHandler((request, response, denied) ->
                writeJson(response, HttpServletResponse.SC_FORBIDDEN, "无权执行此操作")))
        .addFilterAfter(new EngineIdentityFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain browserSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
    http.authenticationProvider(provider)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(LOGIN_PAGE, "/login.css", "/error", "/actuator/health", "/favicon.ico").permitAll()
            .anyRequest().authenticated())
        // HTTP Basic too, so that API documentation and tools can be used without the login page
        .httpBasic(basic -> { })
        .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/camunda/app/tasklist/", false)
            .failureUrl(LOGIN_PAGE + "?error"))
        .logout(logout -> logout
            // the webapps' own logout button posts here; end the Spring session with it
            .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/default/logout"))
            .logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/api/**"))
        .exceptionHandling(handling -> handling
            .defaultAuthenticationEntryPointFor((request, response, exception) ->
                    writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "会话已失效，请重新登录"),
                PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                PathPatternRequestMatcher.withDefaults().matcher("/**")));
    return http.build();
  }

  /** Single sign-on into the Camunda webapps with the user Spring Security authenticated. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  private static void writeJson(HttpServletResponse response, int status, String message) throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
  }
}
