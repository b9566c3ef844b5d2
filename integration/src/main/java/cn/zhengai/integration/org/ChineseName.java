package cn.zhengai.integration.org;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A Chinese personal name split into 姓 (family name) and 名 (given name). */
public record ChineseName(String familyName, String givenName) {

  /** The compound surnames of the 百家姓 that are still in use; every other surname is one character. */
  private static final Set<String> COMPOUND_SURNAMES = Set.of(
      "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
      "令狐", "钟离", "闾丘", "端木", "南宫", "西门", "独孤", "澹台", "公冶", "宗政", "濮阳", "太叔", "申屠", "百里",
      "呼延", "万俟", "司空", "赫连", "淳于", "单于", "拓跋", "第五", "梁丘", "左丘", "东郭", "段干", "谷梁", "乐正",
      "公羊", "微生", "羊舌", "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "壤驷", "仲孙", "叔孙", "鲜于",
      "闻人", "东门", "公良", "夹谷", "宰父", "仉督", "归海");
  private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}{2,}");

  /** The name as Chinese write it: family name first, no space (王芳). */
  public String fullName() {
    return familyName + givenName;
  }

  /**
   * Splits a plain Chinese name: a compound surname (欧阳修 → 欧阳 修) when the name is long enough to leave a given
   * name, else the first character (王芳 → 王 芳). Names this cannot split with confidence (one character, other
   * scripts, names with a middle dot such as 买买提·艾力) are empty: their parts have to be written out.
   */
  public static Optional<ChineseName> split(String fullName) {
    String name = fullName == null ? "" : fullName.strip();
    if (!HAN_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    int family = name.length() > 2 && COMPOUND_SURNAMES.contains(name.substring(0, 2)) ? 2 : 1;
    return Optional.of(new ChineseName(name.substring(0, family), name.substring(family)));
  }
}
