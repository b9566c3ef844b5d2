package cn.zhengai.integration.excel;

import java.util.List;

/** A workbook refused whole: every problem found, each saying where. Nothing of it was imported. */
public class ExcelImportException extends RuntimeException {

  private final List<ExcelProblem> problems;

  public ExcelImportException(List<ExcelProblem> problems) {
    super("Excel 导入失败，未写入任何数据：" + String.join("；", problems.stream().map(ExcelProblem::describe).limit(20).toList())
        + (problems.size() > 20 ? "；等共 " + problems.size() + " 处问题" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<ExcelProblem> problems() {
    return problems;
  }
}
