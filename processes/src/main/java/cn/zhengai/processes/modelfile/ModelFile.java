package cn.zhengai.processes.modelfile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.ModelParseException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A BPMN file as a process owner uploads it: read without DTDs or external entities, saved by Camunda Modeler,
 * bpmn.io, Flowable Modeler ({@code flowable:}) or an Activiti tool ({@code activiti:}), normalised to
 * {@code camunda:} so that assignments, forms, listeners and timers survive, and checked for what a file alone
 * can show: the BPMN 2.0 schema, a complete diagram and valid timer expressions.
 */
public final class ModelFile {

  public static final int MAX_BYTES = 5 * 1024 * 1024;
  public static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = ModelDialect.CAMUNDA.namespace();

  /** Attributes Camunda understands under the same local name; Activiti's "async" is Camunda's "asyncBefore". */
  private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
      Map.entry("async", "asyncBefore"), Map.entry("asyncBefore", "asyncBefore"), Map.entry("asyncAfter", "asyncAfter"),
      Map.entry("exclusive", "exclusive"), Map.entry("jobPriority", "jobPriority"),
      Map.entry("candidateGroups", "candidateGroups"), Map.entry("candidateUsers", "candidateUsers"),
      Map.entry("assignee", "assignee"), Map.entry("dueDate", "dueDate"), Map.entry("followUpDate", "followUpDate"),
      Map.entry("priority", "priority"), Map.entry("formKey", "formKey"), Map.entry("class", "class"),
      Map.entry("delegateExpression", "delegateExpression"), Map.entry("expression", "expression"),
      Map.entry("resultVariable", "resultVariable"), Map.entry("collection", "collection"),
      Map.entry("elementVariable", "elementVariable"), Map.entry("initiator", "initiator"),
      Map.entry("versionTag", "versionTag"), Map.entry("historyTimeToLive", "historyTimeToLive"),
      Map.entry("isStartableInTasklist", "isStartableInTasklist"), Map.entry("type", "type"),
      Map.entry("topic", "topic"), Map.entry("event", "event"), Map.entry("name", "name"),
      Map.entry("source", "source"), Map.entry("target", "target"), Map.entry("variables", "variables"),
      Map.entry("calledElementBinding", "calledElementBinding"), Map.entry("calledElementVersion", "calledElementVersion"));

  /** Extension elements Camunda has under the same local name. */
  private static final Set<String> ELEMENTS = Set.of("taskListener", "executionListener", "field", "string", "expression",
      "in", "out", "formProperty", "properties", "property", "value", "failedJobRetryTimeCycle");

  /** The diagram's namespaces: a modeler's own attributes there (Flowable's edge dockers) only place shapes. */
  private static final Set<String> DIAGRAM_NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
      "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
  /** How many of the elements where something was ignored a note names. */
  private static final int ELEMENTS_NAMED = 3;

  private final byte[] original;
  private final Document document;
  private ModelDialect dialect = ModelDialect.CAMUNDA;
  private final List<String> notes = new ArrayList<>();
  /** What normalisation left out ("flowable:x（Camunda 无对应属性）") → the ids of the elements it was on. */
  private final Map<String, List<String>> ignored = new LinkedHashMap<>();
  private BpmnModelInstance model;

  private ModelFile(byte[] original, Document document) {
    this.original = original;
    this.document = document;
  }

  /** Reads and normalises a file; refuses what is not a safe, well-formed BPMN 2.0 document. */
  public static ModelFile read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw refuse("文件为空");
    }
    if (bytes.length > MAX_BYTES) {
      throw refuse("文件过大（" + bytes.length / 1024 + " KB），上限为 " + MAX_BYTES / 1024 / 1024 + " MB");
    }
    Document document;
    try {
      document = secureBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (SAXParseException e) {
      if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
        throw refuse("文件含有 DOCTYPE 声明（可能引用外部实体），出于安全原因拒绝");
      }
      throw refuse("不是格式良好的 XML（第 " + e.getLineNumber() + " 行）：" + e.getMessage());
    } catch (SAXException | IOException e) {
      throw refuse("不是格式良好的 XML：" + e.getMessage());
    }
    Element root = document.getDocumentElement();
    if (!BPMN_NAMESPACE.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      throw refuse("不是 BPMN 2.0 文件：根元素应为 BPMN 命名空间中的 definitions");
    }
    ModelFile file = new ModelFile(bytes, document);
    file.normalise(root);
    file.ignored.forEach((what, elementIds) -> file.notes.add(summary(what, elementIds)));
    return file;
  }

  public ModelDialect dialect() {
    return dialect;
  }

  /** What normalisation left out, e.g. Flowable-only attributes Camunda has no counterpart for. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** The normalised document, ready for the engine. */
  public byte[] bytes() {
    try {
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("无法写出规范化后的模型", e);
    }
  }

  /** The model through Camunda's model API (after {@link #check()} found the schema satisfied). */
  public BpmnModelInstance model() {
    if (model == null) {
      try {
        model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes()));
      } catch (ModelParseException e) {
        throw new ModelFileException(List.of(ModelProblem.ofFile("Camunda 无法读取该模型：" + e.getMessage())));
      }
    }
    return model;
  }

  /** The executable process the file defines. */
  public Process process() {
    List<Process> executable = model().getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
    if (executable.size() != 1) {
      throw new ModelFileException(List.of(ModelProblem.ofFile("文件应恰好包含一个可执行流程（isExecutable=\"true\"），实际为 " + executable.size() + " 个")));
    }
    return executable.get(0);
  }

  /** Sets the history time to live where the file has none (Flowable Modeler drops it). */
  public void keepHistoryTimeToLive(String timeToLive) {
    for (Element process : children(document.getDocumentElement(), "process")) {
      if (process.getAttributeNodeNS(CAMUNDA, "historyTimeToLive") == null && timeToLive != null) {
        process.setAttributeNS(CAMUNDA, "camunda:historyTimeToLive", timeToLive);
        notes.add("流程 " + process.getAttribute("id") + " 未设置历史保留时间，沿用 " + timeToLive + " 天");
        model = null;
      }
    }
  }

  /** The problems a file alone shows: schema, diagram, timers. Empty when the file passes. */
  public List<ModelProblem> check() {
    List<ModelProblem> problems = new ArrayList<>(schemaProblems());
    if (!problems.isEmpty()) {
      return problems;
    }
    BpmnModelInstance bpmn = model();
    for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
      if (node.getDiagramElement() == null) {
        problems.add(ModelProblem.at(node, "在流程图中没有图形（BPMNShape），请在建模器中重新保存完整的流程图"));
      }
    }
    for (SequenceFlow flow : bpmn.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getDiagramElement() == null) {
        problems.add(ModelProblem.at(flow, "在流程图中没有连线（BPMNEdge）"));
      }
    }
    for (TimerEventDefinition timer : bpmn.getModelElementsByType(TimerEventDefinition.class)) {
      TimerExpressions.check(timer).ifPresent(message -> problems.add(ModelProblem.at((FlowElement) timer.getParentElement(), message)));
    }
    return problems;
  }

  private List<ModelProblem> schemaProblems() {
    try {
      BpmnSchema.newValidator().validate(new StreamSource(new ByteArrayInputStream(original)));
      return List.of();
    } catch (SAXParseException e) {
      return List.of(ModelProblem.ofFile("不符合 BPMN 2.0 规范（第 " + e.getLineNumber() + " 行）：" + e.getMessage()));
    } catch (SAXException | IOException e) {
      return List.of(ModelProblem.ofFile("不符合 BPMN 2.0 规范：" + e.getMessage()));
    }
  }

  private void normalise(Element element) {
    NamedNodeMap attributes = element.getAttributes();
    List<Attr> foreign = new ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (isForeignDialect(attribute.getNamespaceURI())) {
        foreign.add(attribute);
      }
    }
    for (Attr attribute : foreign) {
      element.removeAttributeNode(attribute);
      if (DIAGRAM_NAMESPACES.contains(element.getNamespaceURI())) {
        continue;
      }
      String camundaName = ATTRIBUTES.get(attribute.getLocalName());
      if (camundaName == null) {
        ignore(attribute.getName() + "（Camunda 无对应属性）", element);
      } else if (element.getAttributeNodeNS(CAMUNDA, camundaName) == null) {
        element.setAttributeNS(CAMUNDA, "camunda:" + camundaName, attribute.getValue());
      }
    }
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(childElement);
      }
    }
    for (Element child : children) {
      Element current = child;
      if (isForeignDialect(child.getNamespaceURI())) {
        if (ELEMENTS.contains(child.getLocalName())) {
          current = (Element) document.renameNode(child, CAMUNDA, "camunda:" + child.getLocalName());
        } else {
          ignore(child.getTagName() + "（Camunda 无对应扩展）", element);
          element.removeChild(child);
          continue;
        }
      }
      normalise(current);
    }
    if (element == document.getDocumentElement()) {
      element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:camunda", CAMUNDA);
    }
  }

  /** Remembers what was left out on an element, named by its id or, for extension elements, its owner's. */
  private void ignore(String what, Element element) {
    Element named = element;
    while (named.getAttribute("id").isEmpty() && named.getParentNode() instanceof Element parent) {
      named = parent;
    }
    String where = named.getAttribute("id").isEmpty() ? named.getTagName() : named.getAttribute("id");
    ignored.computeIfAbsent(what, key -> new ArrayList<>()).add(where);
  }

  /** One note per kind of thing left out: "已忽略 flowable:x（…），共 12 处，元素 A、B、C 等". */
  private static String summary(String what, List<String> elementIds) {
    if (elementIds.size() == 1) {
      return "已忽略 " + what + "，元素 " + elementIds.get(0);
    }
    String named = String.join("、", elementIds.stream().distinct().limit(ELEMENTS_NAMED).toList());
    boolean more = elementIds.stream().distinct().count() > ELEMENTS_NAMED;
    return "已忽略 " + what + "，共 " + elementIds.size() + " 处，元素 " + named + (more ? " 等" : "");
  }

  /** Whether the namespace is Flowable's or Activiti's; the first one met names the file's dialect. */
  private boolean isForeignDialect(String namespace) {
    for (ModelDialect foreign : List.of(ModelDialect.FLOWABLE, ModelDialect.ACTIVITI)) {
      if (foreign.namespace().equals(namespace)) {
        if (dialect == ModelDialect.CAMUNDA) {
          dialect = foreign;
        }
        return true;
      }
    }
    return false;
  }

  private static List<Element> children(Element parent, String bpmnLocalName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && BPMN_NAMESPACE.equals(element.getNamespaceURI())
          && bpmnLocalName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static DocumentBuilder secureBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML 解析器不支持安全设置", e);
    }
  }

  private static ModelFileException refuse(String message) {
    return new ModelFileException(List.of(ModelProblem.ofFile(message)));
  }
}
