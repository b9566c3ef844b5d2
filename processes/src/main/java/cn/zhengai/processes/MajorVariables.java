package cn.zhengai.processes;

/** Variables both major-level models carry: the major, its owners and the bodies above it. */
public final class MajorVariables {

  /** The major's 专业代码. */
  public static final ProcessVariable<String> MAJOR = ProcessVariable.text("major");
  public static final ProcessVariable<String> MAJOR_NAME = ProcessVariable.text("majorName");
  /** The candidate group of the major's own tasks: its 专业（课程）负责人. */
  public static final ProcessVariable<String> OWNER_GROUP = ProcessVariable.text("ownerGroup");
  /** The 二级学院's 质量保证工作组, which reviews the major's work. */
  public static final ProcessVariable<String> WORKING_GROUP = ProcessVariable.text("workingGroup");

  private MajorVariables() {}
}
