package cn.zhengai.report;

import cn.zhengai.benchmark.Benchmark;
import cn.zhengai.benchmark.BenchmarkApp;
import cn.zhengai.benchmark.BenchmarkDatabase;
import cn.zhengai.benchmark.Figures;
import cn.zhengai.benchmark.Measurement;
import cn.zhengai.benchmark.SyntheticCollege;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.Assessment;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.Performance;
import cn.zhengai.spiral.Review.SelfAssessment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P8: every unit's self-diagnosis report of a year, read from the review store and the chains and written as Word,
 * for the demo college's units and for the synthetic college of 60, and the annual quality report's draft of all 60;
 * each against POI writing the same documents from the same figures already in memory (no data access), best of
 * three. Majors have no reports yet (the major level is not built), so the 60 units' majors are not measured.
 */
public final class ReportBenchmark implements Benchmark {

  private static final int UNITS = 60;
  private static final int RUNS = 3;

  @Override
  public String id() {
    return "P8";
  }

  @Override
  public void run(BenchmarkDatabase database, Figures figures) throws Exception {
    try (ConfigurableApplicationContext app = BenchmarkApp.start(database, "reports")) {
      SyntheticCollege college = SyntheticCollege.build(app, UNITS);
      Period period = Period.year(SyntheticCollege.YEAR);
      yearEndOfEveryUnit(app, period);
      Reports reports = app.getBean(Reports.class);
      ReportSource school = reports.source(Level.SCHOOL);
      List<Subject> all = school.subjects(period);
      List<Subject> demo = all.stream().filter(subject -> !subject.id().startsWith("bench-")).toList();
      figures.note("P8 " + college.describe() + "；有报告的单位：示例学校 " + demo.size() + " 个，大型学校 " + all.size() + " 个");
      for (List<Subject> units : List.of(demo, all)) {
        Measurement generated = Measurement.best(RUNS, () -> {
          long bytes = 0;
          for (Subject unit : units) {
            bytes += reports.selfDiagnosis(school.read(unit, period)).length;
          }
          return bytes;
        }, () -> {});
        List<SelfDiagnosisReport> inMemory = units.stream().map(unit -> school.read(unit, period)).toList();
        Measurement written = Measurement.best(RUNS, () -> {
          long bytes = 0;
          for (SelfDiagnosisReport report : inMemory) {
            bytes += SelfDiagnosisDocument.write(report, Instant.EPOCH).length;
          }
          return bytes;
        }, () -> {});
        String what = units.size() + " 个单位的自我诊断报告（共 " + generated.count() / 1024 + " KB）";
        figures.add("P8", what + "：时间（基线 POI 写同样的文档，不读数据）", database, generated.millis(), written.millis(), "ms");
        figures.add("P8", what + "：峰值堆增量", database, generated.peakMb(), written.peakMb(), "MB");
      }
      Measurement draft = Measurement.best(RUNS, () -> reports.annualDraft(period).length, () -> {});
      List<SelfDiagnosisReport> inMemory = reports.schoolReports(period);
      Measurement written = Measurement.best(RUNS, () -> AnnualReportDocument.write(period, inMemory, Instant.EPOCH).length,
          () -> {});
      String what = "质量年报草稿（" + all.size() + " 个单位，" + draft.count() / 1024 + " KB）";
      figures.add("P8", what + "：时间（基线 POI 写同样的文档，不读数据）", database, draft.millis(), written.millis(), "ms");
      figures.add("P8", what + "：峰值堆增量", database, draft.peakMb(), written.peakMb(), "MB");
    }
  }

  /** Values for the year's targets (one in three missed), earlier years' values, and each unit's review written. */
  private static void yearEndOfEveryUnit(ConfigurableApplicationContext app, Period period) {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    jdbc.update("UPDATE target SET current_value = CASE WHEN MOD(id, 3) = 0 THEN 88 ELSE 96 END, earlier_values = ?"
        + " WHERE cycle_year = ?", (period.firstYear() - 2) + ":90；" + (period.firstYear() - 1) + ":93", period.firstYear());
    ReviewStore reviews = app.getBean(ReviewStore.class);
    Instant now = Instant.now();
    for (String unit : jdbc.queryForList("SELECT DISTINCT owner_unit_id FROM target WHERE cycle_year = ?", String.class,
        period.firstYear())) {
      Subject subject = Subject.unit(unit);
      reviews.record(subject, period, new SelfAssessment("年度重点任务基本完成，个别指标未达标。", "完成年度重点任务", "良好"), now);
      reviews.record(subject, period, new Assessment("合格", "指标达成情况总体良好，任务按期率有待提高。", "benchmark"), now);
      reviews.record(subject, period, new Performance("合格", "benchmark"), now);
      reviews.record(subject, period, new Improvement("部分任务滞后", "进度监控不足", "按月跟踪", "达标率 95%", "benchmark"), now);
    }
  }
}
