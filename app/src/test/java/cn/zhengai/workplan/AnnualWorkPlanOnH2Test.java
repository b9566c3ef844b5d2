package cn.zhengai.workplan;

import cn.zhengai.support.AppTest;

/** The annual work plan round on the embedded default database, H2. */
@AppTest
class AnnualWorkPlanOnH2Test extends AnnualWorkPlanScenarios {}
