package cn.zhengai.deployment;

import cn.zhengai.processes.ProcessCatalogue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The words a process model may use: the beans the product declares with {@link ModelBean}, each with what it is
 * for, and the variables each shipped model's forms provide. Both the upload check and the engine's expression
 * resolver read it, so a model is judged by one list wherever it comes from.
 */
@Component
class ModelVocabulary {

  /** How a model uses a bean: by name as a delegate or listener, or by calling its methods. */
  enum Kind {
    DELEGATE("服务任务的实现：camunda:delegateExpression=\"${%s}\""),
    TASK_LISTENER("任务监听器：<camunda:taskListener delegateExpression=\"${%s}\">"),
    EXECUTION_LISTENER("执行监听器：<camunda:executionListener delegateExpression=\"${%s}\">"),
    METHODS("在表达式中调用其方法：${%s.方法名(…)}");

    private final String usage;

    Kind(String usage) {
      this.usage = usage;
    }
  }

  /** One declared bean, as the vocabulary shows it. */
  record Bean(String name, Kind kind, String description, String usage, List<String> methods) {}

  /** The variables a shipped model's forms provide. */
  record ModelVariables(String processKey, List<String> names) {}

  private final ApplicationContext context;
  private volatile Map<String, Bean> beans;

  ModelVocabulary(ApplicationContext context) {
    this.context = context;
  }

  Collection<Bean> beans() {
    return declared().values();
  }

  boolean declares(String name) {
    return declared().containsKey(name);
  }

  /** Whether the application has a bean of that name at all, declared or not. */
  boolean isApplicationBean(String name) {
    return context.containsBean(name);
  }

  boolean mayCallOn(String beanName, String method) {
    Bean bean = declared().get(beanName);
    return bean != null && bean.methods().contains(method);
  }

  /** The declared bean of that name, or null: the only beans an expression can reach. */
  Object instance(String name) {
    return declares(name) ? context.getBean(name) : null;
  }

  /** Whether {@code target} is the instance of a declared bean that has that method for models. */
  boolean mayInvoke(Object target, String method) {
    return declared().values().stream()
        .anyMatch(bean -> bean.methods().contains(method) && context.getBean(bean.name()) == target);
  }

  List<ModelVariables> variables() {
    return ProcessCatalogue.ALL.stream().map(model -> new ModelVariables(model.key(),
        model.formFieldsRead().values().stream().flatMap(List::stream).distinct().sorted().toList())).toList();
  }

  /** Collected on first use, when every bean definition is known. */
  private Map<String, Bean> declared() {
    Map<String, Bean> known = beans;
    if (known == null) {
      known = new TreeMap<>();
      for (String name : context.getBeanNamesForAnnotation(ModelBean.class)) {
        String description = context.findAnnotationOnBean(name, ModelBean.class).value();
        Class<?> type = ClassUtils.getUserClass(context.getType(name));
        Kind kind = kindOf(type);
        List<String> methods = kind == Kind.METHODS ? callableMethods(type) : List.of();
        known.put(name, new Bean(name, kind, description, kind.usage.formatted(name), methods));
      }
      beans = known;
    }
    return known;
  }

  private static Kind kindOf(Class<?> type) {
    if (JavaDelegate.class.isAssignableFrom(type)) {
      return Kind.DELEGATE;
    }
    if (TaskListener.class.isAssignableFrom(type)) {
      return Kind.TASK_LISTENER;
    }
    return ExecutionListener.class.isAssignableFrom(type) ? Kind.EXECUTION_LISTENER : Kind.METHODS;
  }

  /** The bean's own public methods: nothing inherited from Object, so no getClass(). */
  private static List<String> callableMethods(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(method -> method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())
            && !method.isSynthetic() && !method.isBridge())
        .map(Method::getName).distinct().sorted().toList();
  }
}
