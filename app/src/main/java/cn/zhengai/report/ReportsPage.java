package cn.zhengai.report;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.org.Majors;
import cn.zhengai.org.Majors.StoredMajor;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.report.AnnualReportRounds.OpenStep;
import cn.zhengai.report.PublishedReports.Status;
import cn.zhengai.report.PublishedReports.Version;
import cn.zhengai.report.Reports.Entry;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 报告 page: a year's self-diagnosis reports the person may read, the annual quality report's draft and versions,
 * 质管办's submission, the leading group's decision, and the whole-college run with its progress. Rendered on the
 * server; each action posts a form and comes back to the page with what happened.
 */
@Controller
class ReportsPage {

  static final String PATH = "/reports";

  private final Reports reports;
  private final AnnualReports annual;
  private final AnnualReportRounds rounds;
  private final CollegeRun run;
  private final OrgUnitRepository units;
  private final Majors majors;
  private final Clock clock;

  ReportsPage(Reports reports, AnnualReports annual, AnnualReportRounds rounds, CollegeRun run, OrgUnitRepository units,
      Majors majors, Clock clock) {
    this.reports = reports;
    this.annual = annual;
    this.rounds = rounds;
    this.run = run;
    this.units = units;
    this.majors = majors;
    this.clock = clock;
  }

  record UnitLink(String name, String kind, String href) {}

  record MajorLink(String name, String unit, String title, String href) {}

  /** A version of the annual report as a row of the page; {@code decidable} while the open approval task decides on it. */
  record VersionRow(long id, String version, String status, String submitted, String decided, String sha256,
      boolean decidable) {

    static VersionRow of(Version version, OpenStep step) {
      String decided = version.decidedBy() == null ? ""
          : version.decidedBy() + " · " + SchoolUnitReports.MINUTE.format(version.decidedAt())
              + (version.returnReason() == null ? "" : "（退回理由：" + version.returnReason() + "）");
      return new VersionRow(version.id(), version.version() == null ? "—" : "第 " + version.version() + " 版",
          version.status().label, version.submittedBy() + " · " + SchoolUnitReports.MINUTE.format(version.submittedAt()),
          decided, version.sha256(), version.status() == Status.SUBMITTED && step != null && step.decides(version.id()));
    }
  }

  /** The step the year's round waits at, as the page shows it. */
  record RoundRow(String name, String due, String href, boolean writing) {

    static RoundRow of(OpenStep step) {
      return new RoundRow(step.name(), step.due() == null ? "" : SchoolUnitReports.MINUTE.format(step.due().toInstant()),
          step.tasklistHref(), step.writing());
    }
  }

  @GetMapping(PATH)
  String page(@RequestParam(required = false) Integer year, Authentication authentication, Model model) {
    int shown = year == null ? CollegeTime.today(clock).getYear() : year;
    CurrentUser user = CurrentUser.of(authentication);
    Period period = Period.year(shown);
    Map<String, OrgUnit> byId = units.findAll().stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
    boolean overseer = SchoolUnitReports.OVERSEERS.stream().anyMatch(user::isMemberOf);
    model.addAttribute("year", shown);
    List<Entry> visible = reports.visible(shown, user);
    model.addAttribute("units", visible.stream().filter(entry -> entry.subject().level() == Level.SCHOOL)
        .map(entry -> byId.get(entry.subject().id()))
        .map(unit -> new UnitLink(unit.name(), unit.kind().label(), ReportController.unitPath(shown, unit.id()))).toList());
    Map<String, Major> byCode = majors.findAll().stream().map(StoredMajor::major)
        .collect(Collectors.toMap(Major::code, Function.identity()));
    model.addAttribute("majors", visible.stream().filter(entry -> entry.subject().level() == Level.MAJOR).map(entry -> {
      Major major = byCode.get(entry.subject().id());
      OrgUnit unit = byId.get(major.unit());
      return new MajorLink(MajorReports.name(major), unit == null ? major.unit() : unit.name(), ReportController.majorTitle(entry),
          ReportController.majorPath(entry.period(), major.code()));
    }).toList());
    OpenStep step = overseer ? rounds.openStep(shown).orElse(null) : null;
    model.addAttribute("round", step == null ? null : RoundRow.of(step));
    model.addAttribute("versions", annual.of(period, user).stream().map(version -> VersionRow.of(version, step)).toList());
    model.addAttribute("mayEdit", AnnualReports.edits(user));
    model.addAttribute("mayApprove", AnnualReports.approves(user));
    model.addAttribute("overseer", overseer);
    model.addAttribute("progress", overseer ? run.progress(shown) : null);
    return "reports";
  }

  @PostMapping(PATH + "/annual")
  String submit(@RequestParam int year, @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String note, Authentication authentication, RedirectAttributes redirect) {
    return act(year, redirect, () -> {
      byte[] edited = file == null || file.isEmpty() ? null : file.getBytes();
      annual.submit(Period.year(year), edited, note, CurrentUser.of(authentication));
      return "质量年报已提交。请在任务列表中完成“编写质量年报”任务，送质量保证领导小组审批。";
    });
  }

  @PostMapping(PATH + "/annual/rounds")
  String startRound(@RequestParam int year, Authentication authentication, RedirectAttributes redirect) {
    return act(year, redirect, () -> {
      rounds.start(year, CurrentUser.of(authentication));
      return "已启动 " + year + " 年度质量年报编制：质管办的任务“编写质量年报”已在任务列表中。";
    });
  }

  @PostMapping(PATH + "/annual/{id}/publish")
  String publish(@PathVariable long id, @RequestParam int year, Authentication authentication, RedirectAttributes redirect) {
    return act(year, redirect, () -> "质量年报已发布为第 " + annual.publish(id, CurrentUser.of(authentication)).version() + " 版。");
  }

  @PostMapping(PATH + "/annual/{id}/return")
  String returnForRevision(@PathVariable long id, @RequestParam int year, @RequestParam(required = false) String reason,
      Authentication authentication, RedirectAttributes redirect) {
    return act(year, redirect, () -> {
      annual.returnForRevision(id, reason, CurrentUser.of(authentication));
      return "质量年报已退回质管办修改。";
    });
  }

  @PostMapping(PATH + "/runs")
  String startRun(@RequestParam int year, Authentication authentication, RedirectAttributes redirect) {
    return act(year, redirect, () -> {
      if (SchoolUnitReports.OVERSEERS.stream().noneMatch(CurrentUser.of(authentication)::isMemberOf)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权生成全校报告：仅限 质管办、质量保证领导小组 及系统管理员");
      }
      run.start(Period.year(year));
      return "已开始在后台生成全校各单位、各专业的诊断报告。";
    });
  }

  private interface Action {
    String run() throws IOException;
  }

  private static String act(int year, RedirectAttributes redirect, Action action) {
    try {
      redirect.addFlashAttribute("message", action.run());
    } catch (ResponseStatusException e) {
      redirect.addFlashAttribute("error", e.getReason());
    } catch (IOException e) {
      redirect.addFlashAttribute("error", "读取上传的文件失败，请重新上传");
    }
    return "redirect:" + PATH + "?year=" + year;
  }
}
