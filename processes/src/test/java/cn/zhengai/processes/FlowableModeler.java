package cn.zhengai.processes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.editor.language.json.converter.BpmnJsonConverter;

/**
 * What Flowable Modeler does to a file a process owner opens and saves: import with Flowable's XML converter,
 * edit as the Modeler's JSON, export with the XML converter again.
 */
public final class FlowableModeler {

  private FlowableModeler() {}

  public static byte[] openAndSave(byte[] bpmn) throws Exception {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bpmn), "UTF-8");
    BpmnModel imported = new BpmnXMLConverter().convertToBpmnModel(reader);
    BpmnJsonConverter json = new BpmnJsonConverter();
    ObjectNode editorJson = json.convertToJson(imported);
    BpmnModel saved = json.convertToBpmnModel(editorJson);
    return new BpmnXMLConverter().convertToXML(saved, "UTF-8");
  }
}
