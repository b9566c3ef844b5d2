package cn.zhengai.statedata;

import cn.zhengai.support.AppTest;

/** The data platform on the embedded default database, H2. */
@AppTest
class DataPlatformOnH2Test extends DataScenarios {}
