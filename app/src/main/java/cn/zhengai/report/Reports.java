package cn.zhengai.report;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.integration.excel.ExcelTableWriter;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reports as documents: a subject's self-diagnosis report from its level's {@link ReportSource}, the annual
 * quality report's draft from the school level's reports, and the attainment summary in Excel. Documents are made
 * on request from the data as it is now; only a published annual report is kept ({@link PublishedReports}).
 */
@Service
class Reports {

  private final Map<Level, ReportSource> sources;
  private final Clock clock;

  Reports(List<ReportSource> sources, Clock clock) {
    this.sources = sources.stream().collect(Collectors.toMap(ReportSource::level, Function.identity()));
    this.clock = clock;
  }

  ReportSource source(Level level) {
    ReportSource source = sources.get(level);
    if (source == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, level.label() + "层面的自我诊断报告尚未提供");
    }
    return source;
  }

  /** The subjects of a level whose report the person may read. */
  List<Subject> visible(Level level, Period period, CurrentUser user) {
    ReportSource source = source(level);
    return source.subjects(period).stream().filter(subject -> source.sees(user, subject)).toList();
  }

  SelfDiagnosisReport read(Subject subject, Period period, CurrentUser user) {
    ReportSource source = source(subject.level());
    if (!source.sees(user, subject)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该单位的自我诊断报告：仅限本单位人员、质管办、质量保证领导小组及系统管理员");
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

  byte[] annualDraft(Period period) {
    return AnnualReportDocument.write(period, schoolReports(period), clock.instant());
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
          targets == 0 ? "" : Math.round(1000.0 * report.count("达成") / targets) / 10.0 + "%",
          String.valueOf(report.tasks().size()), String.valueOf(report.tasksIn(TaskOutcome.ON_TIME)),
          String.valueOf(report.tasksIn(TaskOutcome.LATE)), String.valueOf(report.tasksIn(TaskOutcome.OVERDUE)),
          String.valueOf(report.warnings().size()), String.valueOf(report.escalations().size()),
          review == null || review.selfAssessment() == null ? "" : nullToBlank(review.selfAssessment().selfGrade()),
          review == null || review.assessment() == null ? "" : nullToBlank(review.assessment().grade()),
          review == null || review.performance() == null ? "" : nullToBlank(review.performance().result()),
          review == null || review.accountability() == null ? "" : nullToBlank(review.accountability().decision()));
    }).toList();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ExcelTableWriter.write(out, layout, rows);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nullToBlank(String text) {
    return text == null ? "" : text;
  }
}
