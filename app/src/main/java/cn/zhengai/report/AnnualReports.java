package cn.zhengai.report;

import cn.zhengai.org.OrgGroups;
import cn.zhengai.report.PublishedReports.Status;
import cn.zhengai.report.PublishedReports.Version;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Period;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual quality report's way to publication: 质管办 downloads the draft, writes the narrative parts in Word and
 * submits the edited .docx (or the draft as generated); the leading group publishes it or returns it with a reason.
 * A published version is read by everyone signed in; a correction is submitted and published as the next version.
 */
@Service
class AnnualReports {

  private final Reports reports;
  private final PublishedReports versions;
  private final Clock clock;

  AnnualReports(Reports reports, PublishedReports versions, Clock clock) {
    this.reports = reports;
    this.versions = versions;
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

  /** Submits the edited document, or the draft as generated when none is uploaded. */
  Version submit(Period period, byte[] edited, String note, CurrentUser user) {
    if (!edits(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权提交质量年报：仅限 质管办 及系统管理员");
    }
    byte[] content = edited == null || edited.length == 0 ? reports.annualDraft(period) : checkedDocx(edited);
    long id = versions.submit(period.code(), AnnualReportDocument.title(period) + ".docx", content, note, user.userId(),
        clock.instant());
    return versions.find(id).orElseThrow();
  }

  Version publish(long id, CurrentUser user) {
    if (!approves(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权发布质量年报：仅限 质量保证领导小组 及系统管理员");
    }
    return versions.publish(id, user.userId(), clock.instant());
  }

  Version returnForRevision(long id, String reason, CurrentUser user) {
    if (!approves(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权退回质量年报：仅限 质量保证领导小组 及系统管理员");
    }
    return versions.returnForRevision(id, reason, user.userId(), clock.instant());
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
