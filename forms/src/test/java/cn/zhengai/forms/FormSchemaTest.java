package cn.zhengai.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every property of every form has the type form-js 1.8 (the renderer of Tasklist 7.24) reads: form-js ignores
 * what it does not understand, so a hint typed into {@code validate.required} or a misspelt property is silently
 * lost in the browser instead of failing here.
 */
class FormSchemaTest {

  /** Component types of form-js 1.8. */
  private static final Set<String> FORM_JS_TYPES = Set.of(
      "textfield", "textarea", "number", "datetime", "radio", "select", "checkbox", "checklist", "taglist",
      "text", "group", "spacer", "separator", "button", "image");

  private static final Predicate<JsonNode> TEXT = JsonNode::isTextual;
  private static final Predicate<JsonNode> BOOLEAN = JsonNode::isBoolean;
  private static final Predicate<JsonNode> NUMBER = JsonNode::isNumber;
  private static final Predicate<JsonNode> WHOLE_NUMBER = JsonNode::isIntegralNumber;
  /** A FEEL expression, e.g. "=not(returnReason)". */
  private static final Predicate<JsonNode> FEEL = node -> node.isTextual() && node.asText().startsWith("=");
  private static final Predicate<JsonNode> KEY = node -> node.isTextual() && node.asText().matches("[A-Za-z_][A-Za-z0-9_]*");
  private static final Predicate<JsonNode> SCALAR = JsonNode::isValueNode;

  private static final Map<String, Predicate<JsonNode>> FORM = Map.of(
      "schemaVersion", WHOLE_NUMBER, "type", node -> node.asText().equals("default"), "id", TEXT,
      "exporter", object(Map.of("name", TEXT, "version", TEXT)), "components", JsonNode::isArray);

  private static final Map<String, Predicate<JsonNode>> VALIDATE = Map.of(
      "required", BOOLEAN, "min", NUMBER, "max", NUMBER, "minLength", WHOLE_NUMBER, "maxLength", WHOLE_NUMBER,
      "pattern", TEXT, "validationType", node -> Set.of("email", "phone").contains(node.asText()));

  private static final Map<String, Predicate<JsonNode>> COMPONENT = Map.ofEntries(
      Map.entry("id", TEXT),
      Map.entry("type", node -> FORM_JS_TYPES.contains(node.asText())),
      Map.entry("key", KEY),
      Map.entry("label", TEXT),
      Map.entry("description", TEXT),
      Map.entry("text", TEXT),
      Map.entry("dateLabel", TEXT),
      Map.entry("timeLabel", TEXT),
      Map.entry("subtype", node -> Set.of("date", "time", "datetime").contains(node.asText())),
      Map.entry("readonly", BOOLEAN.or(FEEL)),
      Map.entry("disabled", BOOLEAN),
      Map.entry("defaultValue", SCALAR),
      Map.entry("increment", NUMBER),
      Map.entry("decimalDigits", WHOLE_NUMBER),
      Map.entry("searchable", BOOLEAN),
      Map.entry("valuesKey", KEY),
      Map.entry("conditional", object(Map.of("hide", FEEL))),
      Map.entry("validate", JsonNode::isObject), // its properties are checked one by one
      Map.entry("values", node -> node.isArray() && !node.isEmpty()
          && stream(node).allMatch(object(Map.of("label", TEXT, "value", TEXT)).and(value -> value.has("label") && value.has("value")))),
      Map.entry("layout", object(Map.of("row", TEXT, "columns", WHOLE_NUMBER.or(JsonNode::isNull)))),
      Map.entry("appearance", object(Map.of("prefixAdornment", TEXT, "suffixAdornment", TEXT))),
      Map.entry("properties", node -> node.isObject() && stream(node.elements()).allMatch(TEXT)),
      Map.entry("components", JsonNode::isArray));

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyPropertyOfEveryFormHasTheTypeFormJsReads() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/forms"))) {
      for (Path file : files.sorted().toList()) {
        JsonNode form = json.readTree(file.toFile());
        String name = file.getFileName().toString();
        check(form, FORM, name, problems);
        checkComponents(form.path("components"), name, problems);
      }
    }
    assertThat(problems).as("form properties form-js would not read").isEmpty();
  }

  @Test
  void aMisplacedHintOrAMisspeltPropertyIsCaught() throws IOException {
    List<String> problems = new ArrayList<>();
    checkComponents(json.readTree("""
        [{"id": "Field_Note", "type": "textarea", "key": "note", "label": "说明",
          "validate": {"required": "写明变化", "maxLenght": 4000}},
         {"id": "Field_Year", "type": "number", "key": "plan-year", "label": "计划年度", "validate": {"min": "2000"}},
         {"id": "Field_Choice", "type": "radio", "key": "choice", "label": "结论", "values": [{"label": "通过"}]},
         {"id": "Field_Date", "type": "date", "key": "due", "lable": "日期"}]
        """), "example.form", problems);
    assertThat(problems).containsExactlyInAnyOrder(
        "example.form Field_Note: validate.required = \"写明变化\"",
        "example.form Field_Note: unknown property validate.maxLenght",
        "example.form Field_Year: key = \"plan-year\"",
        "example.form Field_Year: validate.min = \"2000\"",
        "example.form Field_Choice: values = [{\"label\":\"通过\"}]",
        "example.form Field_Date: type = \"date\"",
        "example.form Field_Date: unknown property lable");
  }

  private void checkComponents(JsonNode components, String form, List<String> problems) {
    for (JsonNode component : components) {
      String where = form + " " + component.path("id").asText("(no id)");
      check(component, COMPONENT, where, problems);
      if (component.path("validate").isObject()) {
        check(component.get("validate"), VALIDATE, where, "validate.", problems);
      }
      checkComponents(component.path("components"), form, problems);
    }
  }

  private static void check(JsonNode node, Map<String, Predicate<JsonNode>> schema, String where, List<String> problems) {
    check(node, schema, where, "", problems);
  }

  private static void check(JsonNode node, Map<String, Predicate<JsonNode>> schema, String where, String prefix,
      List<String> problems) {
    node.fieldNames().forEachRemaining(property -> {
      Predicate<JsonNode> valid = schema.get(property);
      if (valid == null) {
        problems.add(where + ": unknown property " + prefix + property);
      } else if (!valid.test(node.get(property))) {
        problems.add(where + ": " + prefix + property + " = " + node.get(property));
      }
    });
  }

  /** An object whose properties each pass their check; unknown properties fail. */
  private static Predicate<JsonNode> object(Map<String, Predicate<JsonNode>> schema) {
    return node -> node.isObject() && stream(node.fieldNames()).allMatch(name -> schema.containsKey(name) && schema.get(name).test(node.get(name)));
  }

  private static <T> Stream<T> stream(Iterable<T> items) {
    return StreamSupport.stream(items.spliterator(), false);
  }

  private static <T> Stream<T> stream(Iterator<T> items) {
    return stream(() -> items);
  }
}
