package cn.zhengai.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

  private final Map<String, Object> variables = new HashMap<>();
  /** A scope over the map: reads and both kinds of writes go to it, as on a scope without parents. */
  private final VariableScope scope = (VariableScope) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {VariableScope.class}, (proxy, method, arguments) -> switch (method.getName()) {
        case "getVariable" -> variables.get((String) arguments[0]);
        case "setVariable", "setVariableLocal" -> variables.put((String) arguments[0], arguments[1]);
        default -> throw new UnsupportedOperationException(method.getName());
      });

  @Test
  void formNumbersReadAsIntegers() {
    variables.put("year", 2027L);
    assertThat(SharedVariables.YEAR.get(scope)).isEqualTo(2027);
    variables.put("year", 2027.0d);
    assertThat(SharedVariables.YEAR.get(scope)).isEqualTo(2027);
  }

  @Test
  void aValueOfAnotherTypeNamesTheVariable() {
    variables.put("year", "2027");
    assertThatThrownBy(() -> SharedVariables.YEAR.get(scope)).hasMessage("流程变量 year 应为整数，实为 String：2027");
    variables.put("year", 2027.5d);
    assertThatThrownBy(() -> SharedVariables.YEAR.get(scope)).hasMessageContaining("应为整数");
    variables.put("units", List.of("jwc", 3));
    assertThatThrownBy(() -> ProcessVariable.texts("units").get(scope)).hasMessageContaining("应为文本列表");
  }

  @Test
  void aMissingValueIsEmptyOrAModelError() {
    assertThat(SharedVariables.UNIT.find(scope)).isEmpty();
    assertThatThrownBy(() -> SharedVariables.UNIT.get(scope)).hasMessage("流程变量 unit 缺失");
    SharedVariables.UNIT.set(scope, "jwc");
    assertThat(SharedVariables.UNIT.get(scope)).isEqualTo("jwc");
  }
}
