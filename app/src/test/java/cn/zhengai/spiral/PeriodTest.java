package cn.zhengai.spiral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.support.NoAppTest;
import org.junit.jupiter.api.Test;

@NoAppTest
class PeriodTest {

  @Test
  void everyKindReadsBackItsOwnCode() {
    for (Period period : new Period[] {Period.year(2027), Period.threeYears(2025), Period.semester(2026, 2),
        Period.month(2027, 3)}) {
      assertThat(Period.parse(period.code())).isEqualTo(period);
    }
    assertThat(Period.threeYears(2025).code()).isEqualTo("2025-2027");
    assertThat(Period.semester(2026, 1).code()).isEqualTo("2026-2027-1");
    assertThat(Period.month(2027, 3).code()).isEqualTo("2027-03");
  }

  @Test
  void labelsAreChinese() {
    assertThat(Period.threeYears(2025).label()).isEqualTo("2025—2027年");
    assertThat(Period.semester(2026, 1).label()).isEqualTo("2026—2027学年第一学期");
    assertThat(Period.month(2027, 3).label()).isEqualTo("2027年3月");
    assertThat(Period.threeYears(2025).lastYear()).isEqualTo(2027);
  }

  @Test
  void malformedCodesAreRefusedInChinese() {
    assertThatThrownBy(() -> Period.parse("2025-2026")).hasMessageContaining("无法识别");
    assertThatThrownBy(() -> Period.parse("2026-2028-1")).hasMessageContaining("无法识别");
    assertThatThrownBy(() -> Period.parse("2027-13")).hasMessageContaining("序号 13 无效");
    assertThatThrownBy(() -> Period.parse(null)).hasMessageContaining("无法识别");
  }
}
