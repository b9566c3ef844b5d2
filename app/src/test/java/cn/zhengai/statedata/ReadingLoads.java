package cn.zhengai.statedata;

import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import cn.zhengai.statedata.ReadingLoader.Offered;
import cn.zhengai.statedata.ReadingLoader.Place;
import cn.zhengai.statedata.SourceRuns.Run;
import cn.zhengai.statedata.SourceRuns.Start;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * Large loads of readings through the product's own path (a source run: recorded, checked whole, loaded in one
 * transaction), for the benchmarks: {@code indicators} measured indicators × {@code subjects} units × {@code months}
 * months ending before the current one.
 */
public final class ReadingLoads {

  private ReadingLoads() {}

  /** Creates the indicators BENCH_0000 … through the 指标 sheet's own save. */
  public static void createIndicators(ApplicationContext app, int indicators) {
    List<TableRow> rows = new ArrayList<>();
    for (int i = 0; i < indicators; i++) {
      rows.add(new TableRow(i + 2, null, List.of(code(i), "基准指标 " + i, "人", "学校", "越高越好", "质管办", "", "", "")));
    }
    app.getBean(IndicatorTable.class).save(rows, new CurrentUser("benchmark", List.of(Access.ADMIN_GROUP)), TableScope.ALL);
  }

  public static String code(int indicator) {
    return String.format("BENCH_%04d", indicator);
  }

  /** The value of one generated reading, the same for the product's load and a baseline. */
  public static String value(long index) {
    return Long.toString(100 + index % 900);
  }

  /** Loads the generated readings as one run of a push source; returns how many it loaded. */
  public static long load(ApplicationContext app, List<String> subjects, List<String> months, int indicators) {
    DataSources sources = app.getBean(DataSources.class);
    var source = sources.find("benchmark").orElseGet(() -> sources.save("benchmark", new DataSources.SourceRequest("基准推送", "PUSH",
        null, true, null, "benchmark-secret-0123456789"), "benchmark"));
    int total = indicators * subjects.size() * months.size();
    List<Offered> offered = new AbstractList<>() {
      @Override
      public Offered get(int index) {
        int indicator = index / (subjects.size() * months.size());
        int subject = index / months.size() % subjects.size();
        int month = index % months.size();
        return new Offered(new Place("基准", index + 1, "indicator", "subject", "period", "value"), code(indicator),
            subjects.get(subject), months.get(month), value(index));
      }

      @Override
      public int size() {
        return total;
      }
    };
    Run run = app.getBean(SourceRunner.class).run(source, Start.MANUAL, "benchmark", null, () -> offered);
    if (!run.problems().isEmpty()) {
      throw new IllegalStateException("基准载入失败：" + run.problems().get(0));
    }
    return run.rowsLoaded();
  }
}
