package cn.zhengai.planning;

import cn.zhengai.integration.excel.ExcelProblem;
import java.util.List;
import java.util.Map;

/**
 * What an import would do, with nothing written: the rows it would create, the rows it would change (each cell
 * old → new), how many it would leave as they are, the rows it may not overwrite because they changed since the
 * export (conflicts), and every problem by sheet, row and column. {@code ok}: nothing stands in the way.
 */
public record ImportPreview(String table, String sheet, boolean ok, List<Created> created, List<Changed> changed,
    int unchanged, List<Conflict> conflicts, List<ExcelProblem> problems) {

  /** A new row: its sheet row, key and values by Chinese header. */
  public record Created(int row, String key, Map<String, String> values) {}

  /** A changed row: its sheet row, the stored row's id, key, and the cells that change. */
  public record Changed(int row, long id, String key, List<ChangeLog.CellChange> cells) {}
}
