package cn.zhengai.planning;

import cn.zhengai.integration.excel.ExcelProblem;
import java.util.List;

/**
 * Rows offered to a table at once: the sheet they come from (the table's own name for the API) and the problems
 * already found in their cells; a row with such a problem is not checked against the table's rules.
 */
public record Offer(String sheet, List<TableRow> rows, List<ExcelProblem> cellProblems) {

  public Offer {
    rows = List.copyOf(rows);
    cellProblems = List.copyOf(cellProblems);
  }
}
