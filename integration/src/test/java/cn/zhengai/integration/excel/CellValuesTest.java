package cn.zhengai.integration.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellValuesTest {

  /** What a person typed (\\uXXXX for what they cannot see) and the one spelling every table keeps. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      修订实施方案                                   | 修订实施方案
      第 1 项：按 SMART 原则描述（“具体”）             | 第 1 项：按 SMART 原则描述（“具体”）
      "  实施方案 "                                  | 实施方案
      "修订\\u3000\\u3000实施方案"                    | 修订 实施方案
      "修订 \\u200B \\u00A0实施方案"                  | 修订 实施方案
      "\\u200B\\uFEFF质管办\\u2060"                   | 质管办
      "甲\\t乙"                                      | 甲 乙
      "第一行\\r\\n第二行"                            | "第一行\\n第二行"
      "第一行\\r\\u200B\\n第二行"                     | "第一行\\n第二行"
      "第一行\\r \\n第二行"                           | "第一行\\r \\n第二行"
      ２０１９．０５．２０                             | 2019.05.20
      ２０２７－０２／２６                             | 2027-02/26
      发规处(基建办),院办                             | 发规处（基建办），院办
      "Smith, J. (2027)"                             | "Smith, J. (2027)"
      "\\u3000"                                      | ""
      """)
  void aCellIsNormalisedToOneSpelling(String typed, String kept) {
    assertThat(CellValues.normalise(unescaped(typed))).isEqualTo(unescaped(kept));
  }

  private static String unescaped(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\u", i)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (text.startsWith("\\t", i) || text.startsWith("\\r", i) || text.startsWith("\\n", i)) {
        out.append(switch (text.charAt(i + 1)) {
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> '\n';
        });
        i++;
      } else {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }
}
