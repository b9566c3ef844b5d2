package cn.zhengai.integration.excel;

import java.util.List;

/**
 * A table sheet as read: which sheet of the workbook it was, every data row (a cell that is wrong reads as blank)
 * and the problems of the cells, each naming sheet, row and column. Rows are given even when some are wrong, so
 * that the table's own rules can check the others in the same round.
 */
public record SheetRead(String sheet, List<ExcelRow> rows, List<ExcelProblem> problems) {

  public SheetRead {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  /** The rows, when no cell is wrong; otherwise every problem, as a refusal. */
  public List<ExcelRow> rowsOrThrow() {
    if (!problems.isEmpty()) {
      throw new ExcelImportException(problems);
    }
    return rows;
  }
}
