package cn.zhengai.statedata;

import cn.zhengai.api.Paging;
import cn.zhengai.statedata.DataSources.Kind;
import cn.zhengai.statedata.DataSources.MappingRequest;
import cn.zhengai.statedata.DataSources.Source;
import cn.zhengai.statedata.DataSources.SourceRequest;
import cn.zhengai.statedata.SourceRuns.Run;
import cn.zhengai.statedata.SourceRuns.Start;
import cn.zhengai.statedata.SourceRuns.Status;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Subject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The data platform's API: sources and their runs for 质管办, an indicator's readings for everyone signed in. */
@Tag(name = "数据平台")
@RestController
@RequestMapping("/api/data")
class DataController {

  private static final String WHAT = "数据来源";

  private final DataSources sources;
  private final SourceRuns runs;
  private final SourceRunner runner;
  private final FolderSources folders;
  private final Readings readings;
  private final Subjects subjects;

  DataController(DataSources sources, SourceRuns runs, SourceRunner runner, FolderSources folders, Readings readings, Subjects subjects) {
    this.sources = sources;
    this.runs = runs;
    this.runner = runner;
    this.folders = folders;
    this.readings = readings;
    this.subjects = subjects;
  }

  @Operation(summary = "数据来源（文件、数据库查询、推送接口）及其设置；不含密码和密钥")
  @GetMapping("/sources")
  ResponseEntity<List<Map<String, Object>>> sources(Paging paging, Authentication authentication) {
    mayWatch(authentication);
    return paging.of(sources.all().stream().map(sources::shown).toList());
  }

  @Operation(summary = "建立或修改数据来源（质管办）")
  @PutMapping("/sources/{code}")
  Map<String, Object> save(@PathVariable String code, @RequestBody SourceRequest request, Authentication authentication) {
    CurrentUser user = mayManage(authentication);
    return sources.shown(sources.save(code, request, user.userId()));
  }

  @Operation(summary = "修改文件来源的对应关系（质管办）：工作表、对象列、周期、各列对应的指标；整体检查，有任何问题则不保存，答复 400 并列出每处问题")
  @PutMapping("/sources/{code}/mapping")
  Map<String, Object> saveMapping(@PathVariable String code, @RequestBody MappingRequest request, Authentication authentication) {
    CurrentUser user = mayManage(authentication);
    return sources.shown(sources.saveMapping(code, request, user.userId()));
  }

  @Operation(summary = "立即运行数据来源：数据库查询执行一次，文件来源载入文件夹中的文件（质管办）")
  @PostMapping("/sources/{code}/run")
  ResponseEntity<List<Run>> runNow(@PathVariable String code, Authentication authentication) {
    CurrentUser user = mayManage(authentication);
    Source source = sources.require(code);
    List<Run> done = switch (source.kind()) {
      case JDBC -> List.of(runner.run(source, Start.MANUAL, user.userId(), null, () -> JdbcSource.read(source.settings())));
      case FILE -> folders.loadWaitingFiles(source, Start.MANUAL, user.userId(), true);
      case PUSH -> throw DataSources.badRequest("推送接口由对方系统推送数据，不能在此运行");
    };
    return ResponseEntity.status(done.stream().anyMatch(run -> run.status() == Status.FAILED) ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
        .body(done);
  }

  @Operation(summary = "上传文件并载入（文件来源，质管办）：整份文件检查无误才载入，否则不载入任何数据，答复 400 并列出每处问题")
  @PostMapping(path = "/sources/{code}/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Run> upload(@PathVariable String code, @RequestPart("file") MultipartFile file, Authentication authentication) {
    CurrentUser user = mayManage(authentication);
    Source source = sources.require(code);
    if (source.kind() != Kind.FILE) {
      throw DataSources.badRequest("数据来源" + source.label() + "不是文件来源，不能上传文件");
    }
    Run run = runner.run(source, Start.UPLOAD, user.userId(), file.getOriginalFilename(), () -> {
      try (InputStream in = file.getInputStream()) {
        return FileSource.read(in, file.getOriginalFilename(), source.settings());
      }
    });
    return ResponseEntity.status(run.status() == Status.FAILED ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(run);
  }

  @Operation(summary = "数据来源的运行记录，新的在前（可按来源筛选）")
  @GetMapping("/runs")
  ResponseEntity<List<Run>> runs(@RequestParam(required = false) String source, Paging paging, Authentication authentication) {
    mayWatch(authentication);
    return paging.answer(runs.list(source, paging.offset(), paging.size()), runs.count(source));
  }

  @Operation(summary = "一次运行：时间、行数与每处问题")
  @GetMapping("/runs/{id}")
  Run run(@PathVariable long id, Authentication authentication) {
    mayWatch(authentication);
    return runs.find(id).orElseThrow(() -> DataSources.notFound("没有编号为 " + id + " 的运行记录"));
  }

  @Operation(summary = "指标对一个对象的读数序列（每个周期一个值，早的在前）；对象为 全校、部门或教学单位名称或编号、专业代码")
  @GetMapping("/readings")
  List<ShownReading> readings(@RequestParam String indicator, @RequestParam(defaultValue = Subjects.WHOLE_SCHOOL_NAME) String subject) {
    Subject resolved = subjects.directory().resolve(subject)
        .orElseThrow(() -> DataSources.badRequest("“" + subject + "”不是本校的部门、教学单位或专业"));
    return readings.series(indicator, resolved).stream().map(reading -> new ShownReading(reading.indicatorCode(),
        reading.subject().level().name(), reading.subject().id(), reading.period().code(), reading.period().label(), reading.value(),
        reading.sourceCode(), reading.loadedAt(), reading.runId(), reading.loadedBy())).toList();
  }

  /** A reading as the API shows it: the period by its code (2027-03) and as a person reads it (2027年3月). */
  record ShownReading(String indicator, String subjectLevel, String subject, String period, String periodLabel,
      java.math.BigDecimal value, String source, java.time.Instant loadedAt, Long runId, String loadedBy) {}

  private static CurrentUser mayManage(Authentication authentication) {
    return Access.requireAnyGroup(authentication, "管理" + WHAT, OrgGroups.QA_OFFICE);
  }

  private static CurrentUser mayWatch(Authentication authentication) {
    return Access.requireAnyGroup(authentication, "查看" + WHAT, OrgGroups.QA_OFFICE, OrgGroups.LEADING_GROUP);
  }

}
