package cn.zhengai.deployment;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/** What changed between two versions of a model, element by element, in words a process owner reads. */
final class ModelChanges {

  private ModelChanges() {}

  static List<String> between(InputStream previous, byte[] next) {
    Map<String, String> before = elements(previous);
    Map<String, String> after = elements(new ByteArrayInputStream(next));
    List<String> changes = new ArrayList<>();
    after.forEach((id, name) -> {
      if (!before.containsKey(id)) {
        changes.add("新增 " + id + label(name));
      } else if (!Objects.equals(before.get(id), name)) {
        changes.add("改名 " + id + "：" + before.get(id) + " → " + name);
      }
    });
    before.forEach((id, name) -> {
      if (!after.containsKey(id)) {
        changes.add("删除 " + id + label(name));
      }
    });
    return changes;
  }

  private static Map<String, String> elements(InputStream bpmn) {
    Map<String, String> elements = new LinkedHashMap<>();
    for (FlowElement element : Bpmn.readModelFromStream(bpmn).getModelElementsByType(FlowElement.class)) {
      elements.put(element.getId(), element.getName());
    }
    return elements;
  }

  private static String label(String name) {
    return name == null ? "" : "（" + name + "）";
  }
}
