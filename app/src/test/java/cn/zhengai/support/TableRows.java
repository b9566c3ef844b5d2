package cn.zhengai.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** A row of a planning table changed as the workbench changes it: the row as it was read, with one cell new. */
public final class TableRows {

  private TableRows() {}

  /**
   * Puts {@code row} (as {@code GET table} answered it) back to {@code table}/{id} with {@code column} set to
   * {@code value}, as {@code who}; the answer must be 200.
   */
  public static void change(EngineRest who, String table, JsonNode row, String column, String value) {
    Map<String, Object> changed = new HashMap<>();
    row.fields().forEachRemaining(field -> changed.put(field.getKey(), field.getValue().asText()));
    changed.put(column, value);
    who.put(table + "/" + row.get("id").asText(), changed).expect(200);
  }
}
