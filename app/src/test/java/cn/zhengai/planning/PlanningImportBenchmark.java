package cn.zhengai.planning;

import cn.zhengai.ZhengaiApplication;
import cn.zhengai.integration.excel.ExcelRow;
import cn.zhengai.integration.excel.ExcelTableReader;
import cn.zhengai.integration.excel.ExcelTableWriter;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Import of a 100,000-row 表8 sheet, measured beside POI's own streaming read of the same file (the baseline:
 * cells parsed, nothing kept), in the same run because these machines are noisy:
 * <ul>
 *   <li>the sheet read: {@link ExcelTableReader}, streamed, every cell checked, rows kept;</li>
 *   <li>the whole import: read, then the table's rules and the database write in one transaction (embedded H2),
 *       through the same {@link PlanningTable#save} an upload goes through.</li>
 * </ul>
 *
 * <pre>mvn -q install -DskipTests
 * MAVEN_OPTS=-Xmx512m mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=cn.zhengai.planning.PlanningImportBenchmark</pre>
 */
public final class PlanningImportBenchmark {

  private static final int ROWS = 100_000;
  private static final int RUNS = 3;
  private static final List<String> DEPARTMENTS = List.of("质管办", "院办", "教务处", "各教学单位", "教务处、产学研处、教学单位等");

  private PlanningImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : ROWS;
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ZhengaiApplication.class).profiles("test")
        .properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1", "logging.level.root=WARN")
        .run();
    Path file = Files.createTempFile("benchmark-", ".xlsx");
    try {
      PlanningTable schedule = app.getBean(PlanningTables.class).get("schedule");
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      try (OutputStream out = Files.newOutputStream(file)) {
        ExcelTableWriter.write(out, schedule.layout(), generated(rows));
      }
      System.out.printf("文件：%s，%d 行 × %d 列，%.1f MB；最大堆 %d MB%n", schedule.sheetName(), rows,
          schedule.fields().size(), Files.size(file) / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
      CurrentUser qaOffice = new CurrentUser("benchmark", List.of(Access.ADMIN_GROUP));
      Measure baseline = best(() -> poiStreamingRead(file), () -> {});
      Measure read = best(() -> ExcelTableReader.read(file, schedule.layout()).rowsOrThrow().size(), () -> {});
      Measure imported = best(() -> {
        List<ExcelRow> sheet = ExcelTableReader.read(file, schedule.layout()).rowsOrThrow();
        int fields = schedule.fields().size();
        return schedule.save(sheet.stream().map(row -> new TableRow(row.rowNumber(), null, row.values().subList(0, fields))).toList(), qaOffice,
            TableScope.ALL).created();
      }, () -> {
        jdbc.update("DELETE FROM schedule_item WHERE project LIKE '基准%'");
        jdbc.update("DELETE FROM planning_change WHERE changed_by = 'benchmark'");
      });
      System.out.printf("POI 流式读取（基线）      ：%6d ms，峰值堆增量 %6.1f MB，单元格 %d%n", baseline.millis, baseline.peakMb, baseline.count);
      System.out.printf("读取并逐格检查            ：%6d ms，峰值堆增量 %6.1f MB，数据行 %d%n", read.millis, read.peakMb, read.count);
      System.out.printf("完整导入（检查、规则、写库）：%6d ms，峰值堆增量 %6.1f MB，新建行 %d%n", imported.millis, imported.peakMb, imported.count);
      System.out.printf("比值（/ 基线）：读取 时间 %.2f、内存 %.2f；完整导入 时间 %.2f、内存 %.2f%n",
          (double) read.millis / baseline.millis, read.peakMb / Math.max(0.1, baseline.peakMb),
          (double) imported.millis / baseline.millis, imported.peakMb / Math.max(0.1, baseline.peakMb));
    } finally {
      Files.deleteIfExists(file);
      app.close();
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

  private interface Work {
    long run() throws Exception;
  }

  private record Measure(long millis, double peakMb, long count) {}

  /** The best of a few runs (each after {@code reset}, untimed): wall time, and the highest heap use above the level before. */
  private static Measure best(Work work, Runnable reset) throws Exception {
    Measure best = null;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int run = 0; run < RUNS; run++) {
      reset.run();
      System.gc();
      Thread.sleep(200);
      long before = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(before);
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      long start = System.nanoTime();
      long count = work.run();
      long millis = (System.nanoTime() - start) / 1_000_000;
      sampler.interrupt();
      sampler.join();
      Measure measure = new Measure(millis, (peak.get() - before) / 1048576.0, count);
      if (best == null || measure.millis < best.millis) {
        best = measure;
      }
    }
    return best;
  }
}
