package cn.zhengai.deployment;

import cn.zhengai.deployment.ModelExpressions.Place;
import cn.zhengai.processes.modelfile.ModelProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Process owners change the flow, never the code: every attribute and text of a model (all but its diagram and
 * documentation) is read, whatever element or extension it sits in, so that a place the engine evaluates cannot be
 * missed. Scripts, Java classes, connectors, external tasks, special service task types and external resources are
 * refused outright; every expression must pass {@link ModelExpressions} for its place. The upload runs it, and the
 * engine runs it again on every deployment ({@link EngineSandbox}).
 */
@Component
class ModelSandbox {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
  /** Free text the engine never evaluates. */
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "textAnnotation");
  private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
  /** Elements whose {@code expression} attribute is a value (field injection, error mapping), not a bean call. */
  private static final Set<String> VALUE_EXPRESSION_OWNERS = Set.of("field", "errorEventDefinition");
  /** Input/output mappings and their list and map entries. */
  private static final Set<String> MAPPINGS = Set.of("inputParameter", "outputParameter", "value", "entry");

  private final ModelExpressions expressions;

  ModelSandbox(ModelExpressions expressions) {
    this.expressions = expressions;
  }

  List<ModelProblem> check(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    Document document = (Document) model.getDocument().getDomSource().getNode();
    walk(document.getDocumentElement(), model, problems);
    return problems;
  }

  private void walk(Element element, BpmnModelInstance model, List<ModelProblem> problems) {
    String name = element.getLocalName();
    if (BPMN_DI.equals(element.getNamespaceURI()) || NOT_EVALUATED.contains(name)) {
      return;
    }
    Optional<String> refused = refusedElement(element);
    if (refused.isPresent()) {
      problems.add(problemAt(element, model, refused.get()));
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      judge(element, (Attr) attributes.item(i)).ifPresent(message -> problems.add(problemAt(element, model, message)));
    }
    String text = ownText(element);
    if (isExpression(text)) {
      expressions.judge(text, MAPPINGS.contains(name) ? Place.MAPPING : Place.VALUE)
          .ifPresent(message -> problems.add(problemAt(element, model, message)));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(childElement, model, problems);
      }
    }
  }

  private static Optional<String> refusedElement(Element element) {
    return switch (element.getLocalName()) {
      case "scriptTask" -> Optional.of("不允许脚本任务：流程模型不能包含代码");
      case "script" -> Optional.of("不允许脚本（" + orUnknown(element.getAttribute("scriptFormat")) + "）：流程模型不能包含代码");
      case "connector" -> Optional.of("不允许连接器（camunda:connector）：流程模型不能调用外部系统");
      case "import" -> BPMN.equals(element.getNamespaceURI())
          ? Optional.of("不允许引用外部文件（import " + element.getAttribute("location") + "）") : Optional.empty();
      case "constraint" -> "validator".equals(element.getAttribute("name"))
          ? Optional.of("不允许自定义表单校验器（validator " + element.getAttribute("config") + "）") : Optional.empty();
      default -> Optional.empty();
    };
  }

  private Optional<String> judge(Element element, Attr attribute) {
    String namespace = attribute.getNamespaceURI();
    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace) || XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(namespace)) {
      return Optional.empty();
    }
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    if (name.equals("class") || name.endsWith("Class")) {
      return Optional.of("不允许 Java 类（" + attribute.getName() + "=\"" + value + "\"）：只能使用模型可用的组件");
    }
    if (name.equals("resource")) {
      return Optional.of("不允许引用外部资源（" + attribute.getName() + "=\"" + value + "\"）");
    }
    if (name.equals("scriptFormat") || name.equals("language")) {
      return Optional.of("不允许脚本（" + attribute.getName() + "=\"" + value + "\"）：流程模型不能包含代码");
    }
    if (namespace != null && (name.equals("type") || name.equals("topic"))) {
      return Optional.of("不允许外部任务或特殊服务任务（" + attribute.getName() + "=\"" + value + "\"）：只能使用模型可用的组件");
    }
    if (DELEGATE_ATTRIBUTES.contains(name)) {
      return expressions.judge(value, Place.DELEGATE);
    }
    if (name.equals("expression")) {
      return expressions.judge(value, VALUE_EXPRESSION_OWNERS.contains(element.getLocalName()) ? Place.VALUE : Place.BEAN_METHOD);
    }
    if (name.equals("sourceExpression")) {
      return expressions.judge(value, Place.MAPPING);
    }
    return isExpression(value) ? expressions.judge(value, Place.VALUE) : Optional.empty();
  }

  /** The flow element the offending text belongs to (a timer's event, a listener's task), else the nearest element with an id. */
  private static ModelProblem problemAt(Element offending, BpmnModelInstance model, String message) {
    BaseElement nearest = null;
    for (Node node = offending; node instanceof Element element; node = node.getParentNode()) {
      String id = element.getAttribute("id");
      ModelElementInstance instance = id.isEmpty() ? null : model.getModelElementById(id);
      if (instance instanceof FlowElement flowElement) {
        return ModelProblem.at(flowElement, message);
      }
      if (nearest == null && instance instanceof BaseElement baseElement) {
        nearest = baseElement;
      }
    }
    return nearest == null ? ModelProblem.ofFile(message) : ModelProblem.at(nearest, message);
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString().trim();
  }

  private static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  private static String orUnknown(String value) {
    return value.isEmpty() ? "未注明语言" : value;
  }
}
