package cn.zhengai.monitoring;

/** Who verifies a unit's corrections: the body a level's reviewer rule names, never the unit itself. */
public interface CorrectionVerifiers {

  /** The candidate group of the unit's 核实纠偏措施. */
  String of(String unitId);
}
