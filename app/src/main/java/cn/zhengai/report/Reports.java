package cn.zhengai.report;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.integration.excel.ExcelTableWriter;
import cn.zhengai.integration.excel.ExcelTableWriter.SheetRows;
import cn.zhengai.integration.excel.SheetLayout;
import cn.zhengai.report.SelfDiagnosisReport.TaskOutcome;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.Subject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reports as documents: a subject's self-diagnosis report from its level's {@link ReportSource}, the annual
 * quality report's draft from the units' and the majors' reports, and the attainment summary in Excel. Documents are made
 * on request from the data as it is now; only a published annual report is kept ({@link PublishedReports}).
 */
@Service
class Reports {

  private final Map<Level, ReportSource> sources;
  private final MajorReports majors;
  private final Clock clock;

  Reports(List<ReportSource> sources, MajorReports majors, Clock clock) {
    this.sources = sources.stream().collect(Collectors.toMap(ReportSource::level, Function.identity()));
    this.majors = majors;
    this.clock = clock;
  }

  /** A subject's report of a period. */
  record Entry(Subject subject, Period period) {}

  /**
   * Every report of a year: the school level's units, the majors' yearly self-diagnoses and the 考核性诊断 reports
   * of the majors the rotation assesses in the year.
   */
  List<Entry> ofYear(int year) {
    Period period = Period.year(year);
    List<Entry> entries = new ArrayList<>();
    source(Level.SCHOOL).subjects(period).forEach(subject -> entries.add(new Entry(subject, period)));
    majors.subjects(period).forEach(subject -> entries.add(new Entry(subject, period)));
    Period assessed = majors.assessmentPeriodOf(year);
    majors.assessedIn(year).forEach(subject -> entries.add(new Entry(subject, assessed)));
    return entries;
  }

  /** The reports of a year the person may read. */
  List<Entry> visible(int year, CurrentUser user) {
    return ofYear(year).stream().filter(entry -> source(entry.subject().level()).sees(user, entry.subject())).toList();
  }

