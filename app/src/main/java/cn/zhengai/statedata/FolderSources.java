package cn.zhengai.statedata;

import cn.zhengai.statedata.DataSources.Kind;
import cn.zhengai.statedata.DataSources.Source;
import cn.zhengai.statedata.SourceRuns.Run;
import cn.zhengai.statedata.SourceRuns.Start;
import cn.zhengai.statedata.SourceRuns.Status;
import cn.zhengai.nodes.NodeLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sources' schedule: every minute (zhengai.data.poll-interval) each file source's folder is looked into, and
 * every query source whose cron says it is due is run. A dropped file is taken once it has not changed for
 * {@link #SETTLED} (it may still be being copied); after its run it moves to the folder's 已载入 or 未载入 subfolder.
 * One node at a time polls.
 */
@Component
class FolderSources {

  static final Duration SETTLED = Duration.ofSeconds(30);
  static final String LOADED = "已载入";
  static final String REFUSED = "未载入";
  private static final String POLL_LOCK = "data-source-poll";
  private static final String SYSTEM = "system";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-");
  private static final Logger LOG = LoggerFactory.getLogger(FolderSources.class);

  private final DataSources sources;
  private final SourceRunner runner;
  private final NodeLock nodeLock;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  FolderSources(DataSources sources, SourceRunner runner, NodeLock nodeLock, JdbcTemplate jdbc, Clock clock) {
    this.sources = sources;
    this.runner = runner;
    this.nodeLock = nodeLock;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${zhengai.data.poll-interval:PT1M}", initialDelayString = "${zhengai.data.poll-interval:PT1M}")
  @Transactional
  public void poll() {
    nodeLock.holdUntilCommit(POLL_LOCK);
    for (Source source : sources.all()) {
      if (!source.enabled()) {
        continue;
      }
      try {
        if (source.kind() == Kind.FILE && source.settings().folder() != null && !source.settings().folder().isBlank()) {
          loadWaitingFiles(source, Start.FOLDER, SYSTEM, false);
        } else if (source.kind() == Kind.JDBC && due(source)) {
          runner.run(source, Start.SCHEDULE, SYSTEM, null, () -> JdbcSource.read(source.settings()));
        }
      } catch (ResponseStatusException misconfigured) {
        LOG.warn("数据来源 {} 未能定时运行：{}", source.code(), misconfigured.getReason());
      } catch (RuntimeException e) {
        LOG.error("数据来源 {} 的定时运行出错", source.code(), e);
      }
    }
  }

  /** Whether the source's cron has come round since its last scheduled run (or since it was set up). */
  private boolean due(Source source) {
    if (source.schedule() == null) {
      return false;
    }
    Timestamp since = jdbc.queryForObject("SELECT COALESCE((SELECT MAX(started_at) FROM data_source_run WHERE source_code = ?"
        + " AND started_how = 'SCHEDULE'), (SELECT updated_at FROM data_source WHERE code = ?))", Timestamp.class, source.code(), source.code());
    ZonedDateTime next = CronExpression.parse(source.schedule()).next(since.toInstant().atZone(zone()));
    return next != null && !next.toInstant().isAfter(Instant.now(clock));
  }

  /** Loads the files waiting in the source's folder, oldest name first; {@code evenUnsettled} also takes files just dropped. */
  List<Run> loadWaitingFiles(Source source, Start how, String by, boolean evenUnsettled) {
    String folderSetting = source.settings().folder();
    if (folderSetting == null || folderSetting.isBlank()) {
      throw DataSources.badRequest("文件来源" + source.label() + "没有设置文件夹（settings.folder）；请在页面上上传文件");
    }
    Path folder = Path.of(folderSetting);
    if (!Files.isDirectory(folder)) {
      throw DataSources.badRequest("文件来源" + source.label() + "的文件夹“" + folder + "”不存在");
    }
    List<Run> runs = new ArrayList<>();
    for (Path file : waiting(folder, evenUnsettled)) {
      String name = file.getFileName().toString();
      Run run = runner.run(source, how, by, name, () -> {
        try (InputStream in = Files.newInputStream(file)) {
          return FileSource.read(in, name, source.settings());
        }
      });
      moveAway(file, run.status() == Status.SUCCEEDED ? LOADED : REFUSED);
      runs.add(run);
    }
    return runs;
  }

  private List<Path> waiting(Path folder, boolean evenUnsettled) {
    Instant settledBefore = Instant.now().minus(SETTLED);
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).filter(file -> {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".xlsx") || name.endsWith(".csv")) && !name.startsWith("~$");
      }).filter(file -> evenUnsettled || modified(file).isBefore(settledBefore)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.now();
    }
  }

  private void moveAway(Path file, String subfolder) {
    try {
      Path target = Files.createDirectories(file.resolveSibling(subfolder));
      Files.move(file, target.resolve(STAMP.format(Instant.now(clock).atZone(zone())) + file.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("无法移动已处理的文件 " + file, e);
    }
  }

  private static ZoneId zone() {
    return cn.zhengai.calendar.CollegeTime.ZONE;
  }
}
