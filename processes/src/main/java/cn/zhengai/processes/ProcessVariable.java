package cn.zhengai.processes;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable's name and type, declared once in its model's process-API class, so that delegates and
 * listeners read and write it without casts: {@code int year = Variables.YEAR.get(execution)}. A value of the
 * wrong type fails with the variable's name instead of a {@link ClassCastException} somewhere later.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final String typeLabel;
  private final Function<Object, T> convert;

  private ProcessVariable(String name, String typeLabel, Function<Object, T> convert) {
    this.name = name;
    this.typeLabel = typeLabel;
    this.convert = convert;
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, "文本", value -> value instanceof String text ? text : null);
  }

  /** A whole number; Camunda Forms submit numbers as {@code Long} or {@code Double}, so any integral number fits. */
  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, "整数", value -> value instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE ? Integer.valueOf(number.intValue()) : null);
  }

  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, "是/否", value -> value instanceof Boolean flag ? flag : null);
  }

  public static ProcessVariable<Date> moment(String name) {
    return new ProcessVariable<>(name, "时间", value -> value instanceof Date moment ? moment : null);
  }

  /** A list of texts, such as the ids of the units a multi-instance element runs for. */
  public static ProcessVariable<List<String>> texts(String name) {
    return new ProcessVariable<>(name, "文本列表", value -> value instanceof List<?> list
        && list.stream().allMatch(String.class::isInstance) ? list.stream().map(String.class::cast).toList() : null);
  }

  public String name() {
    return name;
  }

  /** The value, which the model guarantees at this point; missing or of another type is a model error. */
  public T get(VariableScope scope) {
    return find(scope).orElseThrow(() -> new IllegalStateException("流程变量 " + name + " 缺失"));
  }

  /** The value, or empty when the variable is unset or null. */
  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(scope.getVariable(name)).map(this::converted);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Sets the variable on this scope only, e.g. one unit's instance of a multi-instance sub-process. */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  private T converted(Object value) {
    T converted = convert.apply(value);
    if (converted == null) {
      throw new IllegalStateException("流程变量 " + name + " 应为" + typeLabel + "，实为 " + value.getClass().getSimpleName()
          + "：" + value);
    }
    return converted;
  }

  @Override
  public String toString() {
    return name;
  }
}
