package cn.zhengai.report;

import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.report.Reports.MajorYear;
import cn.zhengai.report.SelfDiagnosisReport.TargetLine;
import cn.zhengai.report.SelfDiagnosisReport.TaskOutcome;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The annual quality report (教育质量年度报告) drafted from the units' and the majors' reports: cover, table of contents,
 * the school's summary of the year's spiral, sections by level and by theme, each unit's report as a chapter. The
 * narrative parts are marked 【待质管办编写】 for 质管办 to write in Word before it submits the report.
 */
final class AnnualReportDocument {

  static final String NARRATIVE = "【待质管办编写】";

  /** The seed's thematic reports; a target belongs to the first theme whose words its name contains. */
  static final Map<String, Pattern> THEMES = themes();

  private AnnualReportDocument() {}

  static String title(Period period) {
    return period.firstYear() + "年度教育质量年度报告";
  }

  static byte[] write(Period period, List<SelfDiagnosisReport> reports, List<MajorYear> majors, Instant generatedAt) {
    String title = title(period);
    try (Docx docx = new Docx(title, generatedAt)) {
      docx.title(title, "（内部质量保证体系诊断与改进）");
      docx.paragraph("编制：质量管理办公室　　审定：质量保证领导小组");
      docx.pageBreak();
      List<String> chapters = List.of("一、学校年度诊改概况", "二、分层面诊改情况", "三、专题报告", "四、存在问题与改进方向",
          "五、各单位自我诊断报告");
      docx.tableOfContents(chapters);
      docx.pageBreak();

      docx.heading(1, chapters.get(0));
      List<TargetLine> targets = reports.stream().flatMap(report -> report.targets().stream()).toList();
      long met = targets.stream().filter(target -> target.verdict().equals("达成")).count();
      long warned = targets.stream().filter(target -> target.verdict().equals("预警")).count();
      long tasks = reports.stream().mapToLong(report -> report.tasks().size()).sum();
      docx.paragraph(period.label() + "，全校 " + reports.size() + " 个单位参与诊改：目标指标 " + targets.size() + " 项，达成 " + met
          + " 项，预警 " + warned + " 项，未达成 " + (targets.size() - met - warned) + " 项；任务 " + tasks + " 项，按期完成 "
          + sum(reports, TaskOutcome.ON_TIME) + " 项，逾期完成 " + sum(reports, TaskOutcome.LATE) + " 项，逾期未完成 "
          + sum(reports, TaskOutcome.OVERDUE) + " 项；监测预警 " + reports.stream().mapToLong(report -> report.warnings().size()).sum()
          + " 次，升级督办 " + reports.stream().mapToLong(report -> report.escalations().size()).sum() + " 次。");
      docx.paragraph(NARRATIVE + "学校年度螺旋的总体评价：目标、标准、计划、组织、实施、诊断、激励、学习、创新、改进各环节的运行情况。");
      if (!reports.isEmpty()) {
        docx.bars("各单位目标达成率（%）", reports.stream().map(SelfDiagnosisReport::subjectName).toList(), List.of("达成率"),
            List.of(reports.stream().map(AnnualReportDocument::rate).toList()));
      }

      docx.heading(1, chapters.get(1));
      docx.heading(2, "（一）学校层面");
      Map<String, List<SelfDiagnosisReport>> byKind = new LinkedHashMap<>();
      reports.forEach(report -> byKind.computeIfAbsent(report.kindLabel(), kind -> new ArrayList<>()).add(report));
      byKind.forEach((kind, ofKind) -> {
        docx.paragraph(kind + "（" + ofKind.size() + " 个）");
        docx.table(List.of("单位", "目标", "达成", "预警", "未达成", "任务按期", "逾期", "考核等级", "绩效"), ofKind.stream()
            .map(report -> List.of(report.subjectName(), String.valueOf(report.targets().size()), String.valueOf(report.count("达成")),
                String.valueOf(report.count("预警")), String.valueOf(report.count("未达成")),
                String.valueOf(report.tasksIn(TaskOutcome.ON_TIME)),
                String.valueOf(report.tasksIn(TaskOutcome.LATE) + report.tasksIn(TaskOutcome.OVERDUE)),
                report.review() == null || report.review().assessment() == null ? "—" : report.review().assessment().grade(),
                report.review() == null || report.review().performance() == null ? "—" : report.review().performance().result()))
            .toList());
      });
      docx.paragraph(NARRATIVE + "学校层面诊改的分析。");
      docx.heading(2, "（二）专业层面");
      majorLevel(docx, period, majors);

      docx.heading(1, chapters.get(2));
      int number = 1;
      for (Map.Entry<String, Pattern> theme : THEMES.entrySet()) {
        docx.heading(2, "（" + "一二三四五".charAt(number - 1) + "）" + theme.getKey());
        number++;
        List<List<String>> rows = new ArrayList<>();
        for (SelfDiagnosisReport report : reports) {
          for (TargetLine target : report.targets()) {
            if (theme.getKey().equals(themeOf(target.name()))) {
              rows.add(List.of(report.subjectName(), target.code(), target.name(), SelfDiagnosisDocument.plain(target.target()),
                  SelfDiagnosisDocument.plain(target.actual()), target.verdict()));
            }
          }
        }
        if (rows.isEmpty()) {
          docx.paragraph("本年度无归入本专题的目标指标。");
        } else {
          docx.table(List.of("单位", "编号", "指标", "目标值", "实际值", "结论"), rows);
        }
        docx.paragraph(NARRATIVE + theme.getKey() + "专题分析。");
      }

      docx.heading(1, chapters.get(3));
      List<String> problems = reports.stream().filter(report -> report.review() != null && report.review().improvement() != null)
          .map(report -> report.subjectName() + "：" + report.review().improvement().problems()).toList();
      docx.paragraph(problems.isEmpty() ? "各单位尚未提交改进计划。" : String.join("\n", problems));
      docx.paragraph(NARRATIVE + "学校层面的主要问题与下一年度改进方向。");

      docx.heading(1, chapters.get(4));
      for (SelfDiagnosisReport report : reports) {
        docx.heading(2, report.title());
        SelfDiagnosisDocument.write(docx, report, 3);
      }
      return docx.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The majors' year from their reports: counts, each major's attainment, and the conclusions of the year's 考核性诊断. */
  private static void majorLevel(Docx docx, Period period, List<MajorYear> majors) {
    if (majors.isEmpty()) {
      docx.paragraph("本年度尚无专业的自我诊断报告。");
      return;
    }
    List<TargetLine> targets = majors.stream().flatMap(major -> major.year().targets().stream()).toList();
    long met = targets.stream().filter(target -> target.verdict().equals("达成")).count();
    long warned = targets.stream().filter(target -> target.verdict().equals("预警")).count();
    long diagnosed = majors.stream().map(major -> major.year().review())
        .filter(review -> review != null && review.selfAssessment() != null).count();
    long accepted = majors.stream().map(major -> major.year().review())
        .filter(review -> review != null && review.improvement() != null && review.improvement().approvedBy() != null).count();
    List<String> conclusions = majors.stream().map(AnnualReportDocument::conclusion).filter(conclusion -> conclusion != null)
        .toList();
    long assessedMajors = majors.stream().filter(major -> major.assessment() != null).count();
    StringBuilder summary = new StringBuilder(period.label() + "，" + majors.size() + " 个专业纳入专业层面诊改：年度自我诊断已提交 "
        + diagnosed + " 个，教务处已验收 " + accepted + " 个；专业目标指标 " + targets.size() + " 项，达成 " + met + " 项，预警 " + warned
        + " 项，未达成 " + (targets.size() - met - warned) + " 项；本年度考核性诊断 " + assessedMajors + " 个专业");
    if (!conclusions.isEmpty()) {
      summary.append("，已有结论 ").append(conclusions.size()).append(" 个（").append(String.join("，",
          MajorAssessmentProcess.CONCLUSIONS.stream().map(grade -> grade + " " + conclusions.stream().filter(grade::equals).count()
              + " 个").toList())).append("）");
    }
    docx.paragraph(summary + "。");
    docx.table(List.of("专业", "二级学院", "目标", "达成", "预警", "未达成", "达成率", "自评等级", "考核性诊断结论"), majors.stream()
        .map(major -> {
          SelfDiagnosisReport report = major.year();
          Review review = report.review();
          String conclusion = conclusion(major);
          Review assessed = major.assessment() == null ? null : major.assessment().review();
          return List.of(report.subjectName(), report.kindLabel(), String.valueOf(report.targets().size()),
              String.valueOf(report.count("达成")), String.valueOf(report.count("预警")), String.valueOf(report.count("未达成")),
              Reports.rate(report).isEmpty() ? "—" : Reports.rate(report),
              review == null || review.selfAssessment() == null ? "—" : review.selfAssessment().selfGrade(),
              major.assessment() == null ? "本年度不考核" : conclusion == null ? "尚未形成结论"
                  : conclusion + (assessed.accountability() == null ? "" : "（领导小组决定：" + assessed.accountability().decision() + "）"));
        }).toList());
    docx.paragraph(NARRATIVE + "专业层面诊改的分析。");
  }

  private static String conclusion(MajorYear major) {
    Review review = major.assessment() == null ? null : major.assessment().review();
    return review == null || review.assessment() == null ? null : review.assessment().grade();
  }

  static String themeOf(String targetName) {
    return THEMES.entrySet().stream().filter(theme -> theme.getValue().matcher(targetName).find()).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  private static long sum(List<SelfDiagnosisReport> reports, TaskOutcome outcome) {
    return reports.stream().mapToLong(report -> report.tasksIn(outcome)).sum();
  }

  private static Double rate(SelfDiagnosisReport report) {
    return report.targets().isEmpty() ? null : Math.round(1000.0 * report.count("达成") / report.targets().size()) / 10.0;
  }

  private static Map<String, Pattern> themes() {
    Map<String, Pattern> themes = new LinkedHashMap<>();
    themes.put("教师建设与发展", Pattern.compile("教师|师资|双师|职称|培训"));
    themes.put("招生与就业", Pattern.compile("招生|录取|报到|就业|升学|创业"));
    themes.put("教学建设与改革", Pattern.compile("教学|课程|专业|教材|实训|人才培养|考试|学生"));
    themes.put("科研与服务", Pattern.compile("科研|课题|论文|专利|社会服务|技术服务|横向"));
    themes.put("国际交流与合作", Pattern.compile("国际|境外|留学|交流|合作办学"));
    return Collections.unmodifiableMap(themes);
  }
}
