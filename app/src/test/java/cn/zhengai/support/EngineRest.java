package cn.zhengai.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Calls the running app over HTTP as one user, the way an API client or Tasklist does. */
public final class EngineRest {

  public static final String DEMO_PASSWORD = "zhengai2026";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate http;
  private final String user;

  private EngineRest(TestRestTemplate http, String user) {
    this.http = http;
    this.user = user;
  }

  public static EngineRest as(TestRestTemplate http, String user) {
    return new EngineRest(http.withBasicAuth(user, DEMO_PASSWORD), user);
  }

  public static EngineRest anonymous(TestRestTemplate http) {
    return new EngineRest(http, null);
  }

  public Reply get(String path) {
    return call(HttpMethod.GET, path, null);
  }

  public Reply post(String path, Object body) {
    return call(HttpMethod.POST, path, body);
  }

  public Reply put(String path, Object body) {
    return call(HttpMethod.PUT, path, body);
  }

  public Reply delete(String path) {
    return call(HttpMethod.DELETE, path, null);
  }

  /** Posts a file as a multipart form's "file" part, the way a browser uploads it. */
  public Reply upload(String path, String fileName, byte[] content) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    return new Reply(response.getStatusCode().value(), response.getBody(), user + " upload " + fileName + " to " + path,
        response.getHeaders());
  }

  /** Downloads a file, failing unless it comes with status 200. */
  public byte[] download(String path) {
    ResponseEntity<byte[]> response = http.getForEntity(path, byte[].class);
    assertThat(response.getStatusCode().value()).as(user + " GET " + path).isEqualTo(200);
    return response.getBody();
  }

  /** Engine REST variables: {@code {"name": {"value": v}}}. */
  public static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, value == null ? Map.of("value", "", "type", "Null") : Map.of("value", value)));
    return Map.of("variables", variables);
  }

  private Reply call(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    return new Reply(response.getStatusCode().value(), response.getBody(), user + " " + method + " " + path, response.getHeaders());
  }

  /** An HTTP answer: status, the body as JSON, and the headers. */
  public record Reply(int status, String body, String request, HttpHeaders headers) {

    /** A header's value, or null. */
    public String header(String name) {
      return headers.getFirst(name);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body == null ? "null" : body);
      } catch (Exception e) {
        throw new AssertionError(request + " answered no JSON: " + body, e);
      }
    }

    public Reply expect(int expected) {
      assertThat(status).as(request + " → " + body).isEqualTo(expected);
      return this;
    }
  }
}
