package cn.zhengai.monitoring;

/** Something the data shows off course at a checkpoint, said in Chinese. */
public record Deviation(Kind kind, String subject) {

  /** A task behind its straight line, a task past its deadline, an indicator past its warning value. */
  public enum Kind { TASK_BEHIND, TASK_OVERDUE, INDICATOR }
}
