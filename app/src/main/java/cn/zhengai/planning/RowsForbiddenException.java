package cn.zhengai.planning;

import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelProblem;
import java.util.List;

/** Rows refused only because the editor may not change them (HTTP 403); nothing was written. */
public class RowsForbiddenException extends ExcelImportException {

  public RowsForbiddenException(List<ExcelProblem> problems) {
    super(problems);
  }
}
