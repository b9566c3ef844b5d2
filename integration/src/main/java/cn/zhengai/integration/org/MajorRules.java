package cn.zhengai.integration.org;

import java.util.regex.Pattern;

/**
 * The rules a major's particulars follow wherever they come from (the organisation file, the 专业 sheet); each
 * problem in Chinese, without the place, which the caller names.
 */
public final class MajorRules {

  /** 高职专科 codes of the national catalogue (2021) have six digits, e.g. 500211. */
  private static final Pattern CODE = Pattern.compile("\\d{6}");
  static final int EARLIEST_YEAR = 1950;
  static final int LATEST_YEAR = 2100;

  private MajorRules() {}

  /** Why a 专业代码 is not one, or null. */
  public static String codeProblem(String code) {
    if (code == null || code.isEmpty()) {
      return "缺少专业代码";
    }
    return CODE.matcher(code).matches() ? null : "专业代码“" + code + "”应为 6 位数字（专业目录代码，如 500211）";
  }

  /** Why a year (开设年份, 首届毕业年份) is not one, or null. */
  public static String yearProblem(String label, Integer year) {
    if (year == null) {
      return "缺少" + label;
    }
    return year < EARLIEST_YEAR || year > LATEST_YEAR
        ? label + " " + year + " 无效，应在 " + EARLIEST_YEAR + " 到 " + LATEST_YEAR + " 之间" : null;
  }

  /** Why a first graduating year does not follow the first year, or null. */
  public static String graduationProblem(int firstYear, int firstGraduationYear) {
    return firstGraduationYear > firstYear ? null
        : "首届毕业年份 " + firstGraduationYear + " 应晚于开设年份 " + firstYear;
  }
}
