package cn.zhengai.report;

import cn.zhengai.report.CollegeRun.Progress;
import cn.zhengai.report.PublishedReports.Version;
import cn.zhengai.report.Reports.Entry;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.PeriodKind;
import cn.zhengai.spiral.Subject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The reports through HTTP: unit and major self-diagnosis reports, the majors' 考核性诊断 reports, the attainment summary, the annual quality report's versions. */
@Tag(name = "诊改报告")
@RestController
@RequestMapping("/api/reports")
class ReportController {

  static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Reports reports;
  private final AnnualReports annual;
  private final AnnualReportRounds rounds;
  private final CollegeRun run;

  ReportController(Reports reports, AnnualReports annual, AnnualReportRounds rounds, CollegeRun run) {
    this.reports = reports;
    this.annual = annual;
    this.rounds = rounds;
    this.run = run;
  }

  record UnitEntry(String unitId, String download) {}

  /** A major's report: its yearly self-diagnosis (period 2027) or its 考核性诊断 (period 2025-2027). */
  record MajorEntry(String code, String period, String title, String download) {}

  record YearReports(int year, List<UnitEntry> units, List<MajorEntry> majors, List<Version> annualVersions, boolean mayEdit,
      boolean mayApprove) {}

  @Operation(summary = "某年度可查看的报告：本人可见的单位与专业的诊断报告，质量年报的各版本（已发布的人人可见）")
  @GetMapping("/{year}")
  YearReports list(@PathVariable int year, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    List<Entry> visible = reports.visible(year, user);
    return new YearReports(year, visible.stream().filter(entry -> entry.subject().level() == Level.SCHOOL)
        .map(entry -> new UnitEntry(entry.subject().id(), unitPath(year, entry.subject().id()))).toList(),
        visible.stream().filter(entry -> entry.subject().level() == Level.MAJOR)
            .map(entry -> new MajorEntry(entry.subject().id(), entry.period().code(), majorTitle(entry),
                majorPath(entry.period(), entry.subject().id()))).toList(),
        annual.of(Period.year(year), user), AnnualReports.edits(user), AnnualReports.approves(user));
  }

  @Operation(summary = "单位年度自我诊断报告（Word）：本单位人员、质管办、领导小组可下载")
  @GetMapping("/{year}/units/{unitId}")
  ResponseEntity<byte[]> unitReport(@PathVariable int year, @PathVariable String unitId, Authentication authentication) {
    SelfDiagnosisReport report = reports.read(Subject.unit(unitId), Period.year(year), CurrentUser.of(authentication));
    return file(Reports.fileName(report), DOCX, reports.selfDiagnosis(report));
  }

