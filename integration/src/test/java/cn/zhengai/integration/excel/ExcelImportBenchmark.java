package cn.zhengai.integration.excel;

import java.io.IOException;
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
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Import of a 100,000-row sheet: time and peak heap of {@link ExcelTableReader} (streamed read, every cell
 * checked, rows kept) beside POI's own streaming read of the same file (the baseline: cells parsed, nothing
 * kept), measured in the same run because these machines are noisy.
 *
 * <pre>mvn -q -pl integration -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=cn.zhengai.integration.excel.ExcelImportBenchmark</pre>
 */
public final class ExcelImportBenchmark {

  private static final int ROWS = 100_000;
  private static final int RUNS = 3;

  private ExcelImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : ROWS;
    Path file = Files.createTempFile("benchmark-", ".xlsx");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        ExcelTableWriter.write(out, ExcelTableTest.SCHEDULE, generated(rows));
      }
      System.out.printf("文件：%d 行 × %d 列，%.1f MB%n", rows, ExcelTableTest.SCHEDULE.columns().size(), Files.size(file) / 1048576.0);
      Measure baseline = best(() -> poiStreamingRead(file));
      Measure ours = best(() -> ExcelTableReader.read(file, ExcelTableTest.SCHEDULE).size());
      System.out.printf("最大堆 %d MB（峰值含未回收的垃圾；以较小的 -Xmx 运行可见读取所需的上限）%n",
          Runtime.getRuntime().maxMemory() / 1048576);
      System.out.printf("POI 流式读取（基线）：%6d ms，峰值堆增量 %6.1f MB，单元格 %d%n", baseline.millis, baseline.peakMb, baseline.count);
      System.out.printf("ExcelTableReader    ：%6d ms，峰值堆增量 %6.1f MB，数据行 %d%n", ours.millis, ours.peakMb, ours.count);
      System.out.printf("比值（本实现 / 基线）：时间 %.2f，峰值内存 %.2f%n", (double) ours.millis / baseline.millis,
          ours.peakMb / Math.max(0.1, baseline.peakMb));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Iterable<List<String>> generated(int rows) {
    return new AbstractList<>() {
      @Override
      public List<String> get(int i) {
        return List.of("项目" + (i / 50), "工作内容第 " + i + " 项：按 SMART 原则描述的具体工作", i % 3 == 0 ? "质管办" : i % 3 == 1 ? "院办" : "教务处",
            "2027-" + String.format("%02d", i % 12 + 1) + "-15", String.valueOf(i % 97), i % 10 == 0 ? "备注" : "");
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



  /** The best of a few runs: wall time, and the highest heap use above the level before the run. */
  private static Measure best(Work work) throws Exception {
    Measure best = null;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int run = 0; run < RUNS; run++) {
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
