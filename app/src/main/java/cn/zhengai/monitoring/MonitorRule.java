package cn.zhengai.monitoring;

/** What makes a monitor warn: today's rule (a target's warning value) and the run rules of a control chart. */
public enum MonitorRule {
  TARGET_WARNING("越过目标预警值"),
  BEYOND_3_SIGMA("单点超出3σ控制限"),
  TWO_OF_THREE_BEYOND_2_SIGMA("连续3点中有2点超出2σ（同侧）"),
  SEVEN_ON_ONE_SIDE("连续7点位于中心线同侧"),
  SIX_RISING_OR_FALLING("连续6点持续上升或下降");

  private final String label;

  MonitorRule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
