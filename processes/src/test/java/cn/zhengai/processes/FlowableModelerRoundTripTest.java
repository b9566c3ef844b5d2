package cn.zhengai.processes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.processes.modelfile.ModelDialect;
import cn.zhengai.processes.modelfile.ModelFile;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every model survives Flowable Modeler: read by Flowable 6.8's XML converter, turned into the Modeler's JSON and
 * back, written out again, then normalised to {@code camunda:}; nothing the process needs is lost.
 */
class FlowableModelerRoundTripTest {

  static final java.util.List<ProcessModel> MODELS = ProcessCatalogue.ALL;

  @ParameterizedTest
  @FieldSource("MODELS")
  void nothingTheProcessNeedsIsLostThroughFlowableModeler(ProcessModel model) throws Exception {
    byte[] original = ModelResources.bytes(model);
    byte[] saved = FlowableModeler.openAndSave(original);
    assertThat(new String(saved, java.nio.charset.StandardCharsets.UTF_8)).contains("xmlns:flowable");

    ModelFile reloaded = ModelFile.read(saved);
    assertThat(reloaded.dialect()).isEqualTo(ModelDialect.FLOWABLE);
    reloaded.keepHistoryTimeToLive(historyTimeToLiveOf(original));

    assertThat(reloaded.check()).isEmpty();
    assertThat(ModelInventory.of(reloaded.bytes())).containsExactlyElementsOf(ModelInventory.of(original));
  }

  /** The file as it comes back from Flowable Modeler, ready for Camunda. */
  static byte[] afterFlowableModeler(ProcessModel model) throws Exception {
    byte[] original = ModelResources.bytes(model);
    ModelFile reloaded = ModelFile.read(FlowableModeler.openAndSave(original));
    reloaded.keepHistoryTimeToLive(historyTimeToLiveOf(original));
    return reloaded.bytes();
  }

  private static String historyTimeToLiveOf(byte[] bpmn) {
    return Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bpmn)).getModelElementsByType(Process.class)
        .iterator().next().getCamundaHistoryTimeToLiveString();
  }
}
