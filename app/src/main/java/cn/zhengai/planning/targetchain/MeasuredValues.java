package cn.zhengai.planning.targetchain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where a target's current value comes from when it is measured: the latest reading of the indicator serving the
 * target (the data platform answers this). A target no indicator serves, or whose indicator has no reading yet,
 * keeps the value typed into 目标指标.
 */
public interface MeasuredValues {

  /** The target's measured current value, if an indicator serving it has a reading for it. */
  Optional<BigDecimal> currentValue(String targetCode, String ownerUnitId, String cycleYear);

  /** The indicator serving a target serves the target carried forward from it into the next year too. */
  void serveCarriedForward(String targetCode, String carriedCode);
}
