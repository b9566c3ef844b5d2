package cn.zhengai.major;

import cn.zhengai.support.AppTest;

/** The major level on the embedded default database, H2. */
@AppTest
class MajorLevelOnH2Test extends MajorLevelScenarios {}
