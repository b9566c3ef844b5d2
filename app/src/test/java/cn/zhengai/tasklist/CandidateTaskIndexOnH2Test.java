package cn.zhengai.tasklist;

import cn.zhengai.support.AppTest;

@AppTest
class CandidateTaskIndexOnH2Test extends CandidateTaskIndexScenarios {}
