package cn.zhengai.api;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list the app's API answers: {@code page} (from 0) and {@code size} from the query, the body stays
 * what it was (a JSON array), the total goes in {@code X-Total-Count} and the next page, when rows remain, in
 * {@code Link: <…>; rel="next"}. A controller takes it as a parameter ({@link PagingResolver} reads and checks it) and
 * answers through {@link #of} (a list in memory) or {@link #answer} (a page its query cut, with the total).
 */
@ParameterObject
public record Paging(
    @Parameter(description = "页码，从 0 开始；默认 0") int page,
    @Parameter(description = "每页条数，默认 " + Paging.DEFAULT_SIZE + "，最多 " + Paging.MAX_SIZE) int size) {

  public static final int DEFAULT_SIZE = 500;
  public static final int MAX_SIZE = 2000;
  public static final String TOTAL_COUNT = "X-Total-Count";

  public Paging {
    if (page < 0) {
      throw refused("页码 page 应为从 0 开始的整数，收到的是 " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw refused("每页条数 size 应在 1 到 " + MAX_SIZE + " 之间（每页最多 " + MAX_SIZE + " 条），收到的是 " + size);
    }
  }

  static ResponseStatusException refused(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }

  /** Where the page starts, for a query's OFFSET. */
  public long offset() {
    return (long) page * size;
  }

  /** This page of a list held in memory. */
  public <T> ResponseEntity<List<T>> of(List<T> all) {
    int from = (int) Math.min(offset(), all.size());
    return answer(all.subList(from, Math.min(from + size, all.size())), all.size());
  }

  /** A page of rows cut by a query, with the number of rows in all pages. */
  public <T> ResponseEntity<T> answer(T body, long total) {
    ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(total));
    if (offset() + size < total) {
      // relative to the server, so that it stays right behind a proxy that speaks https for the app
      HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
      String next = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
          .replaceQueryParam("page", page + 1).replaceQueryParam("size", size).build(true).toUriString();
      response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return response.body(body);
  }
}
