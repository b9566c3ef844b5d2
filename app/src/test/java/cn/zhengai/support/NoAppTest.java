package cn.zhengai.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts no application (no Spring context, no engine) and changes no state of the JVM (clock,
 * locale, time zone, system properties): surefire runs it in the JVMs it keeps for the {@link AppTest} classes (the
 * {@value #TAG} tag, see app/pom.xml) instead of starting a JVM for it alone, which costs more than its tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(NoAppTest.TAG)
public @interface NoAppTest {

  /** The JUnit tag surefire selects these classes by. */
  String TAG = "no-app";
}
