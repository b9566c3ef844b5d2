package cn.zhengai.planning;

import cn.zhengai.support.AppTest;

/** The chains and their Excel sheets on the embedded default database, H2. */
@AppTest
class PlanningOnH2Test extends PlanningScenarios {}
