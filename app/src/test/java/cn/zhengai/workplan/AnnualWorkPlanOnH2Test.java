package cn.zhengai.workplan;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The annual work plan round on the embedded default database, H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnnualWorkPlanOnH2Test extends AnnualWorkPlanScenarios {}
