package cn.zhengai.planning;

import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelProblem;
import java.util.ArrayList;
import java.util.Comparator;
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
    atColumn(row, fields.get(column).header(), message);
  }

  public void atRow(TableRow row, String message) {
    atColumn(row, null, message);
  }

  void atColumn(TableRow row, String header, String message) {
    problems.add(new ExcelProblem(sheet, row.rowNumber(), header, message));
  }

  /** A problem found before the table's rules: in a cell, or in the file. */
  void add(ExcelProblem problem) {
    problems.add(problem);
  }

  /** A row the editor may not change: when every problem is of this kind, the answer is 403, not 400. */
  void forbidden(TableRow row, int column, String message) {
    at(row, column, message);
    forbidden++;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Every problem, the file's first, then row by row. */
  List<ExcelProblem> list() {
    return problems.stream().sorted(Comparator.comparingInt(ExcelProblem::row)).toList();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw forbidden == problems.size() ? new RowsForbiddenException(list()) : new ExcelImportException(list());
    }
  }
}
