package cn.zhengai.deployment;

import static java.util.Map.entry;

import cn.zhengai.deployment.ModelUpload.Change;
import cn.zhengai.deployment.ModelUpload.ChangeKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CancelEventDefinition;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FormalExpression;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.type.ModelElementType;
import org.camunda.bpm.model.xml.type.attribute.Attribute;

/**
 * What changed between two versions of a model, in words a process owner reads: elements added, removed and
 * renamed, and for every element kept each setting that decides the flow, old → new: who works a task, its form,
 * due and follow-up dates, timers, listeners, implementations, conditions, multi-instance and async settings, and
 * the process's own attributes. Settings are read through the model API (defaults count as unset), so a file that
 * only looks different (another modeler's formatting, attribute order, a Flowable round trip) shows no change.
 */
final class ModelChanges {

  static final String TIMER = "定时器";
  static final String EVENT = "事件";
  static final String CONDITION = "条件";
  private static final String NAME = "名称";
  private static final String TYPE = "类型";
  private static final String NONE = "（无）";
  private static final String LISTENERS = "监听器";
  private static final String MAPPINGS = "输入输出映射";
  private static final String FIELDS = "字段注入";
  private static final String VARIABLES_PASSED = "变量传递";
  private static final String PROPERTIES = "扩展属性";
  private static final String FORM_FIELDS = "表单字段";
  /** Aspects that hold several entries: a change names the entries taken away and added. */
  private static final Set<String> LISTS = Set.of(LISTENERS, MAPPINGS, FIELDS, VARIABLES_PASSED, PROPERTIES, FORM_FIELDS);

  /** Attributes shown elsewhere: the id names the element, the name is a rename, references appear as events. */
  private static final Set<String> NOT_SETTINGS = Set.of("id", "name", "messageRef", "signalRef", "errorRef",
      "escalationRef", "activityRef");

  private static final Map<String, String> ATTRIBUTE_LABELS = Map.ofEntries(
      entry("candidateGroups", "候选组"), entry("candidateUsers", "候选人"), entry("assignee", "办理人"),
      entry("formKey", "表单"), entry("formRef", "表单"), entry("formRefBinding", "表单版本绑定"),
      entry("formRefVersion", "表单版本"), entry("dueDate", "到期时间"), entry("followUpDate", "跟进时间"),
      entry("priority", "优先级"), entry("delegateExpression", "实现（委托表达式）"), entry("expression", "实现（表达式）"),
      entry("class", "实现（类）"), entry("type", "实现（类型）"), entry("topic", "外部任务主题"),
      entry("resultVariable", "结果变量"), entry("decisionRef", "决策"), entry("asyncBefore", "异步（之前）"),
      entry("asyncAfter", "异步（之后）"), entry("async", "异步"), entry("exclusive", "独占执行"),
      entry("jobPriority", "作业优先级"), entry("taskPriority", "外部任务优先级"),
      entry("historyTimeToLive", "历史保留天数"), entry("isStartableInTasklist", "可在任务列表发起"),
      entry("isExecutable", "可执行"), entry("versionTag", "版本标签"), entry("candidateStarterGroups", "可发起组"),
      entry("candidateStarterUsers", "可发起人"), entry("initiator", "发起人变量"), entry("cancelActivity", "中断活动"),
      entry("attachedToRef", "附着于"), entry("default", "默认流向"), entry("sourceRef", "起点"), entry("targetRef", "终点"),
      entry("calledElement", "调用流程"), entry("calledElementBinding", "调用流程版本绑定"),
      entry("calledElementVersion", "调用流程版本"), entry("isInterrupting", "中断"), entry("triggeredByEvent", "事件子流程"),
      entry("scriptFormat", "脚本语言"), entry("resource", "外部资源"), entry("collection", "集合"),
      entry("elementVariable", "元素变量"), entry("isSequential", "顺序执行"), entry("variableName", "条件变量"),
      entry("variableEvents", "条件变量事件"));

