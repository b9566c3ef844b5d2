package cn.zhengai.tasklist;

import cn.zhengai.api.RewrittenRequest;
import cn.zhengai.tasklist.FilterPages.Page;
import cn.zhengai.tasklist.FilterPages.Selection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers Tasklist's requests for a shared filter's tasks ({@code POST …/filter/{id}/list} and
 * {@code …/filter/{id}/count}, on the engine REST API and the webapps' engine API) from {@link FilterPages}. A list
 * is still written by the engine, narrowed to the page's task ids ({@code taskIdIn}), with the engine's own
 * authorization checks on them: Tasklist's HAL list by the engine REST API's filter resource here, with the count
 * {@link FilterPages} found ({@link FilterPageCards}); a plain list, which has no count, further down the chain.
 * Whatever {@link FilterPages} does not answer goes to the engine unchanged.
 */
class FilterPageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FilterPageFilter.class);
  private static final String WEBAPPS_ENGINE_API = "/camunda/api/engine/engine/default";
  private static final String WEBAPPS_CSRF_HEADER = "X-XSRF-TOKEN";
  private static final Pattern FILTER_PAGE =
      Pattern.compile("^(?:/engine-rest|" + WEBAPPS_ENGINE_API + ")/filter/([^/]+)/(list|count)/?$");
  /** No task has this id: the engine's answer to an empty page, which {@code taskIdIn: []} would not give. */
  private static final String NO_TASK = "-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectProvider<FilterPages> pages;

  FilterPageFilter(ObjectProvider<FilterPages> pages) {
    this.pages = pages;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher path = FILTER_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    boolean post = HttpMethod.POST.matches(request.getMethod());
    boolean list = path.matches() && path.group(2).equals("list");
    if (!path.matches() || list && !post || !post && !HttpMethod.GET.matches(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = post ? request.getInputStream().readAllBytes() : new byte[0];
    HttpServletRequest unchanged = post ? RewrittenRequest.withBody(request, body) : request;
    Optional<JsonNode> extension = extension(body);
    Optional<Selection> selection = extension.flatMap(asked -> pages.getObject().select(path.group(1), asked));
    if (selection.isEmpty()) {
      chain.doFilter(unchanged, response);
      return;
    }
    LOG.debug("任务过滤器 {} 的{}由本产品的查询作答", path.group(1), list ? "一页任务" : "计数");
    if (!list) {
      writeJson(response, JSON.createObjectNode().put("count", pages.getObject().count(selection.get())));
      return;
    }
    Optional<Integer> firstResult = bound(request.getParameter("firstResult"), 0);
    Optional<Integer> maxResults = bound(request.getParameter("maxResults"), Integer.MAX_VALUE);
    if (firstResult.isEmpty() || maxResults.isEmpty()) {
      chain.doFilter(unchanged, response);
      return;
    }
    Page page = pages.getObject().page(selection.get(), firstResult.get(), maxResults.get());
    ObjectNode narrowed = narrowed(extension.get(), page.taskIds());
    if (!acceptsHal(request) || lacksWebappsCsrfHeader(request)) {
      // a plain list carries no count: the engine writes the page's tasks (and the webapps refuse a request
      // without their CSRF header)
      chain.doFilter(pageOf(unchanged, narrowed, page.taskIds()), response);
      return;
    }
    HalResource<?> cards;
    try {
      cards = pages.getObject().cards(selection.get(), JSON.writeValueAsString(narrowed), page);
    } catch (ProcessEngineException | RestException failed) {
      LOG.warn("任务过滤器 {} 的一页任务未能由本产品写出，改由引擎作答", path.group(1), failed);
      chain.doFilter(unchanged, response);
      return;
    }
    Object shown = cards.getEmbedded("task");
    int shownTasks = shown instanceof List<?> shownList ? shownList.size() : 0;
    if (shownTasks != page.taskIds().size()) {
      LOG.warn("任务过滤器的快速查询与引擎的授权检查不一致：查到 {} 个任务，引擎只显示 {} 个", page.taskIds().size(), shownTasks);
    }
    write(response, Hal.APPLICATION_HAL_JSON, FilterPageCards.JSON.writeValueAsBytes(cards));
  }

  /** The body as the extending query: null for none, empty when it is no JSON (the engine answers that). */
  private static Optional<JsonNode> extension(byte[] body) {
    if (body.length == 0) {
      return Optional.of(JSON.nullNode());
    }
    try {
      return Optional.of(JSON.readTree(body));
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> bound(String value, int absent) {
    if (value == null) {
      return Optional.of(absent);
    }
    try {
      int bound = Integer.parseInt(value);
      return bound < 0 ? Optional.empty() : Optional.of(bound);
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  /** Tasklist's query narrowed to the page's tasks (their order is the query's sorting). */
  private static ObjectNode narrowed(JsonNode extension, List<String> taskIds) {
    ObjectNode narrowed = extension.isObject() ? ((ObjectNode) extension).deepCopy() : JSON.createObjectNode();
    narrowed.remove(List.of("firstResult", "maxResults"));
    narrowed.putArray("taskIdIn").addAll(taskIds.isEmpty() ? List.of(JSON.getNodeFactory().textNode(NO_TASK))
        : taskIds.stream().map(JSON.getNodeFactory()::textNode).toList());
    return narrowed;
  }

  /** Whether the caller asks for HAL first, as Tasklist does ({@code application/hal+json, application/json; q=0.5}). */
  private static boolean acceptsHal(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.split(",")[0].split(";")[0].trim().equalsIgnoreCase(Hal.APPLICATION_HAL_JSON);
  }

  /**
   * Whether a request to the webapps' engine API lacks the header their CSRF filter checks. That filter comes later
   * in the chain; a page answered here must not be one a form on another site could ask for (a form sets no header).
   */
  private static boolean lacksWebappsCsrfHeader(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length()).startsWith(WEBAPPS_ENGINE_API)
        && request.getHeader(WEBAPPS_CSRF_HEADER) == null;
  }

  /** The same request narrowed to the page's tasks, from the first of them. */
  private static HttpServletRequest pageOf(HttpServletRequest request, ObjectNode narrowed, List<String> taskIds)
      throws IOException {
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    parameters.put("firstResult", new String[] {"0"});
    parameters.put("maxResults", new String[] {String.valueOf(Math.max(1, taskIds.size()))});
    return RewrittenRequest.withParameters(RewrittenRequest.withBody(request, JSON.writeValueAsBytes(narrowed)), parameters);
  }

  private static void writeJson(HttpServletResponse response, JsonNode answer) throws IOException {
    write(response, "application/json", JSON.writeValueAsBytes(answer));
  }

  private static void write(HttpServletResponse response, String contentType, byte[] bytes) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
