package cn.zhengai.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;

/**
 * Scripts, styles, fonts and images may be kept by the browser and revalidated ({@code 304 Not Modified} from their
 * Last-Modified date) instead of being fetched whole on every page: Tasklist alone loads about 5 MB of scripts each
 * time a page opens. {@code private}: they are served to signed-in people only. Every other answer (pages, API
 * replies, downloads) keeps Spring Security's no-store, and an answer that set its own cache header keeps it.
 */
final class StaticFilesRevalidated implements HeaderWriter {

  private static final Pattern STATIC_FILE = Pattern.compile(".*\\.(js|css|woff2?|ttf|eot|svg|png|gif|ico|map)");
  static final String REVALIDATE = "private, no-cache";

  private final HeaderWriter noStore = new CacheControlHeadersWriter();

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    if (!HttpMethod.GET.matches(request.getMethod()) || !STATIC_FILE.matcher(request.getRequestURI()).matches()) {
      noStore.writeHeaders(request, response);
    } else if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
    }
  }
}
