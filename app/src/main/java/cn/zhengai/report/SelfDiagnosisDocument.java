package cn.zhengai.report;

import cn.zhengai.report.SelfDiagnosisReport.ExpertLine;
import cn.zhengai.report.SelfDiagnosisReport.MajorParts;
import cn.zhengai.report.SelfDiagnosisReport.Panel;
import cn.zhengai.report.SelfDiagnosisReport.TargetLine;
import cn.zhengai.report.SelfDiagnosisReport.TaskOutcome;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.Review.Assessment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Writes a self-diagnosis report as Word. The sections follow the spiral: targets and their verdicts, year on year
 * and rank, tasks, warnings and escalations, the subject's own words, the assessment and its consequences, charts,
 * and the appendix of sources. Each figure names its source as [n].
 */
final class SelfDiagnosisDocument {

  static final List<String> SECTIONS = List.of("一、目标达成情况", "二、同比与同类排名", "三、任务完成情况", "四、监测预警、纠偏与升级督办",
      "五、自我诊断", "六、考核性诊断、绩效与问责", "七、图表", "附录  数据来源");

  private SelfDiagnosisDocument() {}

  static byte[] write(SelfDiagnosisReport report, Instant generatedAt) {
    try (Docx docx = new Docx(report.title(), generatedAt)) {
      docx.title(report.title(), report.kindLabel() + " · 数据截至 " + report.judgedOn());
      write(docx, report, 1);
      return docx.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report's sections at a heading level, so that the annual report can include a unit's report as a chapter. */
  static void write(Docx docx, SelfDiagnosisReport report, int level) {
    List<TargetLine> targets = report.targets();
    MajorParts major = report.major();
    boolean yearsInstead = targets.isEmpty() && major != null && !major.years().isEmpty();
    docx.heading(level, SECTIONS.get(0));
    if (yearsInstead) {
      docx.paragraph(report.period().label() + "考核性诊断期内的年度专业自我诊断 " + major.years().size() + " 次：");
      docx.table(List.of("年度", "目标指标", "达成", "自评等级", "存在问题", "改进措施", "教务处验收", "来源"), major.years().stream()
          .map(year -> List.of(year.year() + "年", count(year.targets()), count(year.met()), blank(year.selfGrade()),
              blank(year.problems()), blank(year.measures()), year.acceptedBy() == null ? "未验收" : "已验收（" + year.acceptedBy() + "）",
              "[" + year.source() + "]")).toList());
    } else if (targets.isEmpty()) {
      docx.paragraph(major != null && report.assessment() ? "考核性诊断期内尚无年度专业自我诊断记录。" : "本年度未设目标指标。");
    } else {
      docx.paragraph("目标指标共 " + targets.size() + " 项：达成 " + report.count("达成") + " 项，预警 " + report.count("预警")
          + " 项，未达成 " + report.count("未达成") + " 项。");
      docx.table(List.of("编号", "指标", "比较", "目标值", "标准值", "预警值", "实际值", "结论", "来源"), targets.stream()
          .map(target -> List.of(target.code(), target.name() + unit(target), target.comparison(), plain(target.target()),
              plain(target.standard()), plain(target.warning()), plain(target.actual()), target.verdict(),
              "[" + target.source() + "]")).toList());
    }

    docx.heading(level, SECTIONS.get(1));
    TreeSet<Integer> years = years(report);
    if (yearsInstead) {
      docx.paragraph("各年度的目标达成与自评对比见一；各年度目标的逐项同比与排名见当年的专业自我诊断报告。");
    } else if (targets.isEmpty()) {
      docx.paragraph("无目标指标，不作同比与排名。");
    } else {
      List<String> headers = new ArrayList<>(List.of("编号", "指标"));
      years.forEach(year -> headers.add(year + "年"));
      headers.addAll(List.of(major == null ? "同类单位排名" : "同类专业排名", "来源"));
      docx.table(headers, targets.stream().map(target -> {
        List<String> row = new ArrayList<>(List.of(target.code(), target.name()));
        years.forEach(year -> row.add(plain(valueIn(report, target, year))));
        row.add(target.rank() == null ? "不可比"
            : "第 " + target.rank() + " 名（共 " + target.rankedAmong() + " 个）[" + target.rankSource() + "]");
        row.add("[" + target.source() + "]");
        return row;
      }).toList());
    }

    docx.heading(level, SECTIONS.get(2));
    if (report.tasks().isEmpty()) {
      docx.paragraph(major == null ? "本年度表5/表6 中无任务。"
          : "专业不单列表5/表6 任务；所在" + report.kindLabel() + "的任务完成情况见该学院的年度自我诊断报告。");
    } else {
      docx.paragraph("任务共 " + report.tasks().size() + " 项：按期完成 " + report.tasksIn(TaskOutcome.ON_TIME) + " 项，逾期完成 "
          + report.tasksIn(TaskOutcome.LATE) + " 项，逾期未完成 " + report.tasksIn(TaskOutcome.OVERDUE) + " 项，进行中 "
          + report.tasksIn(TaskOutcome.OPEN) + " 项。");
      docx.table(List.of("类别", "任务", "完成时限", "责任人", "最近进度", "完成情况", "来源"), report.tasks().stream()
          .map(task -> List.of(task.kind(), task.title(), String.valueOf(task.deadline()), task.person() == null ? "" : task.person(),
              task.lastPercent() + "%", task.outcome().label, "[" + task.source() + "]")).toList());
    }

    docx.heading(level, SECTIONS.get(3));
    docx.paragraph("监测预警 " + report.warnings().size() + " 次，升级督办 " + report.escalations().size() + " 次。");
    if (!report.warnings().isEmpty()) {
      docx.table(List.of("监测点", "偏差类型", "内容", "纠偏", "来源"), report.warnings().stream()
          .map(warning -> List.of(String.valueOf(warning.checkpoint()), warning.kind(), warning.subject(), warning.correction(),
              "[" + warning.source() + "]")).toList());
    }
    if (!report.escalations().isEmpty()) {
      docx.table(List.of("任务", "升级阶段", "告知", "时间", "来源"), report.escalations().stream()
          .map(escalation -> List.of(escalation.task(), escalation.stage(), escalation.escalatedTo(), escalation.at(),
              "[" + escalation.source() + "]")).toList());
    }

    Review review = report.review();
    String from = report.reviewSource() == 0 ? "" : "（来源 [" + report.reviewSource() + "]）";
    docx.heading(level, SECTIONS.get(4));
    if (major != null) {
      majorOwnWords(docx, report, from);
    } else if (review == null) {
      docx.paragraph("本年度尚无诊断记录。");
    } else {
      docx.paragraph("以下为本单位在年末自我诊断与改进计划中的原文" + from + "。");
      docx.labelled("自我诊断", review.selfAssessment() == null ? null : review.selfAssessment().text());
      docx.labelled("工作成效", review.selfAssessment() == null ? null : review.selfAssessment().workResults());
      docx.labelled("自评等级", review.selfAssessment() == null ? null : review.selfAssessment().selfGrade());
      docx.labelled("存在问题", review.improvement() == null ? null : review.improvement().problems());
      docx.labelled("原因分析", review.improvement() == null ? null : review.improvement().causes());
      docx.labelled("学习·对标先进", review.learning() == null ? null : review.learning().benchmarks());
      docx.labelled("学习·同行交流", review.learning() == null ? null : review.learning().peers());
      docx.labelled("学习·培训提升", review.learning() == null ? null : review.learning().training());
      docx.labelled("创新·方法改进", review.innovation() == null ? null : review.innovation().methodChanges());
      docx.labelled("改进措施", review.improvement() == null ? null : review.improvement().measures());
      docx.labelled("下一年度目标", review.improvement() == null ? null : review.improvement().nextTargets());
    }

    docx.heading(level, SECTIONS.get(5));
    if (major != null) {
      majorAssessment(docx, report, from);
    } else if (review == null) {
      docx.paragraph("尚无考核性诊断。");
    } else {
      docx.labelled("考核等级", review.assessment() == null ? "尚未考核" : review.assessment().grade());
      docx.labelled("考核意见", review.assessment() == null ? null : review.assessment().findings());
      docx.labelled("绩效考核结果", review.performance() == null ? "尚未记录" : review.performance().result());
      docx.labelled("问责决定", review.accountability() == null ? "无问责决定" : review.accountability().decision());
      if (review.accountability() != null) {
        docx.labelled("问责措施或理由", review.accountability().measures());
      }
    }

    docx.heading(level, SECTIONS.get(6));
    Panel panel = major == null ? null : major.panel();
    if (panel != null) {
      docx.radar("各评分项得分率（专家平均分占分值的百分比）", "得分率（%）", panel.items(), IntStream.range(0, panel.items().size())
          .mapToObj(i -> percentOf(panel.means().get(i), panel.weights().get(i))).toList());
      docx.bars("各评分项专家评分", panel.items(), panel.experts().stream().map(ExpertLine::name).toList(), panel.experts().stream()
          .map(expert -> expert.scores().stream().map(score -> score == null ? null : score.doubleValue()).toList()).toList());
    } else if (targets.isEmpty()) {
      docx.paragraph("无目标指标，无图表。");
    } else {
      docx.radar("目标达成度（实际值占目标值的百分比）", "达成度（%）", targets.stream().map(TargetLine::code).toList(),
          targets.stream().map(TargetLine::attainmentPercent).toList());
      docx.bars("目标指标同比", targets.stream().map(TargetLine::code).toList(), years.stream().map(year -> year + "年").toList(),
          years.stream().map(year -> targets.stream().map(target -> {
            BigDecimal value = valueIn(report, target, year);
            return value == null ? null : value.doubleValue();
          }).toList()).toList());
    }

    docx.heading(level, SECTIONS.get(7));
    docx.table(List.of("编号", "数据", "出处（表与行、记录）", "取数时间"), report.sources().stream()
        .map(source -> List.of("[" + source.number() + "]", source.what(), source.where(), source.takenAt())).toList());
  }

  /** A major's own words from its self-diagnosis form, and the reviews of it; in its assessment, the materials. */
  private static void majorOwnWords(Docx docx, SelfDiagnosisReport report, String from) {
    Review review = report.review();
    MajorParts major = report.major();
    if (report.assessment()) {
      if (major.materials().isEmpty()) {
        docx.paragraph("二级学院尚未提交评估材料。");
      } else {
        docx.paragraph("以下为" + report.kindLabel() + "提交的评估材料原文" + (major.years().isEmpty() ? "" : "；期内各年度的自我诊断见一")
            + "。");
        major.materials().forEach(material -> docx.labelled(material.label(), material.text()));
      }
    } else if (review == null || review.selfAssessment() == null && review.improvement() == null) {
      docx.paragraph("本年度尚未提交专业自我诊断。");
    } else {
      docx.paragraph("以下为专业负责人在专业自我诊断中的原文" + from + "。");
      docx.labelled("自评等级", review.selfAssessment() == null ? null : review.selfAssessment().selfGrade());
      docx.labelled("存在问题", review.improvement() == null ? null : review.improvement().problems());
      docx.labelled("原因分析", review.improvement() == null ? null : review.improvement().causes());
      docx.labelled("改进措施", review.improvement() == null ? null : review.improvement().measures());
      docx.paragraph(review.improvement() == null ? null : review.improvement().nextTargets());
    }
    decisions(docx, major);
  }

  /** A year's place in the rotation; or the panel's scores, the conclusion, the leading group's decision and the 整改. */
  private static void majorAssessment(Docx docx, SelfDiagnosisReport report, String from) {
    MajorParts major = report.major();
    if (!report.assessment()) {
      docx.labelled("考核性诊断", major.assessmentNote());
      return;
    }
    Panel panel = major.panel();
    if (panel == null) {
      docx.paragraph("专家尚未评分。");
    } else {
      docx.paragraph("专家组 " + panel.experts().size() + " 人评审，专家平均总分 " + plain(panel.meanTotal()) + " 分（满分 "
          + plain(panel.weights().stream().reduce(BigDecimal.ZERO, BigDecimal::add)) + " 分，来源 [" + panel.source() + "]）。");
      docx.table(List.of("专家", "总分", "专家结论", "评审意见"), panel.experts().stream()
          .map(expert -> List.of(expert.name(), plain(expert.total()), blank(expert.grade()), blank(expert.opinion()))).toList());
      List<String> headers = new ArrayList<>(List.of("评分项", "分值"));
      panel.experts().forEach(expert -> headers.add(expert.name()));
      headers.add("平均分");
      docx.table(headers, IntStream.range(0, panel.items().size()).mapToObj(i -> {
        List<String> row = new ArrayList<>(List.of(panel.items().get(i), plain(panel.weights().get(i))));
        panel.experts().forEach(expert -> row.add(plain(expert.scores().get(i))));
        row.add(plain(panel.means().get(i)));
        return row;
      }).toList());
    }
    Review review = report.review();
    Assessment conclusion = review == null ? null : review.assessment();
    docx.labelled("诊断结论", conclusion == null ? "尚未形成结论" : conclusion.grade() + from);
    if (conclusion != null) {
      docx.labelled("主要问题与整改要求", conclusion.findings());
      docx.labelled("结论形成", conclusion.assessedBy());
      docx.labelled("领导小组决定", review.accountability() != null ? review.accountability().decision()
          : "不合格".equals(conclusion.grade()) ? "待领导小组决定" : "无（结论为" + conclusion.grade() + "）");
      if (review.accountability() != null) {
        docx.labelled("决定说明", review.accountability().measures());
        docx.labelled("决定人", review.accountability().decidedBy());
      }
      if (review.improvement() != null) {
        docx.labelled("整改措施", review.improvement().measures());
        docx.labelled("整改效果", review.improvement().nextTargets());
        docx.labelled("整改复核", review.improvement().approvedBy() == null ? "待质管办复核"
            : "质管办复核通过（" + review.improvement().approvedBy() + "）");
      } else if (!"合格".equals(conclusion.grade())) {
        docx.labelled("整改", "尚未提交整改");
      }
    }
  }

  private static void decisions(Docx docx, MajorParts major) {
    if (!major.decisions().isEmpty()) {
      docx.paragraph("审核与验收：");
      docx.table(List.of("环节", "办理人", "时间", "结果", "理由", "来源"), major.decisions().stream()
          .map(decision -> List.of(decision.step(), blank(decision.by()), decision.at(), decision.outcome(), blank(decision.reason()),
              "[" + decision.source() + "]")).toList());
    }
  }

  private static Double percentOf(BigDecimal value, BigDecimal whole) {
    return value == null || whole.signum() == 0 ? null : Math.round(1000.0 * value.doubleValue() / whole.doubleValue()) / 10.0;
  }

  private static String count(Integer value) {
    return value == null ? "—" : String.valueOf(value);
  }

  private static String blank(String text) {
    return text == null ? "" : text;
  }

  private static TreeSet<Integer> years(SelfDiagnosisReport report) {
    TreeSet<Integer> years = new TreeSet<>();
    report.targets().forEach(target -> years.addAll(target.earlier().keySet()));
    years.add(report.period().lastYear());
    return years;
  }

  private static BigDecimal valueIn(SelfDiagnosisReport report, TargetLine target, int year) {
    return year == report.period().lastYear() ? target.actual() : target.earlier().get(year);
  }

  private static String unit(TargetLine target) {
    return target.unitOfMeasure() == null || target.unitOfMeasure().isBlank() ? "" : "（" + target.unitOfMeasure() + "）";
  }

  static String plain(BigDecimal value) {
    return value == null ? "—" : value.stripTrailingZeros().toPlainString();
  }
}
