package cn.zhengai.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.ProcessCatalogue;
import cn.zhengai.processes.ProcessModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Every user task's form exists, parses as a form Tasklist 7.24 can render, and offers what the process reads. */
class FormsMatchProcessesTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyUserTaskAndStartFormReferencesADeployedFormThatOffersTheFieldsTheProcessReads() throws IOException {
    for (ProcessModel model : ProcessCatalogue.ALL) {
      List<String> formKeys = formKeysOf(model);
      // a model without human work (the escalation ladder) has no forms, and declares none
      assertThat(formKeys.isEmpty()).as("form keys in " + model.resource()).isEqualTo(model.formFieldsRead().isEmpty());
      for (String formKey : formKeys) {
        assertThat(formKey).as("form key in " + model.resource()).startsWith(ProcessModel.DEPLOYED_FORM_PREFIX);
        String formResource = formKey.substring(ProcessModel.DEPLOYED_FORM_PREFIX.length());
        Set<String> fieldKeys = fieldKeysOf(formResource);
        List<String> read = model.formFieldsRead().get(formResource);
        assertThat(read).as("fields read from " + formResource + " declared in the process API of " + model.key()).isNotNull();
        assertThat(fieldKeys).as("fields of " + formResource).containsAll(read);
      }
      assertThat(model.formFieldsRead().keySet()).as("forms declared for " + model.key())
          .allSatisfy(form -> assertThat(formKeys).contains(ProcessModel.DEPLOYED_FORM_PREFIX + form));
    }
  }

  @Test
  void everyFormFileIsUsedByAModelAndWellFormed() throws IOException {
    Set<String> used = new HashSet<>();
    ProcessCatalogue.ALL.forEach(model -> used.addAll(model.formFieldsRead().keySet()));
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/forms"))) {
      List<String> names = files.map(path -> path.getFileName().toString()).toList();
      assertThat(names).allMatch(name -> name.endsWith(".form"));
      assertThat(names).containsExactlyInAnyOrderElementsOf(used);
      for (String name : names) {
        fieldKeysOf(name);
      }
    }
  }

  private List<String> formKeysOf(ProcessModel model) {
    BpmnModelInstance bpmn = Bpmn.readModelFromStream(resource(model.classpathLocation()));
    List<String> keys = new ArrayList<>();
    for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormKey()).as("form of user task " + task.getId() + " in " + model.resource()).isNotBlank();
      keys.add(task.getCamundaFormKey());
    }
    for (StartEvent start : bpmn.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormKey() != null) {
        keys.add(start.getCamundaFormKey());
      }
    }
    return keys;
  }

  /** Parses the form and returns the keys of its input fields, checking ids and keys are unique. */
  private Set<String> fieldKeysOf(String formResource) throws IOException {
    JsonNode form;
    try (InputStream in = resource("forms/" + formResource)) {
      assertThat(in).as("form resource forms/" + formResource).isNotNull();
      form = json.readTree(in);
    }
    assertThat(form.path("type").asText()).as(formResource + " type").isEqualTo("default");
    assertThat(form.path("schemaVersion").asInt()).as(formResource + " schemaVersion").isBetween(1, 16);
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    collect(form.path("components"), formResource, ids, keys);
    return keys;
  }

  private void collect(JsonNode components, String formResource, Set<String> ids, Set<String> keys) {
    assertThat(components.isArray()).as(formResource + " components").isTrue();
    for (JsonNode component : components) {
      // the component types and the types of their properties: FormSchemaTest
      assertThat(ids.add(component.path("id").asText())).as("unique id " + component.path("id") + " in " + formResource).isTrue();
      if (component.hasNonNull("key")) {
        String key = component.get("key").asText();
        assertThat(keys.add(key)).as("unique key " + key + " in " + formResource).isTrue();
        boolean labelled = !component.path("label").asText().isBlank() || !component.path("dateLabel").asText().isBlank();
        assertThat(labelled).as("label of " + key + " in " + formResource).isTrue();
      }
      if (component.has("components")) {
        collect(component.get("components"), formResource, ids, keys);
      }
    }
  }

  private InputStream resource(String path) {
    return getClass().getClassLoader().getResourceAsStream(path);
  }
}
