package cn.zhengai.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

class ProcessCatalogueTest {

  @Test
  void catalogueListsEveryModelFileExactlyOnce() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources", ProcessModel.CLASSPATH_FOLDER))) {
      assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".bpmn")))
          .containsExactlyInAnyOrderElementsOf(ProcessCatalogue.ALL.stream().map(ProcessModel::resource).toList());
    }
  }

  @Test
  void eachModelDeclaresTheKeyItsApiClassNamesAndAHistoryTimeToLive() {
    for (ProcessModel model : ProcessCatalogue.ALL) {
      BpmnModelInstance bpmn = Bpmn.readModelFromStream(getClass().getClassLoader().getResourceAsStream(model.classpathLocation()));
      Process process = bpmn.getModelElementsByType(Process.class).iterator().next();
      assertThat(process.getId()).as(model.resource()).isEqualTo(model.key());
      assertThat(process.isExecutable()).as(model.resource()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + model.resource()).isNotBlank();
      assertThat(process.getName()).as("Chinese name of " + model.resource()).matches(".*\\p{IsHan}.*");
    }
  }
}
