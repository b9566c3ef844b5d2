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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers Tasklist's requests for a shared filter's tasks ({@code POST …/filter/{id}/list} and
 * {@code …/filter/{id}/count}, on the engine REST API and the webapps' engine API) from {@link FilterPages}. A list
 * is still written by the engine: it gets the page's task ids as {@code taskIdIn} and writes the cards as always,
 * with the engine's own authorization checks on them; this filter then puts the filter's whole count in. Whatever
 * {@link FilterPages} does not answer goes to the engine unchanged.
 */
class FilterPageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FilterPageFilter.class);
  private static final Pattern FILTER_PAGE =
      Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/default)/filter/([^/]+)/(list|count)/?$");
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
    ContentCachingResponseWrapper cards = new ContentCachingResponseWrapper(response);
    chain.doFilter(cardsOf(unchanged, extension.get(), page.taskIds()), cards);
    writeWithCount(cards, page);
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

  /** The same request narrowed to the page's tasks, from the first of them. */
  private static HttpServletRequest cardsOf(HttpServletRequest request, JsonNode extension, List<String> taskIds)
      throws IOException {
    ObjectNode narrowed = extension.isObject() ? ((ObjectNode) extension).deepCopy() : JSON.createObjectNode();
    narrowed.remove(List.of("firstResult", "maxResults"));
    narrowed.putArray("taskIdIn").addAll(taskIds.isEmpty() ? List.of(JSON.getNodeFactory().textNode(NO_TASK))
        : taskIds.stream().map(JSON.getNodeFactory()::textNode).toList());
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    parameters.put("firstResult", new String[] {"0"});
    parameters.put("maxResults", new String[] {String.valueOf(Math.max(1, taskIds.size()))});
    return RewrittenRequest.withParameters(RewrittenRequest.withBody(request, JSON.writeValueAsBytes(narrowed)), parameters);
  }

  /** The engine's cards with the filter's whole count (a HAL list carries one; a plain list does not). */
  private static void writeWithCount(ContentCachingResponseWrapper cards, Page page) throws IOException {
    byte[] written = cards.getContentAsByteArray();
    JsonNode answer = cards.getStatus() == HttpServletResponse.SC_OK && written.length > 0 ? readOrNull(written) : null;
    if (!(answer instanceof ObjectNode hal) || !hal.has("count")) {
      cards.copyBodyToResponse();
      return;
    }
    int shown = hal.path("_embedded").path("task").size();
    if (shown != page.taskIds().size()) {
      LOG.warn("任务过滤器的快速查询与引擎的授权检查不一致：查到 {} 个任务，引擎只显示 {} 个", page.taskIds().size(), shown);
    }
    hal.put("count", page.count());
    byte[] bytes = JSON.writeValueAsBytes(hal);
    HttpServletResponse response = (HttpServletResponse) cards.getResponse();
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static JsonNode readOrNull(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static void writeJson(HttpServletResponse response, JsonNode answer) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(answer);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
