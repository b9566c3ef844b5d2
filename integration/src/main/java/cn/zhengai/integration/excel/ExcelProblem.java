package cn.zhengai.integration.excel;

/** One reason a sheet cannot be imported, naming sheet, row and column when it concerns a cell. */
public record ExcelProblem(String sheet, int row, String column, String message) {

  public static ExcelProblem ofFile(String message) {
    return new ExcelProblem(null, 0, null, message);
  }

  /** "工作表「表7」第 5 行「责任部门」列：…". */
  public String describe() {
    StringBuilder where = new StringBuilder();
    if (sheet != null) {
      where.append("工作表「").append(sheet).append("」");
    }
    if (row > 0) {
      where.append("第 ").append(row).append(" 行");
    }
    if (column != null) {
      where.append("「").append(column).append("」列");
    }
    return where.isEmpty() ? message : where + "：" + message;
  }
}
