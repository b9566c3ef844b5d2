package cn.zhengai.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.NoAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Chinese translation against the English file shipped in the Camunda webjar on the classpath: the same
 * keys, no extra ones, every placeholder and HTML tag kept. After a Camunda upgrade this names the keys to do.
 */
@NoAppTest
class WebappTranslationsTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?\\}\\}");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theChineseFileHasEveryEnglishKeyAndKeepsEveryPlaceholder(String app) throws IOException {
    Map<String, String> english = flatten(read(app, "en", true));
    Map<String, String> chinese = flatten(read(app, "zh", false));

    List<String> missing = new ArrayList<>(english.keySet());
    missing.removeAll(chinese.keySet());
    List<String> extra = new ArrayList<>(chinese.keySet());
    extra.removeAll(english.keySet());
    assertThat(missing).as(app + ": keys of Camunda's en.json missing from zh.json").isEmpty();
    assertThat(extra).as(app + ": keys in zh.json that Camunda's en.json no longer has").isEmpty();

    List<String> broken = new ArrayList<>();
    int translated = 0;
    for (Map.Entry<String, String> entry : english.entrySet()) {
      String zh = chinese.get(entry.getKey());
      if (!tokens(PLACEHOLDER, entry.getValue()).equals(tokens(PLACEHOLDER, zh))
          || !tokens(TAG, entry.getValue()).equals(tokens(TAG, zh))) {
        broken.add(entry.getKey() + ": " + entry.getValue() + " → " + zh);
      }
      if (HAN.matcher(zh).find()) {
        translated++;
      }
    }
    assertThat(broken).as(app + ": placeholders or tags changed").isEmpty();
    // a few values are tokens (Camunda, <null>, date formats); everything else is Chinese
    assertThat(translated).as(app + ": values in Chinese").isGreaterThan(english.size() * 9 / 10);
  }

  /** Camunda's file from its webjar, or ours from this module's resources. */
  private static JsonNode read(String app, String language, boolean fromWebjar) throws IOException {
    String path = String.format(LOCALES, app, language);
    List<URL> candidates = Collections.list(WebappTranslationsTest.class.getClassLoader().getResources(path));
    URL url = candidates.stream().filter(candidate -> candidate.toString().contains("camunda-webapp-webjar") == fromWebjar)
        .findFirst().orElseThrow(() -> new AssertionError(path + " not on the classpath"));
    try (InputStream in = url.openStream()) {
      byte[] bytes = in.readAllBytes();
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), flat);
      }
    } else {
      flat.put(prefix, node.asText());
    }
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group().replace(" ", ""));
    }
    Collections.sort(tokens);
    return tokens;
  }
}