  ReportSource source(Level level) {
    ReportSource source = sources.get(level);
    if (source == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, level.label() + "层面的自我诊断报告尚未提供");
    }
    return source;
  }

  SelfDiagnosisReport read(Subject subject, Period period, CurrentUser user) {
    ReportSource source = source(subject.level());
    if (!source.sees(user, subject)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, subject.level() == Level.MAJOR
          ? "无权查看该专业的诊断报告：仅限本专业负责人、所在二级学院负责人及其质量保证工作组、质管办、质量保证领导小组及系统管理员"
          : "无权查看该单位的自我诊断报告：仅限本单位人员、质管办、质量保证领导小组及系统管理员");
    }
    return source.read(subject, period);
  }

  byte[] selfDiagnosis(SelfDiagnosisReport report) {
    return SelfDiagnosisDocument.write(report, clock.instant());
  }

  static String fileName(SelfDiagnosisReport report) {
    return report.title() + ".docx";
  }

  List<SelfDiagnosisReport> schoolReports(Period period) {
    ReportSource school = source(Level.SCHOOL);
    return school.subjects(period).stream().map(subject -> school.read(subject, period)).toList();
  }

  /** The majors' yearly reports, each with its 考核性诊断 report where the rotation assesses it in the year. */
  List<MajorYear> majorReports(Period period) {
    int year = period.firstYear();
    Period assessed = majors.assessmentPeriodOf(year);
    Set<Subject> assessedThisYear = Set.copyOf(majors.assessedIn(year));
    List<MajorYear> years = new ArrayList<>();
    majors.subjects(period).forEach(subject -> years.add(new MajorYear(majors.read(subject, period),
        assessedThisYear.contains(subject) ? majors.read(subject, assessed) : null)));
    assessedThisYear.stream().filter(subject -> years.stream().noneMatch(each -> each.year().subject().equals(subject)))
        .forEach(subject -> years.add(new MajorYear(majors.read(subject, period), majors.read(subject, assessed))));
    return years;
  }

  /** A major's report of a year, and its 考核性诊断 report when the year is its assessment year. */
  record MajorYear(SelfDiagnosisReport year, SelfDiagnosisReport assessment) {}

  byte[] annualDraft(Period period) {
    return AnnualReportDocument.write(period, schoolReports(period), majorReports(period), clock.instant());
  }

  /** One row per unit: its targets by verdict, its tasks by outcome, warnings, escalations and its grades. */
  byte[] attainmentSummary(Period period) {
    SheetLayout layout = new SheetLayout(period.firstYear() + "年度目标达成汇总", List.of(ColumnSpec.text("单位", true),
        ColumnSpec.text("单位类别", true), ColumnSpec.number("目标指标", true), ColumnSpec.number("达成", true),
        ColumnSpec.number("预警", true), ColumnSpec.number("未达成", true), ColumnSpec.text("达成率", false),
        ColumnSpec.number("任务", true), ColumnSpec.number("按期完成", true), ColumnSpec.number("逾期完成", true),
        ColumnSpec.number("逾期未完成", true), ColumnSpec.number("监测预警", true), ColumnSpec.number("升级督办", true),
        ColumnSpec.text("自评等级", false), ColumnSpec.text("考核等级", false), ColumnSpec.text("绩效考核结果", false),
        ColumnSpec.text("问责决定", false)));
    List<List<String>> rows = schoolReports(period).stream().map(report -> {
      Review review = report.review();
      int targets = report.targets().size();
      return List.of(report.subjectName(), report.kindLabel(), String.valueOf(targets), String.valueOf(report.count("达成")),
          String.valueOf(report.count("预警")), String.valueOf(report.count("未达成")),
          rate(report),
          String.valueOf(report.tasks().size()), String.valueOf(report.tasksIn(TaskOutcome.ON_TIME)),
          String.valueOf(report.tasksIn(TaskOutcome.LATE)), String.valueOf(report.tasksIn(TaskOutcome.OVERDUE)),
          String.valueOf(report.warnings().size()), String.valueOf(report.escalations().size()),
          review == null || review.selfAssessment() == null ? "" : nullToBlank(review.selfAssessment().selfGrade()),
          review == null || review.assessment() == null ? "" : nullToBlank(review.assessment().grade()),
          review == null || review.performance() == null ? "" : nullToBlank(review.performance().result()),
          review == null || review.accountability() == null ? "" : nullToBlank(review.accountability().decision()));
    }).toList();
    SheetLayout majorLayout = new SheetLayout("专业目标达成", List.of(ColumnSpec.text("专业代码", true),
        ColumnSpec.text("专业", true), ColumnSpec.text("二级学院", true), ColumnSpec.number("目标指标", true),
        ColumnSpec.number("达成", true), ColumnSpec.number("预警", true), ColumnSpec.number("未达成", true),
        ColumnSpec.text("达成率", false), ColumnSpec.text("自评等级", false), ColumnSpec.text("教务处验收", false),
        ColumnSpec.text("考核性诊断结论", false), ColumnSpec.text("领导小组决定", false)));
    List<List<String>> majorRows = majorReports(period).stream().map(major -> {
      SelfDiagnosisReport report = major.year();
      Review review = report.review();
      Review assessed = major.assessment() == null ? null : major.assessment().review();
      int targets = report.targets().size();
      return List.of(report.subject().id(), report.subjectName(), report.kindLabel(), String.valueOf(targets),
          String.valueOf(report.count("达成")), String.valueOf(report.count("预警")), String.valueOf(report.count("未达成")),
          rate(report), review == null || review.selfAssessment() == null ? "" : nullToBlank(review.selfAssessment().selfGrade()),
          review == null || review.improvement() == null || review.improvement().approvedBy() == null ? "" : "已验收",
          assessed == null || assessed.assessment() == null ? "" : nullToBlank(assessed.assessment().grade()),
          assessed == null || assessed.accountability() == null ? "" : nullToBlank(assessed.accountability().decision()));
    }).toList();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ExcelTableWriter.write(out, List.of(new SheetRows(layout, rows), new SheetRows(majorLayout, majorRows)));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The share of targets met, e.g. 33.3%; blank without targets. */
  static String rate(SelfDiagnosisReport report) {
    return report.targets().isEmpty() ? "" : Math.round(1000.0 * report.count("达成") / report.targets().size()) / 10.0 + "%";
  }

  private static String nullToBlank(String text) {
    return text == null ? "" : text;
  }
}
