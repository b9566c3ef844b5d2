package cn.zhengai.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on H2 at a random port, started once per test JVM and shared by every class that carries this
 * annotation: surefire runs these classes in JVMs it keeps (the {@value #TAG} tag, see app/pom.xml), so Spring's
 * context cache hands each class the app the first one started instead of starting Camunda and the webapps again.
 *
 * <p>A class joins by carrying {@code @AppTest} and nothing that changes the context: no {@code @MockitoBean},
 * {@code @MockitoSpyBean}, {@code @Import}, {@code @TestPropertySource}, {@code @DynamicPropertySource}, other profiles or
 * {@code @DirtiesContext}. It must not depend on what other classes did to the database and must leave nothing that
 * changes what they see: use names, units or years of its own (or delete what it made), and count only its own rows.
 * Running process instances and the deployments a class made are removed after it ({@link SharedAppHousekeeping}).
 *
 * <p>A class that needs another context (PostgreSQL, the test clock, a mocked bean, special properties) or a
 * database nobody else has touched keeps the plain {@code @SpringBootTest}: untagged classes run each in a JVM of
 * their own, since Camunda keeps its engines in a static registry by name and one JVM can serve only one app.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag(AppTest.TAG)
@ExtendWith(SharedAppHousekeeping.class)
public @interface AppTest {

  /** The JUnit tag surefire selects the shared-app classes by. */
  String TAG = "shared-app";
}
