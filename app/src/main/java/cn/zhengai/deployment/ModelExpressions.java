package cn.zhengai.deployment;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Builder.Feature;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.stereotype.Component;

/**
 * Judges one expression of a model on the tree that the engine's own JUEL parser builds (same features as the
 * engine's expression factory), so that the check and the engine agree on what the text means. Allowed: variables,
 * literals, comparisons, arithmetic, boolean logic, choices, and calls of the methods of declared beans.
 */
@Component
class ModelExpressions {

  /** What the engine does with the text where it stands. */
  enum Place {
    /** {@code delegateExpression}: exactly {@code ${declaredBean}}. */
    DELEGATE,
    /** {@code camunda:expression} of a service task or listener: a call of a declared bean's method. */
    BEAN_METHOD,
    /** Input/output mappings: a literal or {@code ${variable}}, nothing computed. */
    MAPPING,
    /** Everything else: conditions, timers, assignments, due dates, collections, names of messages… */
    VALUE
  }

  /** The engine's expression factory (JEE6 profile) parses with exactly these features. */
  private static final Builder PARSER = new Builder(Feature.METHOD_INVOCATIONS, Feature.VARARGS);
  private static final Set<String> REFLECTION = Set.of("getClass", "class", "forName", "newInstance", "getMethod",
      "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getConstructor", "getConstructors",
      "getDeclaredConstructor", "getField", "getDeclaredField", "invoke", "loadClass", "getClassLoader", "exec",
      "getRuntime");
  private static final int SHOWN_LENGTH = 120;

  private final ModelVocabulary vocabulary;

  ModelExpressions(ModelVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Why the text may not stand in that place, or empty when it may. */
  Optional<String> judge(String text, Place place) {
    Node root;
    try {
      root = PARSER.build(text).getRoot();
    } catch (TreeBuilderException e) {
      return refusal(text, "无法解析（" + e.getMessage() + "）");
    }
    Optional<String> reason = switch (place) {
      case DELEGATE -> beanReference(root);
      case BEAN_METHOD -> root instanceof AstEval && root.getChild(0) instanceof AstMethod call ? valueProblem(call)
          : Optional.of("camunda:expression 只能调用模型可用组件的方法，例如 ${escalationSteps.remind(execution)}");
      case MAPPING -> isConstantOrVariable(root) ? Optional.empty()
          : Optional.of("输入/输出映射只能是常量或 ${变量名}，不能计算或调用任何东西");
      case VALUE -> valueProblem(root);
    };
    return reason.flatMap(why -> refusal(text, why));
  }

  private Optional<String> beanReference(Node root) {
    if (!(root instanceof AstEval) || !(root.getChild(0) instanceof AstIdentifier identifier)) {
      return Optional.of("delegateExpression 只能是 ${组件名}，组件须在模型可用的组件清单中");
    }
    String name = identifier.getName();
    if (vocabulary.declares(name)) {
      return Optional.empty();
    }
    return Optional.of(vocabulary.isApplicationBean(name) ? notInVocabulary(name) : "引用的组件 \"" + name + "\" 不存在");
  }

  private Optional<String> valueProblem(Node node) {
    if (node instanceof AstMethod) {
      AstProperty target = (AstProperty) node.getChild(0);
      if (target instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier bean
          && vocabulary.mayCallOn(bean.getName(), propertyName(dot))) {
        return valueProblem(node.getChild(1));
      }
      return Optional.of(callProblem(target));
    }
    if (node instanceof AstProperty property) {
      return Optional.of(propertyProblem(property));
    }
    if (node instanceof AstFunction function) {
      return Optional.of("不允许调用函数 " + function.getName() + "()");
    }
    if (node instanceof AstIdentifier || node instanceof AstLiteral || node instanceof AstText) {
      return Optional.empty();
    }
    if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested || node instanceof AstBinary
        || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstParameters) {
      for (int i = 0; i < node.getCardinality(); i++) {
        Optional<String> problem = valueProblem(node.getChild(i));
        if (problem.isPresent()) {
          return problem;
        }
      }
      return Optional.empty();
    }
    return Optional.of("含有模型不允许的写法");
  }

  private String callProblem(AstProperty target) {
    String method = target instanceof AstDot dot ? propertyName(dot) : "[…]";
    Optional<String> reflection = reflectionIn(target);
    if (reflection.isPresent()) {
      return "不允许反射（" + reflection.get() + "）";
    }
    if (target.getChild(0) instanceof AstIdentifier base) {
      String name = base.getName();
      if (vocabulary.declares(name)) {
        return "组件 \"" + name + "\" 没有可供模型调用的方法 " + method + "()";
      }
      if (vocabulary.isApplicationBean(name)) {
        return notInVocabulary(name);
      }
      return "不允许调用 \"" + name + "\" 的方法 " + method + "()：只能调用模型可用组件的方法";
    }
    return "不允许调用 " + method + "()：只能调用模型可用组件的方法";
  }

  private String propertyProblem(AstProperty property) {
    String name = property instanceof AstDot dot ? propertyName(dot) : "[…]";
    Optional<String> reflection = reflectionIn(property);
    if (reflection.isPresent()) {
      return "不允许反射（" + reflection.get() + "）";
    }
    if (property.getChild(0) instanceof AstIdentifier base && !vocabulary.declares(base.getName())
        && vocabulary.isApplicationBean(base.getName())) {
      return notInVocabulary(base.getName());
    }
    return "不允许读取属性 ." + name + "：模型只能使用流程变量本身";
  }

  /** The first reflective step of a chain, innermost first: {@code ''.getClass().forName(…)} names getClass. */
  private static Optional<String> reflectionIn(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      Optional<String> inner = reflectionIn(node.getChild(i));
      if (inner.isPresent()) {
        return inner;
      }
    }
    return node instanceof AstDot dot && REFLECTION.contains(propertyName(dot)) ? Optional.of(propertyName(dot)) : Optional.empty();
  }

  private boolean isConstantOrVariable(Node node) {
    if (node instanceof AstText || node instanceof AstLiteral) {
      return true;
    }
    if (node instanceof AstIdentifier identifier) {
      return !vocabulary.isApplicationBean(identifier.getName());
    }
    if (node instanceof AstEval || node instanceof AstComposite) {
      for (int i = 0; i < node.getCardinality(); i++) {
        if (!isConstantOrVariable(node.getChild(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String notInVocabulary(String name) {
    return "组件 \"" + name + "\" 不在模型可用的组件清单中，模型不能使用它";
  }

  /** {@code AstDot} prints itself as {@code ". name"}. */
  private static String propertyName(AstDot dot) {
    return dot.toString().substring(2);
  }

  private static Optional<String> refusal(String text, String reason) {
    String shown = text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "…";
    return Optional.of("表达式 " + shown + " " + reason);
  }
}
