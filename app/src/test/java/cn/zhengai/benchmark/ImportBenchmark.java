package cn.zhengai.benchmark;

import cn.zhengai.integration.excel.ExcelRow;
import cn.zhengai.integration.excel.ExcelTableReader;
import cn.zhengai.integration.excel.ExcelTableWriter;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.PlanningTables;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * P4: import of a 100,000-row 表8 sheet, measured beside POI's own streaming read of the same file (the baseline:
 * cells parsed, nothing kept):
 * <ul>
 *   <li>the sheet read: {@link ExcelTableReader}, streamed, every cell checked, rows kept;</li>
 *   <li>the whole import: read, then the table's rules and the database write in one transaction, through the same
 *       {@link PlanningTable#save} an upload goes through.</li>
 * </ul>
 * Best of three runs each.
 */
final class ImportBenchmark implements Benchmark {

  private static final int ROWS = 100_000;
  private static final int RUNS = 3;
  private static final List<String> DEPARTMENTS = List.of("质管办", "院办", "教务处", "各教学单位", "教务处、产学研处、教学单位等");

  @Override
  public String id() {
    return "P4";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    int rows = ROWS;
    Path file = Files.createTempFile("benchmark-", ".xlsx");
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "import")) {
      PlanningTable schedule = app.getBean(PlanningTables.class).get("schedule");
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      try (OutputStream out = Files.newOutputStream(file)) {
        ExcelTableWriter.write(out, schedule.layout(), generated(rows));
      }
      figures.note(String.format("P4 文件：%s，%d 行 × %d 列，%.1f MB", schedule.sheetName(), rows, schedule.fields().size(),
          Files.size(file) / 1048576.0));
      CurrentUser qaOffice = new CurrentUser("benchmark", List.of(Access.ADMIN_GROUP));
      // both reads once untimed first: the parser's code is compiled by then, not during whichever runs first
      poiStreamingRead(file);
      ExcelTableReader.read(file, schedule.layout());
      Measurement baseline = Measurement.best(RUNS, () -> poiStreamingRead(file), () -> {});
      Measurement read = Measurement.best(RUNS, () -> ExcelTableReader.read(file, schedule.layout()).rowsOrThrow().size(), () -> {});
      Measurement imported = Measurement.best(RUNS, () -> {
        List<ExcelRow> sheet = ExcelTableReader.read(file, schedule.layout()).rowsOrThrow();
        int fields = schedule.fields().size();
        return schedule.save(sheet.stream().map(row -> new TableRow(row.rowNumber(), null, row.values().subList(0, fields))).toList(), qaOffice,
            TableScope.ALL).created();
      }, () -> {
        jdbc.update("DELETE FROM schedule_item WHERE project LIKE '基准%'");
        jdbc.update("DELETE FROM planning_change WHERE changed_by = 'benchmark'");
      });
      figures.add("P4", "读取并逐格检查 " + rows + " 行：时间（基线 POI 流式读取）", database, read.millis(), baseline.millis(), "ms");
      figures.add("P4", "读取并逐格检查：峰值堆增量", database, read.peakMb(), baseline.peakMb(), "MB");
      figures.add("P4", "完整导入（检查、规则、写库）：时间", database, imported.millis(), baseline.millis(), "ms");
      figures.add("P4", "完整导入：峰值堆增量", database, imported.peakMb(), baseline.peakMb(), "MB");
      // what each keeps: the heap left after the collections during the run (the peaks above count garbage too)
      figures.add("P4", "读取并逐格检查：GC 后存活堆峰值增量", database, read.liveMb(), baseline.liveMb(), "MB");
      figures.add("P4", "完整导入：GC 后存活堆峰值增量", database, imported.liveMb(), baseline.liveMb(), "MB");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Iterable<List<String>> generated(int rows) {
    return new AbstractList<>() {
      @Override
      public List<String> get(int i) {
        return List.of("基准项目" + (i / 50), "基准工作内容第 " + i + " 项：按 SMART 原则描述的具体工作",
            DEPARTMENTS.get(i % DEPARTMENTS.size()), "2027." + String.format("%02d", i % 12 + 1), i % 10 == 0 ? "备注" : "", "");
      }

      @Override
      public int size() {
        return rows;
      }
    };
  }

  /** POI's event API with a handler that only counts cells. */
  private static long poiStreamingRead(Path file) throws Exception {
    AtomicLong cells = new AtomicLong();
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      XMLReader parser = SAXHelper.newXMLReader();
      parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, new ReadOnlySharedStringsTable(pkg),
          new XSSFSheetXMLHandler.SheetContentsHandler() {
            @Override
            public void startRow(int rowNum) {}

            @Override
            public void endRow(int rowNum) {}

            @Override
            public void cell(String reference, String value, XSSFComment comment) {
              cells.incrementAndGet();
            }
          }, new DataFormatter(), false));
      try (InputStream sheet = reader.getSheetsData().next()) {
        parser.parse(new InputSource(sheet));
      }
    }
    return cells.get();
  }
}