  private static final Map<String, String> TYPE_LABELS = Map.ofEntries(
      entry("process", "流程"), entry("userTask", "用户任务"), entry("serviceTask", "服务任务"), entry("sendTask", "发送任务"),
      entry("receiveTask", "接收任务"), entry("scriptTask", "脚本任务"), entry("businessRuleTask", "业务规则任务"),
      entry("manualTask", "手工任务"), entry("task", "任务"), entry("callActivity", "调用活动"), entry("subProcess", "子流程"),
      entry("transaction", "事务子流程"), entry("startEvent", "开始事件"), entry("endEvent", "结束事件"),
      entry("boundaryEvent", "边界事件"), entry("intermediateCatchEvent", "中间捕获事件"),
      entry("intermediateThrowEvent", "中间抛出事件"), entry("exclusiveGateway", "排他网关"),
      entry("parallelGateway", "并行网关"), entry("inclusiveGateway", "包容网关"), entry("eventBasedGateway", "事件网关"),
      entry("complexGateway", "复杂网关"), entry("sequenceFlow", "连线"), entry("dataObject", "数据对象"),
      entry("dataObjectReference", "数据对象引用"), entry("dataStoreReference", "数据存储引用"));

  private static final Map<String, String> LISTENER_EVENTS = Map.of("start", "开始时", "end", "结束时", "take", "经过时",
      "create", "创建时", "assignment", "指派时", "complete", "完成时", "delete", "删除时", "update", "更新时", "timeout", "超时时");

  private ModelChanges() {}

  /** The first version of a process: one change naming it. */
  static List<Change> newProcess(BpmnModelInstance model) {
    Process process = executableProcess(model);
    return List.of(new Change(process.getId(), process.getName(), ChangeKind.ADDED, "流程", null, null,
        "新流程 " + display(process.getId(), process.getName())));
  }

  /** Every change from one version to the next; an identical model gives none. */
  static List<Change> between(BpmnModelInstance previous, BpmnModelInstance next) {
    Map<String, BaseElement> before = elements(previous);
    Map<String, BaseElement> after = elements(next);
    List<Change> changes = new ArrayList<>();
    after.forEach((id, element) -> {
      BaseElement old = before.get(id);
      if (old == null) {
        changes.add(added(element));
      } else {
        if (!Objects.equals(nameOf(old), nameOf(element))) {
          changes.add(new Change(id, nameOf(element), ChangeKind.RENAMED, NAME, nameOf(old), nameOf(element),
              "改名 " + typeOf(element) + " " + id + "：" + orNone(nameOf(old)) + " → " + orNone(nameOf(element))));
        }
        changes.addAll(changedSettings(old, element));
      }
    });
    before.forEach((id, element) -> {
      if (!after.containsKey(id)) {
        changes.add(new Change(id, nameOf(element), ChangeKind.REMOVED, typeOf(element), summary(element), null,
            "删除 " + typeOf(element) + " " + display(id, nameOf(element))));
      }
    });
    return changes;
  }

  /**
   * The events kept from one version to the next whose trigger changed (timer, message, signal, condition): only
   * these are re-evaluated when instances migrate, so unchanged timers keep their due dates.
   */
  static Set<String> changedEventTriggers(BpmnModelInstance previous, BpmnModelInstance next) {
    Map<String, BaseElement> before = elements(previous);
    Set<String> changed = new HashSet<>();
    elements(next).forEach((id, element) -> {
      BaseElement old = before.get(id);
      if (triggeredInAnInstance(element) && triggeredInAnInstance(old)) {
        Map<String, List<String>> oldSettings = settings(old);
        Map<String, List<String>> newSettings = settings(element);
        if (List.of(TIMER, EVENT, CONDITION).stream()
            .anyMatch(aspect -> !Objects.equals(oldSettings.get(aspect), newSettings.get(aspect)))) {
          changed.add(id);
        }
      }
    });
    return changed;
  }

  /** Events that wait inside a running instance; a process's own start events belong to no instance. */
  private static boolean triggeredInAnInstance(BaseElement element) {
    return element instanceof BoundaryEvent || element instanceof IntermediateCatchEvent
        || element instanceof StartEvent && element.getParentElement() instanceof SubProcess subProcess
        && subProcess.triggeredByEvent();
  }

