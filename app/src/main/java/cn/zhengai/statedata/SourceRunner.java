package cn.zhengai.statedata;

import cn.zhengai.statedata.DataSources.Source;
import cn.zhengai.statedata.ReadingLoader.Checked;
import cn.zhengai.statedata.ReadingLoader.Load;
import cn.zhengai.statedata.ReadingLoader.Offered;
import cn.zhengai.statedata.SourceRuns.Run;
import cn.zhengai.statedata.SourceRuns.Start;
import cn.zhengai.statedata.SourceRuns.Status;
import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelProblem;
import cn.zhengai.nodes.NodeLock;
import cn.zhengai.notification.Notifications;
import cn.zhengai.org.OrgGroups;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a source: recorded when it starts; the rows read, checked whole and loaded in one transaction (all or
 * nothing, one load at a time across nodes); recorded with its figures when it ends. A failed run loads nothing and
 * tells 质管办 why.
 */
@Component
class SourceRunner {

  /** The node lock that keeps loads one at a time. */
  static final String LOCK = "data-sources";
  private static final Logger LOG = LoggerFactory.getLogger(SourceRunner.class);

  /** Reads a source's rows; refuses with {@link ExcelImportException} (problems by place) or {@link SourceFailure}. */
  interface RowReader {
    List<Offered> read() throws Exception;
  }

  /** A source that could not be read at all, with a Chinese reason. */
  static final class SourceFailure extends RuntimeException {
    SourceFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final SourceRuns runs;
  private final ReadingLoader loader;
  private final NodeLock nodeLock;
  private final Notifications notifications;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SourceRunner(SourceRuns runs, ReadingLoader loader, NodeLock nodeLock, Notifications notifications,
      PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
    this.runs = runs;
    this.loader = loader;
    this.nodeLock = nodeLock;
    this.notifications = notifications;
    this.transaction = new TransactionTemplate(transactions);
    // its own transaction also when a scheduled poll calls it inside the poll's
    this.transaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.events = events;
    this.clock = clock;
  }

  Run run(Source source, Start how, String by, String fileName, RowReader reader) {
    long run = runs.start(source.code(), how, by, fileName);
    int read = 0;
    try {
      List<Offered> offered = reader.read();
      read = offered.size();
      List<Checked> checked = loader.check(offered);
      ReadingLoader.Loaded loaded = transaction.execute(status -> {
        nodeLock.holdUntilCommit(LOCK);
        return loader.write(checked, new Load(source.code(), run, by, Instant.now(clock)));
      });
      runs.finish(run, Status.SUCCEEDED, read, loaded.readings(), 0, List.of());
      events.publishEvent(new ReadingsLoaded(source.code(), run));
    } catch (ExcelImportException refused) {
      fail(source, run, read, refusedRows(refused.problems()), refused.problems().stream().map(ExcelProblem::describe).toList());
    } catch (SourceFailure failure) {
      fail(source, run, read, read, List.of(failure.getMessage()));
    } catch (Exception unexpected) {
      LOG.error("数据来源 {} 的第 {} 次运行失败", source.code(), run, unexpected);
      fail(source, run, read, read, List.of("运行出错：" + unexpected.getClass().getSimpleName()
          + (unexpected.getMessage() == null ? "" : "：" + unexpected.getMessage())));
    }
    return runs.find(run).orElseThrow();
  }

  private static int refusedRows(List<ExcelProblem> problems) {
    Set<Integer> rows = new HashSet<>();
    problems.stream().filter(problem -> problem.row() > 0).forEach(problem -> rows.add(problem.row()));
    return rows.size();
  }

  private void fail(Source source, long run, int read, int refused, List<String> problems) {
    runs.finish(run, Status.FAILED, read, 0, refused, problems);
    String subject = "【数据采集失败】" + source.name() + "：未载入任何数据（" + problems.size() + " 处问题）";
    String body = "数据来源" + source.label() + "第 " + run + " 次运行失败，本次未载入任何数据：\n" + String.join("\n", problems);
    notifications.send(OrgGroups.QA_OFFICE, Notifications.Kind.DATA_SOURCE_FAILED, cut(subject, 200), cut(body, 2000), null);
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
