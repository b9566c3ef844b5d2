package cn.zhengai.major;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expert's scores as written on the review form, one line per item: "专业教学标准（14）：12". Each line needs a
 * score between 0 and the item's weight; the total is the sum.
 */
public final class ItemScores {

  private static final Pattern LINE = Pattern.compile("^(.+?)[（(](\\d+)[）)]\\s*[：:]\\s*(.*)$");

  private ItemScores() {}

  /** One scored item of a review as kept: the item, its weight and the score given. */
  public record ItemScore(String item, BigDecimal weight, BigDecimal score) {}

  /** The items of a review as kept (checked when the expert submitted it), in the order written. */
  public static List<ItemScore> items(String written) {
    List<ItemScore> items = new ArrayList<>();
    for (String line : written == null ? new String[0] : written.strip().split("\\R")) {
      Matcher matcher = LINE.matcher(line.strip());
      if (matcher.matches()) {
        try {
          items.add(new ItemScore(matcher.group(1).strip(), new BigDecimal(matcher.group(2)),
              new BigDecimal(matcher.group(3).strip())));
        } catch (NumberFormatException e) {
          // a line without a score is no scored item
        }
      }
    }
    return items;
  }

  /** The total, or null after adding each line's problem in Chinese. */
  static BigDecimal total(String written, List<String> problems) {
    BigDecimal total = BigDecimal.ZERO;
    int before = problems.size();
    String[] lines = written == null ? new String[0] : written.strip().split("\\R");
    int scored = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        problems.add("逐项评分第 " + (i + 1) + " 行“" + line + "”应写成 评分项（分值）：得分");
        continue;
      }
      String item = matcher.group(1).strip();
      BigDecimal weight = new BigDecimal(matcher.group(2));
      String score = matcher.group(3).strip();
      if (score.isEmpty()) {
        problems.add("逐项评分中“" + item + "”还没有得分");
        continue;
      }
      BigDecimal value;
      try {
        value = new BigDecimal(score);
      } catch (NumberFormatException e) {
        problems.add("逐项评分中“" + item + "”的得分“" + score + "”不是数字");
        continue;
      }
      if (value.signum() < 0 || value.compareTo(weight) > 0) {
        problems.add("逐项评分中“" + item + "”的得分 " + score + " 应在 0 到 " + weight + " 之间");
        continue;
      }
      total = total.add(value);
      scored++;
    }
    if (scored == 0 && problems.size() == before) {
      problems.add("请逐项评分");
    }
    return problems.size() == before ? total : null;
  }
}
