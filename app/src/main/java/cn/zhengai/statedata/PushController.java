package cn.zhengai.statedata;

import cn.zhengai.api.ApiError;
import cn.zhengai.statedata.DataSources.Kind;
import cn.zhengai.statedata.DataSources.Source;
import cn.zhengai.statedata.ReadingLoader.Offered;
import cn.zhengai.statedata.ReadingLoader.Place;
import cn.zhengai.statedata.SourceRuns.Run;
import cn.zhengai.statedata.SourceRuns.Start;
import cn.zhengai.statedata.SourceRuns.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where college systems push readings: {@code POST /api/data/push/{source}} with HTTP Basic credentials of the push
 * source itself (its code and secret, not a person's account). Wrong credentials answer 401 and load nothing; the
 * readings are checked whole and loaded all or nothing, like a file.
 */
@Tag(name = "数据平台")
@RestController
class PushController {

  static final String PATH = "/api/data/push/";
  private static final String PLACE = "推送数据";

  private final DataSources sources;
  private final SourceRunner runner;

  PushController(DataSources sources, SourceRunner runner) {
    this.sources = sources;
    this.runner = runner;
  }

  /** One pushed reading. */
  record PushedReading(String indicator, String subject, String period, Object value) {}

  record Push(List<PushedReading> readings) {}

  @Operation(summary = "对方系统推送读数（推送来源自己的凭据，HTTP Basic：来源编号 + 推送密钥）")
  @PostMapping(PATH + "{code}")
  ResponseEntity<?> push(@PathVariable String code, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) Push push) {
    Optional<Source> source = sources.find(code).filter(found -> found.kind() == Kind.PUSH && found.enabled()
        && credentialsFit(found, authorization));
    if (source.isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"zhengai-push\"")
          .body(new ApiError(401, "推送凭据无效：请使用推送来源的编号和推送密钥（HTTP Basic），未载入任何数据"));
    }
    List<Offered> offered = new ArrayList<>();
    List<PushedReading> readings = push == null || push.readings() == null ? List.of() : push.readings();
    for (int i = 0; i < readings.size(); i++) {
      PushedReading reading = readings.get(i);
      offered.add(new Offered(new Place(PLACE, i + 1, "indicator", "subject", "period", "value"), text(reading.indicator()),
          text(reading.subject()), text(reading.period()), reading.value() == null ? "" : reading.value().toString()));
    }
    if (offered.isEmpty()) {
      return ResponseEntity.badRequest().body(new ApiError(400, "推送中没有读数：请求体应为 {\"readings\": [{\"indicator\", \"subject\", \"period\", \"value\"}]}"));
    }
    Run run = runner.run(source.get(), Start.PUSH, code, null, () -> offered);
    return ResponseEntity.status(run.status() == Status.FAILED ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(run);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static boolean credentialsFit(Source source, String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    return colon > 0 && decoded.substring(0, colon).equals(source.code())
        && DataSources.secretMatches(source, decoded.substring(colon + 1));
  }

  /** The push endpoint checks its source's own credentials: no person signs in there, no session, no CSRF token. */
  @Configuration
  static class PushSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain pushSecurity(HttpSecurity http) throws Exception {
      return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(PATH + "**"))
          .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .csrf(csrf -> csrf.disable())
          .build();
    }
  }
}
