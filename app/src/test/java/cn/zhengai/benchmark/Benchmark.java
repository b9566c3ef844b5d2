package cn.zhengai.benchmark;

/** One benchmark of the product, measured against its own baseline in the same run. */
public interface Benchmark {

  /** Its id in the README and on the command line, e.g. {@code P4}. */
  String id();

  void run(BenchmarkDatabase database, Figures figures) throws Exception;
}
