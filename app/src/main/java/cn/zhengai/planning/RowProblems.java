package cn.zhengai.planning;

import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelProblem;
import java.util.ArrayList;
import java.util.List;

/** The problems found in the rows offered to a table, each at its sheet, row and column; all or nothing. */
public final class RowProblems {

  private final String sheet;
  private final List<Field> fields;
  private final List<ExcelProblem> problems = new ArrayList<>();
  private int forbidden;

  RowProblems(String sheet, List<Field> fields) {
    this.sheet = sheet;
    this.fields = fields;
  }

  public void at(TableRow row, int column, String message) {
    problems.add(new ExcelProblem(sheet, row.rowNumber(), fields.get(column).header(), message));
  }

  public void atRow(TableRow row, String message) {
    problems.add(new ExcelProblem(sheet, row.rowNumber(), null, message));
  }

  /** A row the editor may not change: when every problem is of this kind, the answer is 403, not 400. */
  void forbidden(TableRow row, int column, String message) {
    at(row, column, message);
    forbidden++;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw forbidden == problems.size() ? new RowsForbiddenException(problems) : new ExcelImportException(problems);
    }
  }
}
