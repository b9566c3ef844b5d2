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
  /**
   * What a process below the unit works for, named (a major's 专业代码 and name): shown beside the unit on its tasks
   * and as its own row of the 诊改驾驶舱. Unset where the unit is the subject.
   */
  public static final ProcessVariable<String> SUBJECT_NAME = ProcessVariable.text("subjectName");
  /** The candidate group of the unit's tasks. */
  public static final ProcessVariable<String> UNIT_HEAD_GROUP = ProcessVariable.text("unitHeadGroup");

  private SharedVariables() {}
}
