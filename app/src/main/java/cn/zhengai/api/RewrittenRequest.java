package cn.zhengai.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request handed on to the engine REST API with another body or other query parameters, for servlet filters that
 * narrow or answer part of what a caller asked the engine (the engine's resources read both from the request).
 */
public final class RewrittenRequest {

  private RewrittenRequest() {}

  /** The request with {@code body} as its body: also the way to pass on a body a filter has already read. */
  public static HttpServletRequest withBody(HttpServletRequest request, byte[] body) {
    return new BodyRequest(request, body);
  }

  /** The request with {@code parameters} as its query string and parameters. */
  public static HttpServletRequest withParameters(HttpServletRequest request, Map<String, String[]> parameters) {
    Map<String, String[]> copy = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    String queryString = copy.entrySet().stream()
        .flatMap(entry -> Arrays.stream(entry.getValue()).map(value -> encode(entry.getKey()) + "=" + encode(value)))
        .collect(Collectors.joining("&"));
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getQueryString() {
        return queryString;
      }

      @Override
      public String getParameter(String name) {
        String[] values = copy.get(name);
        return values == null ? null : values[0];
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        return copy;
      }

      @Override
      public Enumeration<String> getParameterNames() {
        return Collections.enumeration(copy.keySet());
      }

      @Override
      public String[] getParameterValues(String name) {
        return copy.get(name);
      }
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static final class BodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    BodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
