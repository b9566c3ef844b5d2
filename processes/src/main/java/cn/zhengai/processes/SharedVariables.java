package cn.zhengai.processes;

/**
 * Variables several models carry under the same name and type: the year a process works for and, inside a unit's
 * scope, the unit. Each model's {@code Variables} refers to these instead of declaring its own.
 */
public final class SharedVariables {

  /** The year; the business key of the yearly processes. */
  public static final ProcessVariable<Integer> YEAR = ProcessVariable.integer("year");
  /** The unit id a scope, a checkpoint or a ladder works for. */
  public static final ProcessVariable<String> UNIT = ProcessVariable.text("unit");
  public static final ProcessVariable<String> UNIT_NAME = ProcessVariable.text("unitName");
  /** The candidate group of the unit's tasks. */
  public static final ProcessVariable<String> UNIT_HEAD_GROUP = ProcessVariable.text("unitHeadGroup");

  private SharedVariables() {}
}
