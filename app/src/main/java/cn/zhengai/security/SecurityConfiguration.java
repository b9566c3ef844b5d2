package cn.zhengai.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One account, one password, everywhere.
 * <ul>
 *   <li>APIs ({@code /engine-rest/**}, {@code /api/**}): stateless HTTP Basic for scripts; anonymous calls get 401.
 *   {@code /engine-rest/**} honours no session cookie, so a forged cross-site request carries no credentials there.
 *   {@code /api/**} also takes the login page's session (for the product's own pages), and then every unsafe
 *   request needs the session's CSRF token.</li>
 *   <li>Browser ({@code /camunda/**} webapps, Swagger UI): form login with a session, CSRF tokens on every form;
 *   the webapps' own API ({@code /camunda/api/**}) is guarded by Camunda's CSRF filter (X-XSRF-TOKEN), which the
 *   webapp starter installs.</li>
 * </ul>
 */
@Configuration
class SecurityConfiguration {

  static final String LOGIN_PAGE = "/login";
  private static final AuthenticationEntryPoint UNAUTHORIZED = (request, response, exception) ->
      writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "未登录或用户名、密码错误：请使用 HTTP Basic 认证或在登录页登录");

  @Bean
  @Order(1)
  SecurityFilterChain basicApiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService) throws Exception {
    // path matchers, not MVC matchers: /engine-rest is served by Jersey, outside Spring MVC
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher withCredentials = request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/engine-rest/**"),
            new AndRequestMatcher(paths.matcher("/api/**"), withCredentials)))
        .httpBasic(basic -> basic.authenticationEntryPoint(UNAUTHORIZED))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return apiChain(http, provider, identityService);
  }

  /**
   * The app's API for the product's own pages (the model editor): the login page's session, and for every unsafe
   * request the session's CSRF token in the {@code X-CSRF-TOKEN} header. Camunda's webapps keep their own
   * {@code XSRF-TOKEN} cookie and {@code X-XSRF-TOKEN} header under /camunda; this token lives in the session only.
   */
  @Bean
  @Order(2)
  SecurityFilterChain sessionApiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService) throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        // without a session nobody is signed in here: such a call gets 401, not a CSRF refusal
        .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getSession(false) == null));
    return apiChain(http, provider, identityService);
  }

  /** What both ways into the app's API share: signed in or 401, Chinese refusals, the engine told who calls. */
  private static SecurityFilterChain apiChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService) throws Exception {
    http.authenticationProvider(provider)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // a refused API call is no page to return to after the next login
        .requestCache(cache -> cache.disable())
        .exceptionHandling(handling -> handling.authenticationEntryPoint(UNAUTHORIZED)
            .accessDeniedHandler((request, response, denied) -> writeJson(response, HttpServletResponse.SC_FORBIDDEN,
                denied instanceof CsrfException ? "请求缺少有效的 CSRF 令牌：请刷新页面后重试" : "无权执行此操作")))
        .addFilterAfter(new EngineIdentityFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain browserSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
    http.authenticationProvider(provider)
        .authorizeHttpRequests(requests -> requests
            // Camunda's fonts and images too: a webapp still loads them while it leaves for the login page
            // the 演练模式 banner shows on the login page too
            .requestMatchers(LOGIN_PAGE, "/login.css", "/simulation-banner.js", "/error", "/actuator/health", "/favicon.ico", "/camunda/assets/**")
            .permitAll()
            .anyRequest().authenticated())
        .requestCache(cache -> cache.requestCache(pagesOnly()))
        // HTTP Basic too, so that API documentation and tools can be used without the login page
        .httpBasic(basic -> { })
        // back to the page the login was for, else to where the person works (LandingPageController)
        .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl(LandingPageController.LANDING_PAGE, false)
            .failureUrl(LOGIN_PAGE + "?error"))
        .logout(logout -> logout
            // the webapps' own logout button posts here; end the Spring session with it
            .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/default/logout"))
            .logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/api/**"))
        // Tasklist shows the 工作台 inside a task (tasklist/scripts/task-data.js); other sites still cannot frame a page
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
            .cacheControl(cache -> cache.disable()).addHeaderWriter(new StaticFilesRevalidated()))
        .exceptionHandling(handling -> handling
            .defaultAccessDeniedHandlerFor(SecurityConfiguration::freshLoginPage,
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN_PAGE))
            .defaultAuthenticationEntryPointFor((request, response, exception) ->
                    writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "会话已失效，请重新登录"),
                PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                PathPatternRequestMatcher.withDefaults().matcher("/**")));
    return http.build();
  }

  /**
   * After a login the browser goes back only to a page it was sent away from, never to a font, script or API call
   * that a webapp still loaded after its session ended (the browser would stay on the login page).
   */
  private static RequestCache pagesOnly() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"), html));
    return cache;
  }

  /**
   * A login form whose CSRF token no longer matches the session (the session ended or was replaced, e.g. by a
   * logout in another tab, since the page was shown) is not refused with a bare 403: the person gets a fresh login
   * page, with a new token, that says why.
   */
  private static void freshLoginPage(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws java.io.IOException {
    if (denied instanceof CsrfException) {
      response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?expired");
    } else {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
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