  private static Map<String, BaseElement> elements(BpmnModelInstance model) {
    Map<String, BaseElement> elements = new LinkedHashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      elements.put(process.getId(), process);
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      elements.put(element.getId(), element);
    }
    return elements;
  }

  private static Change added(BaseElement element) {
    String summary = summary(element);
    return new Change(element.getId(), nameOf(element), ChangeKind.ADDED, typeOf(element), null, summary,
        "新增 " + typeOf(element) + " " + display(element.getId(), nameOf(element)) + (summary == null ? "" : "：" + summary));
  }

  private static List<Change> changedSettings(BaseElement old, BaseElement element) {
    Map<String, List<String>> before = settings(old);
    Map<String, List<String>> after = settings(element);
    Set<String> aspects = new LinkedHashSet<>(after.keySet());
    aspects.addAll(before.keySet());
    List<Change> changes = new ArrayList<>();
    String where = display(element.getId(), nameOf(element));
    for (String aspect : aspects) {
      List<String> was = before.getOrDefault(aspect, List.of());
      List<String> is = after.getOrDefault(aspect, List.of());
      if (was.equals(is)) {
        continue;
      }
      String oldValue;
      String newValue;
      String text;
      if (!LISTS.contains(aspect)) {
        oldValue = was.isEmpty() ? null : String.join("；", was);
        newValue = is.isEmpty() ? null : String.join("；", is);
        text = orNone(oldValue) + " → " + orNone(newValue);
      } else {
        List<String> removed = without(was, is);
        List<String> addedValues = without(is, was);
        oldValue = removed.isEmpty() ? null : String.join("；", removed);
        newValue = addedValues.isEmpty() ? null : String.join("；", addedValues);
        if (removed.isEmpty() && addedValues.isEmpty()) {
          oldValue = String.join("；", was);
          newValue = String.join("；", is);
          text = "顺序调整 " + oldValue + " → " + newValue;
        } else if (removed.isEmpty()) {
          text = "新增 " + newValue;
        } else if (addedValues.isEmpty()) {
          text = "删除 " + oldValue;
        } else {
          text = oldValue + " → " + newValue;
        }
      }
      changes.add(new Change(element.getId(), nameOf(element), ChangeKind.CHANGED, aspect, oldValue, newValue,
          aspect + " " + where + "：" + text));
    }
    return changes;
  }

  /** Every setting of an element that decides the flow, by aspect, in document order. */
  private static Map<String, List<String>> settings(BaseElement element) {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    put(settings, TYPE, typeOf(element));
    attributes(element, "", settings);
    if (element instanceof SequenceFlow flow && flow.getConditionExpression() != null) {
      put(settings, CONDITION, expression(flow.getConditionExpression()));
    }
    for (EventDefinition definition : eventDefinitions(element)) {
      if (definition instanceof TimerEventDefinition timer) {
        put(settings, TIMER, timer(timer));
      } else if (definition instanceof ConditionalEventDefinition conditional) {
        put(settings, CONDITION, conditional.getCondition() == null ? null : expression(conditional.getCondition()));
        attributes(definition, "", settings);
      } else {
        put(settings, EVENT, event(definition));
        attributes(definition, "", settings);
      }
    }
    if (element instanceof Activity activity
        && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics multiInstance) {
      put(settings, "多实例", "是");
      attributes(multiInstance, "多实例", settings);
      if (multiInstance.getLoopCardinality() != null) {
        put(settings, "多实例数量", expression(multiInstance.getLoopCardinality()));
      }
      if (multiInstance.getCompletionCondition() != null) {
        put(settings, "多实例完成条件", expression(multiInstance.getCompletionCondition()));
      }
    }
    if (element instanceof ScriptTask script && script.getScript() != null) {
      put(settings, "脚本", script.getScript().getTextContent().trim());
    }
    extensions(element, settings);
    return settings;
  }

  /** The element's attributes through the model API, defaults left out, with a Chinese label each. */
  private static void attributes(ModelElementInstance element, String prefix, Map<String, List<String>> settings) {
    for (ModelElementType type = element.getElementType(); type != null; type = type.getBaseType()) {
      for (Attribute<?> attribute : type.getAttributes()) {
        String name = attribute.getAttributeName();
        Object value = attribute.getValue(element);
        if (NOT_SETTINGS.contains(name) || value == null || value.equals(attribute.getDefaultValue())) {
          continue;
        }
        String text = value instanceof Boolean flag ? (flag ? "是" : "否") : value.toString();
        put(settings, prefix + ATTRIBUTE_LABELS.getOrDefault(name, "属性 " + name), text);
      }
    }
  }

  private static void extensions(BaseElement element, Map<String, List<String>> settings) {
    if (element.getExtensionElements() == null) {
      return;
    }
    for (ModelElementInstance extension : element.getExtensionElements().getElements()) {
      if (extension instanceof CamundaExecutionListener listener) {
        put(settings, LISTENERS, listener(listener.getCamundaEvent(), listener.getCamundaDelegateExpression(),
            listener.getCamundaExpression(), listener.getCamundaClass(), listener.getCamundaScript()));
      } else if (extension instanceof CamundaTaskListener listener) {
        String timeouts = listener.getTimeouts().stream().map(ModelChanges::timer).reduce((a, b) -> a + "，" + b)
            .map(timer -> "（" + timer + "）").orElse("");
        put(settings, LISTENERS, listener(listener.getCamundaEvent(), listener.getCamundaDelegateExpression(),
            listener.getCamundaExpression(), listener.getCamundaClass(), listener.getCamundaScript()) + timeouts);
      } else if (extension instanceof CamundaInputOutput mappings) {
        mappings.getCamundaInputParameters().forEach(input ->
            put(settings, MAPPINGS, "输入 " + input.getCamundaName() + " = " + input.getTextContent().trim()));
        mappings.getCamundaOutputParameters().forEach(output ->
            put(settings, MAPPINGS, "输出 " + output.getCamundaName() + " = " + output.getTextContent().trim()));
      } else if (extension instanceof CamundaField field) {
        put(settings, FIELDS, field(field));
      } else if (extension instanceof CamundaIn in) {
        put(settings, VARIABLES_PASSED, "传入 " + firstOf(in.getCamundaSource(), in.getCamundaSourceExpression(),
            in.getCamundaVariables(), in.getCamundaBusinessKey()) + " → " + orNone(in.getCamundaTarget()));
      } else if (extension instanceof CamundaOut out) {
        put(settings, VARIABLES_PASSED, "传出 " + firstOf(out.getCamundaSource(), out.getCamundaSourceExpression(),
            out.getCamundaVariables()) + " → " + orNone(out.getCamundaTarget()));
      } else if (extension instanceof CamundaProperties properties) {
        properties.getCamundaProperties().forEach(property ->
            put(settings, PROPERTIES, property.getCamundaName() + " = " + property.getCamundaValue()));
      } else if (extension instanceof CamundaFailedJobRetryTimeCycle retries) {
        put(settings, "失败重试", retries.getTextContent().trim());
      } else if (extension instanceof CamundaFormData form) {
        form.getCamundaFormFields().forEach(field ->
            put(settings, FORM_FIELDS, field.getCamundaId() + "（" + field.getCamundaType() + "）"));
      } else {
        put(settings, "扩展 " + extension.getElementType().getTypeName(), extension.getTextContent().trim());
      }
    }
  }

  private static Collection<EventDefinition> eventDefinitions(BaseElement element) {
    if (element instanceof CatchEvent catchEvent) {
      return catchEvent.getEventDefinitions();
    }
    if (element instanceof ThrowEvent throwEvent) {
      return throwEvent.getEventDefinitions();
    }
    return List.of();
  }

  private static String timer(TimerEventDefinition timer) {
    if (timer.getTimeDate() != null) {
      return "日期 " + text(timer.getTimeDate());
    }
    if (timer.getTimeDuration() != null) {
      return "时长 " + text(timer.getTimeDuration());
    }
    return timer.getTimeCycle() == null ? "未设置" : "周期 " + text(timer.getTimeCycle());
  }

  private static String event(EventDefinition definition) {
    if (definition instanceof MessageEventDefinition message) {
      return "消息 " + (message.getMessage() == null ? NONE : message.getMessage().getName());
    }
    if (definition instanceof SignalEventDefinition signal) {
      return "信号 " + (signal.getSignal() == null ? NONE : signal.getSignal().getName());
    }
    if (definition instanceof ErrorEventDefinition error) {
      return "错误 " + (error.getError() == null ? "（任意）" : error.getError().getErrorCode());
    }
    if (definition instanceof EscalationEventDefinition escalation) {
      return "升级 " + (escalation.getEscalation() == null ? "（任意）" : escalation.getEscalation().getEscalationCode());
    }
    if (definition instanceof LinkEventDefinition link) {
      return "链接 " + link.getName();
    }
    if (definition instanceof TerminateEventDefinition) {
      return "终止";
    }
    if (definition instanceof CompensateEventDefinition) {
      return "补偿";
    }
    if (definition instanceof CancelEventDefinition) {
      return "取消";
    }
    return definition.getElementType().getTypeName();
  }

  private static String listener(String event, String delegateExpression, String expression, String className,
      CamundaScript script) {
    String implementation;
    if (delegateExpression != null) {
      implementation = delegateExpression;
    } else if (expression != null) {
      implementation = "表达式 " + expression;
    } else if (className != null) {
      implementation = "类 " + className;
    } else if (script != null) {
      implementation = "脚本（" + script.getCamundaScriptFormat() + "）"
          + (script.getCamundaResource() != null ? script.getCamundaResource() : script.getTextContent().trim());
    } else {
      implementation = NONE;
    }
    return LISTENER_EVENTS.getOrDefault(event, event) + " " + implementation;
  }

  private static String field(CamundaField field) {
    String value = firstOf(field.getCamundaStringValue(), field.getCamundaExpression(),
        field.getCamundaString() == null ? null : field.getCamundaString().getTextContent(),
        field.getCamundaExpressionChild() == null ? null : field.getCamundaExpressionChild().getTextContent());
    return field.getCamundaName() + " = " + value;
  }

  private static String expression(Expression expression) {
    String text = text(expression);
    if (expression instanceof FormalExpression formal && formal.getLanguage() != null) {
      text = text + "（" + formal.getLanguage() + "）";
    }
    return text;
  }

  private static String text(Expression expression) {
    return expression.getTextContent() == null ? "" : expression.getTextContent().trim();
  }

  /** An element's settings in one line, for an element added or removed whole. */
  private static String summary(BaseElement element) {
    List<String> parts = new ArrayList<>();
    settings(element).forEach((aspect, values) -> {
      if (!aspect.equals(TYPE)) {
        parts.add(aspect + " " + String.join("；", values));
      }
    });
    return parts.isEmpty() ? null : String.join("；", parts);
  }

  private static void put(Map<String, List<String>> settings, String aspect, String value) {
    if (value != null) {
      settings.computeIfAbsent(aspect, key -> new ArrayList<>()).add(value);
    }
  }

  /** The values of one list not in the other, counting repeats. */
  private static List<String> without(List<String> values, List<String> others) {
    List<String> left = new ArrayList<>(values);
    others.forEach(left::remove);
    return left;
  }

  private static Process executableProcess(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("模型中没有可执行流程"));
  }

  private static String nameOf(BaseElement element) {
    return element instanceof FlowElement flowElement ? flowElement.getName()
        : element instanceof Process process ? process.getName() : null;
  }

  private static String typeOf(BaseElement element) {
    String type = element.getElementType().getTypeName();
    return TYPE_LABELS.getOrDefault(type, type);
  }

  private static String display(String id, String name) {
    return name == null || name.isBlank() ? id : id + "（" + name + "）";
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }

  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return NONE;
  }
}
