package cn.zhengai.planning;

import cn.zhengai.integration.excel.CellValues;
import cn.zhengai.org.DemoProperties;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo college's chains: the seed's own 表4, 表7 and 表8, row for row, loaded on the first start of the
 * default profile into each of those tables that is still empty. They go through the same checks as an import.
 */
@Component
@Order(2)
class DemoChains implements ApplicationRunner {

  /** Who the change log names for the demo rows. */
  static final String LOADER = "demo-data";
  private static final Logger LOG = LoggerFactory.getLogger(DemoChains.class);
  private static final Map<String, String> FILES = Map.of(
      "plans", "planning/demo/plans.tsv",
      "standards", "planning/demo/standards.tsv",
      "schedule", "planning/demo/schedule.tsv");

  private final PlanningTables tables;
  private final DemoProperties demo;

  DemoChains(PlanningTables tables, DemoProperties demo) {
    this.tables = tables;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demo.enabled()) {
      return;
    }
    CurrentUser loader = new CurrentUser(LOADER, List.of(Access.ADMIN_GROUP));
    for (String tableId : List.of("plans", "standards", "schedule")) {
      PlanningTable table = tables.get(tableId);
      if (table.rows(TableScope.ALL).isEmpty()) {
        PlanningTable.SaveReport report = table.save(read(table, FILES.get(tableId)), loader, TableScope.ALL);
        LOG.info("演示数据：{} 载入 {} 行", table.sheetName(), report.created());
      }
    }
  }

  /** A tab-separated file with the sheet's headers on its first line, checked cell by cell like a sheet. */
  private static List<TableRow> read(PlanningTable table, String resource) {
    String text;
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    List<String> lines = text.lines().toList();
    if (!Arrays.asList(lines.get(0).split("\t", -1)).equals(table.fields().stream().map(Field::header).toList())) {
      throw new IllegalStateException(resource + " 的表头与" + table.sheetName() + "不符");
    }
    List<TableRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = Arrays.copyOf(lines.get(i).split("\t", -1), table.fields().size());
      List<String> values = new ArrayList<>();
      for (int column = 0; column < cells.length; column++) {
        CellValues.Checked checked = CellValues.check(table.fields().get(column).column(), cells[column]);
        if (!checked.ok()) {
          throw new IllegalStateException(resource + " 第 " + (i + 1) + " 行：" + checked.problem());
        }
        values.add(checked.value());
      }
      rows.add(new TableRow(i + 1, null, values));
    }
    return rows;
  }
}
