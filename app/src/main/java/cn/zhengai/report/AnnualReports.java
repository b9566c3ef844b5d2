package cn.zhengai.report;

import cn.zhengai.org.OrgGroups;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.report.AnnualReportRounds.OpenStep;
import cn.zhengai.report.PublishedReports.Status;
import cn.zhengai.report.PublishedReports.Version;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Period;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual quality report's way to publication, the steps of the year's round ({@link AnnualReportRounds}): while
 * 质管办's task 编写质量年报 is open, 质管办 submits the edited .docx (or the draft as generated); the leading group's
 * task 审批质量年报 publishes it or returns it with a reason, whether taken in Tasklist, on the 报告 page or through
 * the API. A published version is read by everyone signed in; a correction is the next round's version.
 */
@Service
class AnnualReports {

  private final Reports reports;
  private final PublishedReports versions;
  private final AnnualReportRounds rounds;
  private final Clock clock;

  AnnualReports(Reports reports, PublishedReports versions, AnnualReportRounds rounds, Clock clock) {
    this.reports = reports;
    this.versions = versions;
    this.rounds = rounds;
    this.clock = clock;
  }

  static boolean edits(CurrentUser user) {
    return user.isMemberOf(Access.ADMIN_GROUP) || user.isMemberOf(OrgGroups.QA_OFFICE);
  }

  static boolean approves(CurrentUser user) {
    return user.isMemberOf(Access.ADMIN_GROUP) || user.isMemberOf(OrgGroups.LEADING_GROUP);
  }

  byte[] draft(Period period, CurrentUser user) {
    if (!edits(user) && !approves(user)) {
      throw refused("下载质量年报草稿");
    }
    return reports.annualDraft(period);
  }

  /** Submits the edited document, or the draft as generated when none is uploaded, while 编写质量年报 is open. */
  Version submit(Period period, byte[] edited, String note, CurrentUser user) {
    if (!edits(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权提交质量年报：仅限 质管办 及系统管理员");
    }
    int year = Integer.parseInt(period.code());
    OpenStep step = rounds.openStep(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
        year + " 年度质量年报编制尚未启动：请先在报告页点击“启动质量年报编制”"));
    if (!step.writing()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, year + " 年度质量年报正在质量保证领导小组审批中，不能再提交；"
          + "如被退回，请在“编写质量年报”任务中修改后重新提交");
    }
    byte[] content = edited == null || edited.length == 0 ? reports.annualDraft(period) : checkedDocx(edited);
    long id = versions.submit(period.code(), AnnualReportDocument.title(period) + ".docx", content, note, user.userId(),
        clock.instant());
    return versions.find(id).orElseThrow();
  }

  /** Completes the year's 审批质量年报 with an approval, which publishes the version. */
  Version publish(long id, CurrentUser user) {
    if (!approves(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权发布质量年报：仅限 质量保证领导小组 及系统管理员");
    }
    rounds.complete(approvalOf(id), Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE), user);
    return versions.find(id).orElseThrow();
  }

  /** Completes the year's 审批质量年报 with a return, which sends the work back to 质管办's 编写质量年报. */
  Version returnForRevision(long id, String reason, CurrentUser user) {
    if (!approves(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权退回质量年报：仅限 质量保证领导小组 及系统管理员");
    }
    if (reason == null || reason.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写退回理由（reason）");
    }
    rounds.complete(approvalOf(id), Map.of(CycleDecisions.DECISION, CycleDecisions.RETURN, CycleDecisions.RETURN_REASON,
        reason.strip()), user);
    return versions.find(id).orElseThrow();
  }

  /** The open approval task that decides on the version; a version no task decides on cannot be decided. */
  private OpenStep approvalOf(long id) {
    Version version = versions.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "质量年报版本 " + id + " 不存在"));
    if (version.status() != Status.SUBMITTED) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "质量年报版本 " + id + " " + version.status().label
          + "，不能再审批；如需更正，请质管办重新启动质量年报编制并提交");
    }
    return rounds.openStep(Integer.parseInt(version.periodCode())).filter(step -> step.decides(id))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "质量年报版本 " + id
            + " 尚未送审：质管办完成“编写质量年报”任务后，由领导小组在“审批质量年报”任务中审批"));
  }

  /** Published versions for everyone; submitted and returned ones only for 质管办 and the leading group. */
  List<Version> of(Period period, CurrentUser user) {
    return versions.ofPeriod(period.code()).stream().filter(version -> readable(version, user)).toList();
  }

  Version version(long id, CurrentUser user) {
    Version version = versions.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "质量年报版本 " + id + " 不存在"));
    if (!readable(version, user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "质量年报版本 " + id + " 尚未发布：仅限 质管办、质量保证领导小组 及系统管理员查看");
    }
    return version;
  }

  byte[] content(Version version) {
    return versions.content(version.id());
  }

  private static boolean readable(Version version, CurrentUser user) {
    return version.status() == Status.PUBLISHED || edits(user) || approves(user);
  }

  private static byte[] checkedDocx(byte[] content) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
      if (document.getParagraphs().isEmpty()) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "上传的质量年报（file）是空白文档");
      }
      return content;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ResponseStatusException refusal) {
        throw refusal;
      }
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "上传的质量年报（file）不是有效的 Word 文档（.docx）");
    }
  }

  private static ResponseStatusException refused(String what) {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, "无权" + what + "：仅限 质管办、质量保证领导小组 及系统管理员");
  }
}
