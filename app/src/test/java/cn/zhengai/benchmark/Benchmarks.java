package cn.zhengai.benchmark;

import cn.zhengai.report.ReportBenchmark;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the product's benchmarks (all, or those named) on the databases named, printing each figure beside its
 * baseline and appending them to {@code app/target/benchmarks/figures.md}.
 *
 * <pre>mvn -B -pl app -am verify -DskipTests -Pbenchmarks [-Dbenchmarks=P1,P4] [-Dbenchmark.databases=h2,postgres]</pre>
 */
public final class Benchmarks {

  private static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

  static {
    Stream.of(new KickOffBenchmark(), new TaskQueryBenchmark(), new TimerBenchmark(), new ImportBenchmark(), new SimulatedYearBenchmark(),
        new ScanBenchmark(), new LadderBenchmark(), new ReportBenchmark(), new ReadingLoadBenchmark())
        .forEach(benchmark -> ALL.put(benchmark.id(), benchmark));
  }

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    // Maven passes an empty value for "every benchmark"
    List<String> ids = names(System.getProperty("benchmarks", ""));
    if (ids.isEmpty()) {
      ids = List.copyOf(ALL.keySet());
    }
    List<BenchmarkDatabase> databases = names(System.getProperty("benchmark.databases", "h2,postgres")).stream()
        .map(name -> BenchmarkDatabase.valueOf(name.toUpperCase(Locale.ROOT))).toList();
    Figures figures = new Figures(Path.of("target", "benchmarks", "figures.md"));
    System.out.printf("最大堆 %d MB，%d 个处理器%n", Runtime.getRuntime().maxMemory() / 1048576, Runtime.getRuntime().availableProcessors());
    System.out.println("| 基准 | 测量 | 数据库 | 产品 | 基线 | 比值 |");
    for (String id : ids) {
      Benchmark benchmark = ALL.get(id.toUpperCase(Locale.ROOT));
      if (benchmark == null) {
        throw new IllegalArgumentException("没有基准 " + id + "，可选：" + ALL.keySet());
      }
      for (BenchmarkDatabase database : databases) {
        benchmark.run(database, figures);
      }
    }
    // the embedded PostgreSQL server and the engines' threads would keep the JVM alive
    System.exit(0);
  }

  private static List<String> names(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
  }
}
