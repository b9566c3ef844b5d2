package cn.zhengai.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The webapps' engine API as Tasklist calls it in a browser: the session cookie and Camunda's XSRF header. */
public final class TasklistSession {

  private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String API = "/camunda/api/engine/engine/default";
  /** What Tasklist sends with every page of a filter. */
  public static final String TASKLIST_QUERY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";
  private final HttpClient http;
  private final String base;
  private final String xsrf;

  private TasklistSession(HttpClient http, String base, String xsrf) {
    this.http = http;
    this.base = base;
    this.xsrf = xsrf;
  }

  /** Signs {@code user} in on the login page and opens Tasklist, as a browser does. */
  public static TasklistSession logIn(int port, String user) throws Exception {
    String base = "http://127.0.0.1:" + port;
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = LOGIN_CSRF.matcher(loginPage);
    if (!csrf.find()) {
      throw new IllegalStateException("登录页没有 CSRF 令牌");
    }
    String form = "username=" + user + "&password=" + EngineRest.DEMO_PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("/login")) {
      throw new IllegalStateException(user + " 登录失败：" + login.statusCode() + " " + login.headers().map());
    }
    http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst()
        .orElseThrow(() -> new IllegalStateException("Tasklist 没有给出 XSRF-TOKEN")).getValue();
    return new TasklistSession(http, base, xsrf);
  }

  public String filterId(String name) throws Exception {
    String body = get(API + "/filter?resourceType=Task&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), "application/json");
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
    if (!id.find()) {
      throw new IllegalStateException("没有过滤器 " + name + "：" + body);
    }
    return id.group(1);
  }

  /** A page as Tasklist asks for it (15 tasks): newest active tasks first, with the cards' variables embedded. */
  public String list(String filter, int firstResult, int maxResults) throws Exception {
    return list(filter, TASKLIST_QUERY, firstResult, maxResults);
  }

  /** A page of the filter with {@code query} instead of Tasklist's, asked for as Tasklist asks. */
  public String list(String filter, String query, int firstResult, int maxResults) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + API + "/filter/" + filter + "/list?firstResult=" + firstResult
            + "&maxResults=" + maxResults))
        .header("Accept", "application/hal+json, application/json; q=0.5").header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString(query)).build();
    return expectOk(http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** The filter itself, as Tasklist reads it before its pages: one request to the engine, one row read. */
  public String filter(String filter) throws Exception {
    return get(API + "/filter/" + filter, "application/json");
  }

  public String count(String filter) throws Exception {
    return get(API + "/filter/" + filter + "/count", "application/json");
  }

  private String get(String path, String accept) throws Exception {
    return expectOk(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString()));
  }

  private static String expectOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.request().uri() + " → " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
