package cn.zhengai.report;

import cn.zhengai.report.Reports.Entry;
import cn.zhengai.spiral.Period;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Generates every report of a year (the units', the majors' and the year's 考核性诊断 reports) in the background, one
 * after the other, into one zip; the page shows how far it is. One run per year at a time, kept in this node's memory
 * until the next run of the year.
 */
@Component
class CollegeRun {

  private static final Logger LOG = LoggerFactory.getLogger(CollegeRun.class);

  /** A run's state as the page shows it. */
  record Progress(int year, int done, int total, String current, boolean finished, String error) {}

  private final Reports reports;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "college-reports");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<Integer, Progress> progress = new ConcurrentHashMap<>();
  private final Map<Integer, byte[]> results = new ConcurrentHashMap<>();

  CollegeRun(Reports reports) {
    this.reports = reports;
  }

  /** Starts a run unless one of the year is under way; answers the year's progress either way. */
  synchronized Progress start(Period period) {
    Progress now = progress.get(period.firstYear());
    if (now != null && !now.finished()) {
      return now;
    }
    List<Entry> entries = reports.ofYear(period.firstYear());
    Progress started = new Progress(period.firstYear(), 0, entries.size(), null, false, null);
    progress.put(period.firstYear(), started);
    results.remove(period.firstYear());
    executor.submit(() -> run(period.firstYear(), entries));
    return started;
  }

  Progress progress(int year) {
    return progress.get(year);
  }

  byte[] result(int year) {
    return results.get(year);
  }

  private void run(int year, List<Entry> entries) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < entries.size(); i++) {
        Entry entry = entries.get(i);
        SelfDiagnosisReport report = reports.source(entry.subject().level()).read(entry.subject(), entry.period());
        progress.put(year, new Progress(year, i, entries.size(), report.subjectName(), false, null));
        zip.putNextEntry(new ZipEntry(Reports.fileName(report)));
        zip.write(reports.selfDiagnosis(report));
        zip.closeEntry();
      }
      zip.finish();
      results.put(year, bytes.toByteArray());
      progress.put(year, new Progress(year, entries.size(), entries.size(), null, true, null));
    } catch (IOException | RuntimeException e) {
      LOG.warn("全校自我诊断报告生成失败（{} 年度）", year, e);
      Progress last = progress.get(year);
      progress.put(year, new Progress(year, last.done(), last.total(), last.current(), true,
          "生成“" + last.current() + "”的报告时出错：" + e.getMessage()));
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
