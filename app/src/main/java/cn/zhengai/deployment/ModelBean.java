package cn.zhengai.deployment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Spring bean that process models may use: a delegate or listener named by
 * {@code delegateExpression="${name}"}, or a bean whose public methods models call, e.g.
 * {@code ${escalationSteps.remind(execution)}}. Only declared beans exist for models, at upload and at run time;
 * every other bean of the application is out of their reach. Put it on the bean's class or on its {@code @Bean}
 * method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ModelBean {

  /** What the bean does, in Chinese, for the process owners who read the vocabulary. */
  String value();
}
