package cn.zhengai.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The Camunda Forms the product ships (module forms/), by resource name. Every deployment carries all of them. */
@Component
class ProductForms {

  private final Map<String, byte[]> forms = new TreeMap<>();

  ProductForms() {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = resource.getInputStream()) {
          forms.put(resource.getFilename(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取表单资源", e);
    }
  }

  Map<String, byte[]> all() {
    return forms;
  }

  boolean exists(String name) {
    return forms.containsKey(name);
  }
}
