package cn.zhengai.deployment;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;

/**
 * The engine's expression manager, narrowed to what models may use, whatever path a model came from: variables
 * (with {@code execution}, {@code task} and the engine's functions such as {@code currentUser()}), the declared
 * beans of {@link ModelVocabulary} by name, and their methods for models. Nothing else resolves: no other bean of
 * the application, no property of any object, no method of any other object, so no reflection. It replaces Spring's
 * expression manager, which resolves every bean of the application context.
 */
class SandboxedExpressionManager extends JuelExpressionManager {

  private final ModelVocabulary vocabulary;

  SandboxedExpressionManager(ModelVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new DeclaredBeans(vocabulary));
    return resolver;
  }

  /** Last in the chain: what variables did not resolve is a declared bean, or refused. */
  private static final class DeclaredBeans extends ELResolver {

    private final ModelVocabulary vocabulary;
    private final BeanELResolver methods = new BeanELResolver(true);

    DeclaredBeans(ModelVocabulary vocabulary) {
      this.vocabulary = vocabulary;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base != null) {
        throw new ELException("流程模型的表达式不允许读取属性 ." + property + "（" + base.getClass().getSimpleName() + "）");
      }
      Object bean = vocabulary.instance(String.valueOf(property));
      if (bean == null) {
        throw new PropertyNotFoundException("“" + property + "”既不是流程变量，也不是模型可用的组件");
      }
      context.setPropertyResolved(true);
      return bean;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (base == null || !vocabulary.mayInvoke(base, String.valueOf(method))) {
        throw new ELException("流程模型的表达式只能调用模型可用组件的方法，不允许调用 "
            + (base == null ? "" : base.getClass().getSimpleName() + ".") + method + "()");
      }
      return methods.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      throw new ELException("流程模型的表达式不允许赋值给 " + property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return base == null ? Object.class : null;
    }
  }
}
