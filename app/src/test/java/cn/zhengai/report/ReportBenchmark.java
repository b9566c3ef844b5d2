package cn.zhengai.report;

import cn.zhengai.benchmark.Benchmark;
import cn.zhengai.benchmark.BenchmarkApp;
import cn.zhengai.benchmark.BenchmarkDatabase;
import cn.zhengai.benchmark.Figures;
import cn.zhengai.benchmark.Measurement;
import cn.zhengai.benchmark.SyntheticCollege;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.major.MajorRotation;
import cn.zhengai.org.Majors;
import cn.zhengai.org.Majors.StoredMajor;
import cn.zhengai.report.Reports.Entry;
import cn.zhengai.report.Reports.MajorYear;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.PeriodKind;
import cn.zhengai.spiral.Review.Accountability;
import cn.zhengai.spiral.Review.Assessment;
import cn.zhengai.spiral.Review.Attainment;
import cn.zhengai.spiral.Review.Improvement;
import cn.zhengai.spiral.Review.Performance;
import cn.zhengai.spiral.Review.SelfAssessment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P8: every unit's and every major's report of a year, read from the review store and the chains and written as Word,
 * for the demo college and for the synthetic college of 60 units, and the annual quality report's draft of all;
 * each against POI writing the same documents from the same figures already in memory (no data access), best of
 * three. The majors of the same colleges are measured with the units: each major's yearly report and, for those the
 * rotation assesses in the year, the 考核性诊断 report; the annual draft includes the majors' section.
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
      int assessed = yearOfEveryMajor(app, period);
      Reports reports = app.getBean(Reports.class);
      List<Entry> all = reports.ofYear(period.firstYear());
      List<Entry> demo = all.stream().filter(entry -> !entry.subject().id().startsWith("bench-")
          && !(entry.subject().level() == Level.MAJOR && entry.subject().id().startsWith("9"))).toList();
      figures.note("P8 " + college.describe() + "；报告：示例学校 " + describe(demo) + "，大型学校 " + describe(all) + "（其中 "
          + assessed + " 个专业本年度考核性诊断，有结论、领导小组决定和整改，无专家评分记录）");
      for (List<Entry> entries : List.of(demo, all)) {
        Measurement generated = Measurement.best(RUNS, () -> {
          long bytes = 0;
          for (Entry entry : entries) {
            bytes += reports.selfDiagnosis(reports.source(entry.subject().level()).read(entry.subject(), entry.period())).length;
          }
          return bytes;
        }, () -> {});
        List<SelfDiagnosisReport> inMemory = entries.stream()
            .map(entry -> reports.source(entry.subject().level()).read(entry.subject(), entry.period())).toList();
        Measurement written = Measurement.best(RUNS, () -> {
          long bytes = 0;
          for (SelfDiagnosisReport report : inMemory) {
            bytes += SelfDiagnosisDocument.write(report, Instant.EPOCH).length;
          }
          return bytes;
        }, () -> {});
        String what = describe(entries) + "的诊断报告（共 " + generated.count() / 1024 + " KB）";
        figures.add("P8", what + "：时间（基线 POI 写同样的文档，不读数据）", database, generated.millis(), written.millis(), "ms");
        figures.add("P8", what + "：峰值堆增量", database, generated.peakMb(), written.peakMb(), "MB");
      }
      Measurement draft = Measurement.best(RUNS, () -> reports.annualDraft(period).length, () -> {});
      List<SelfDiagnosisReport> inMemory = reports.schoolReports(period);
      List<MajorYear> majorsInMemory = reports.majorReports(period);
      Measurement written = Measurement.best(RUNS,
          () -> AnnualReportDocument.write(period, inMemory, majorsInMemory, Instant.EPOCH).length, () -> {});
      String what = "质量年报草稿（" + inMemory.size() + " 个单位、" + majorsInMemory.size() + " 个专业，" + draft.count() / 1024 + " KB）";
      figures.add("P8", what + "：时间（基线 POI 写同样的文档，不读数据）", database, draft.millis(), written.millis(), "ms");
      figures.add("P8", what + "：峰值堆增量", database, draft.peakMb(), written.peakMb(), "MB");
    }
  }

  private static String describe(List<Entry> entries) {
    long units = entries.stream().filter(entry -> entry.subject().level() == Level.SCHOOL).count();
    long majorYears = entries.stream().filter(entry -> entry.subject().level() == Level.MAJOR
        && entry.period().kind() == PeriodKind.YEAR).count();
    return units + " 个单位、" + majorYears + " 个专业、" + (entries.size() - units - majorYears) + " 个考核性诊断";
  }

  /**
   * Each major's year as its self-diagnosis leaves it: a target of the major (one in three missed), the measured
   * attainment, its own words and 教务处's acceptance; for the majors the rotation assesses in the year, the panel's
   * conclusion, the leading group's decision for a 不合格 and the accepted 整改. Answers how many are assessed.
   */
  private static int yearOfEveryMajor(ConfigurableApplicationContext app, Period period) {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    ReviewStore reviews = app.getBean(ReviewStore.class);
    Instant now = Instant.now();
    int year = period.firstYear();
    List<Major> majors = app.getBean(Majors.class).findAll().stream().map(StoredMajor::major).toList();
    for (int i = 0; i < majors.size(); i++) {
      Major major = majors.get(i);
      jdbc.update("INSERT INTO target (code, name, plan_id, unit_of_measure, comparison, target_value, warning_value, current_value,"
          + " owner_unit_id, target_period, earlier_values, cycle_year, major_code, updated_by, updated_at) VALUES (?, '专业就业率',"
          + " (SELECT MIN(id) FROM plan), '%', '>=', 95, 90, ?, ?, ?, ?, ?, ?, 'benchmark', CURRENT_TIMESTAMP)",
          "ZY-" + year + "-" + major.code(), i % 3 == 0 ? 88 : 96, major.unit(), year + "年",
          (year - 2) + ":90；" + (year - 1) + ":93", year, major.code());
      Subject subject = Subject.major(major.code());
      reviews.record(subject, period, new Attainment(1, i % 3 == 0 ? 0 : 1, 0, 0, 0, 0, "测算", LocalDate.of(year, 11, 30)), now);
      reviews.record(subject, period, new SelfAssessment("校企合作课程开发不足", null, "良好"), now);
      reviews.record(subject, period, new Improvement("校企合作课程开发不足", "企业专家参与少", "与企业共建课程",
          "修正培养目标：增加新技术方向\n完善课程体系：新增综合实训课程", "benchmark"), now);
    }
    MajorRotation rotation = app.getBean(MajorRotation.class);
    Period assessment = rotation.periodOf(year);
    List<Major> assessed = rotation.assessedIn(year);
    for (int i = 0; i < assessed.size(); i++) {
      Subject subject = Subject.major(assessed.get(i).code());
      boolean failed = i % 5 == 0;
      reviews.record(subject, assessment, new Assessment(failed ? "不合格" : "合格", "实训条件有待改善", "benchmark"), now);
      if (failed) {
        reviews.record(subject, assessment, new Accountability("限招", "下一年度招生计划减半", "benchmark"), now);
        reviews.record(subject, assessment, new Improvement("实训条件有待改善", null, "更新实训设备", "已完成采购", "benchmark"), now);
      }
    }
    return assessed.size();
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
