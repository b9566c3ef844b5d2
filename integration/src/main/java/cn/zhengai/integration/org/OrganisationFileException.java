package cn.zhengai.integration.org;

import java.util.List;

/** An organisation file that cannot be loaded; carries every problem found, each naming where it is. */
public class OrganisationFileException extends RuntimeException {

  private final List<String> problems;

  public OrganisationFileException(List<String> problems) {
    super("组织数据文件有误：\n" + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
