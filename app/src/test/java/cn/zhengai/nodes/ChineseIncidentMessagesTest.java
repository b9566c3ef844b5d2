package cn.zhengai.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.NoAppTest;
import org.junit.jupiter.api.Test;

/** What Cockpit shows for a job that failed every retry: a Chinese cause as it is, anything else after a Chinese line. */
@NoAppTest
class ChineseIncidentMessagesTest {

  @Test
  void anEnglishCauseFollowsAChineseLineAndAChineseCauseStandsAlone() {
    assertThat(ChineseIncidentMessages.chinese("Connection refused")).isEqualTo(ChineseIncidentMessages.FAILED_JOB + "Connection refused");
    assertThat(ChineseIncidentMessages.chinese(null)).isEqualTo(ChineseIncidentMessages.FAILED_JOB + "未知");
    assertThat(ChineseIncidentMessages.chinese("流程变量 year 缺失")).isEqualTo("流程变量 year 缺失");
    assertThat(ChineseIncidentMessages.chinese("x".repeat(5000))).hasSize(ChineseIncidentMessages.FAILED_JOB.length() + 3901)
        .endsWith("…");
  }
}