  @Operation(summary = "专业的诊断报告（Word）：周期为年度（如 2027）时为专业自我诊断报告，为三年（如 2025-2027）时为专业考核性诊断报告；"
      + "本专业负责人、所在二级学院负责人及其质量保证工作组、质管办、领导小组可下载")
  @GetMapping("/{period}/majors/{code}")
  ResponseEntity<byte[]> majorReport(@PathVariable String period, @PathVariable String code, Authentication authentication) {
    Period parsed;
    try {
      parsed = Period.parse(period);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    SelfDiagnosisReport report = reports.read(Subject.major(code), parsed, CurrentUser.of(authentication));
    return file(Reports.fileName(report), DOCX, reports.selfDiagnosis(report));
  }

  @Operation(summary = "各单位年度目标达成汇总（Excel）：质管办、领导小组")
  @GetMapping("/{year}/attainment")
  ResponseEntity<byte[]> attainment(@PathVariable int year, Authentication authentication) {
    Access.requireAnyGroup(authentication, "下载目标达成汇总", SchoolUnitReports.OVERSEERS.toArray(String[]::new));
    return file(year + "年度各单位目标达成汇总.xlsx", XLSX, reports.attainmentSummary(Period.year(year)));
  }

  @Operation(summary = "质量年报草稿（Word，由各单位报告汇编，叙述部分待质管办编写）")
  @GetMapping("/{year}/annual/draft")
  ResponseEntity<byte[]> annualDraft(@PathVariable int year, Authentication authentication) {
    Period period = Period.year(year);
    return file(AnnualReportDocument.title(period) + "（草稿）.docx", DOCX, annual.draft(period, CurrentUser.of(authentication)));
  }

  /** The step the year's round waits at: its task in Tasklist and, on the approval, the version decided on. */
  record RoundStep(String taskId, String step, Date due, Integer submittedVersion, String tasklist) {}

  @Operation(summary = "质管办启动某年度的质量年报编制（流程 质量年报编制与发布）；返回当前环节")
  @PostMapping("/{year}/annual/rounds")
  RoundStep startRound(@PathVariable int year, Authentication authentication) {
    rounds.start(year, CurrentUser.of(authentication));
    return roundStep(year, authentication).getBody();
  }

  @Operation(summary = "某年度质量年报编制的当前环节（编写质量年报 / 审批质量年报）；没有进行中的编制时为 204")
  @GetMapping("/{year}/annual/rounds/current")
  ResponseEntity<RoundStep> roundStep(@PathVariable int year, Authentication authentication) {
    Access.requireAnyGroup(authentication, "查看质量年报编制进度", SchoolUnitReports.OVERSEERS.toArray(String[]::new));
    return rounds.openStep(year).map(step -> ResponseEntity.ok(new RoundStep(step.taskId(), step.name(), step.due(),
        step.submittedVersion(), step.tasklistHref()))).orElseGet(() -> ResponseEntity.noContent().build());
  }

  @Operation(summary = "质管办在“编写质量年报”任务进行中提交质量年报（上传编辑后的 .docx；不上传则提交生成的草稿）")
  @PostMapping(path = "/{year}/annual/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Version submit(@PathVariable int year, @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "note", required = false) String note, Authentication authentication) throws IOException {
    return annual.submit(Period.year(year), file == null ? null : file.getBytes(), note, CurrentUser.of(authentication));
  }

  @Operation(summary = "领导小组审批通过并发布质量年报（即完成“审批质量年报”任务）：冻结为新版本（发布人、时间、SHA-256）")
  @PostMapping("/annual/versions/{id}/publish")
  Version publish(@PathVariable long id, Authentication authentication) {
    return annual.publish(id, CurrentUser.of(authentication));
  }

  record ReturnRequest(String reason) {}

  @Operation(summary = "领导小组退回质量年报，写明理由（即完成“审批质量年报”任务，回到质管办的“编写质量年报”）")
  @PostMapping("/annual/versions/{id}/return")
  Version returnForRevision(@PathVariable long id, @RequestBody ReturnRequest request, Authentication authentication) {
    return annual.returnForRevision(id, request.reason(), CurrentUser.of(authentication));
  }

  @Operation(summary = "质量年报某版本（Word）：已发布版本所有登录用户可下载，供学校网站公开")
  @GetMapping("/annual/versions/{id}")
  ResponseEntity<byte[]> version(@PathVariable long id, Authentication authentication) {
    Version version = annual.version(id, CurrentUser.of(authentication));
    String name = version.version() == null ? version.fileName()
        : version.fileName().replace(".docx", "（第" + version.version() + "版）.docx");
    return ResponseEntity.ok().header("X-Checksum-SHA256", version.sha256()).headers(attachment(name)).contentType(DOCX)
        .body(annual.content(version));
  }

  @Operation(summary = "后台生成全校各单位、各专业的诊断报告（质管办、领导小组）；返回进度")
  @PostMapping("/{year}/runs")
  Progress startRun(@PathVariable int year, Authentication authentication) {
    Access.requireAnyGroup(authentication, "生成全校报告", SchoolUnitReports.OVERSEERS.toArray(String[]::new));
    return run.start(Period.year(year));
  }

  @Operation(summary = "全校报告生成进度")
  @GetMapping("/{year}/runs")
  ResponseEntity<Progress> runProgress(@PathVariable int year, Authentication authentication) {
    Access.requireAnyGroup(authentication, "查看全校报告生成进度", SchoolUnitReports.OVERSEERS.toArray(String[]::new));
    Progress progress = run.progress(year);
    return progress == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(progress);
  }

  @Operation(summary = "全校各单位、各专业的诊断报告（zip），生成完成后可下载")
  @GetMapping("/{year}/runs/result")
  ResponseEntity<byte[]> runResult(@PathVariable int year, Authentication authentication) {
    Access.requireAnyGroup(authentication, "下载全校报告", SchoolUnitReports.OVERSEERS.toArray(String[]::new));
    byte[] zip = run.result(year);
    if (zip == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, year + " 年度的全校报告尚未生成完成");
    }
    return file(year + "年度全校诊断报告.zip", MediaType.parseMediaType("application/zip"), zip);
  }

  static String unitPath(int year, String unitId) {
    return "/api/reports/" + year + "/units/" + unitId;
  }

  static String majorPath(Period period, String code) {
    return "/api/reports/" + period.code() + "/majors/" + code;
  }

  static String majorTitle(Entry entry) {
    return entry.period().kind() == PeriodKind.THREE_YEARS ? entry.period().label() + "专业考核性诊断报告"
        : entry.period().label() + "专业自我诊断报告";
  }

  static ResponseEntity<byte[]> file(String name, MediaType type, byte[] content) {
    return ResponseEntity.ok().headers(attachment(name)).contentType(type).body(content);
  }

  private static HttpHeaders attachment(String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
    return headers;
  }
}
