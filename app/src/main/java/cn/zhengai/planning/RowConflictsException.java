package cn.zhengai.planning;

import java.util.List;

/** An import refused because some of its rows changed since the export (HTTP 409); nothing was written. */
public class RowConflictsException extends RuntimeException {

  private final transient List<Conflict> conflicts;

  public RowConflictsException(String sheet, List<Conflict> conflicts) {
    super("未写入任何数据：工作表「" + sheet + "」中有 " + conflicts.size() + " 行在导出后已被他人修改，为免覆盖这些修改，整个文件未导入；"
        + "请重新导出最新的表，在其中修改后再导入");
    this.conflicts = List.copyOf(conflicts);
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }
}
