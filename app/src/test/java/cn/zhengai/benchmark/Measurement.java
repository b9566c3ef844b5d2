package cn.zhengai.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** One timed run of a piece of work: wall time, the highest heap use above the level before it, and what it counted. */
public record Measurement(long millis, double peakMb, long count) {

  /** Work that returns how many things it did (rows, jobs, instances). */
  public interface Work {
    long run() throws Exception;
  }

  /** The best of {@code runs} runs, each after {@code reset} (untimed) and a garbage collection. */
  public static Measurement best(int runs, Work work, Runnable reset) throws Exception {
    Measurement best = null;
    for (int run = 0; run < runs; run++) {
      reset.run();
      Measurement measurement = once(work);
      if (best == null || measurement.millis < best.millis) {
        best = measurement;
      }
    }
    return best;
  }

  /** One run after a garbage collection, the heap sampled every 2 ms on a side thread. */
  public static Measurement once(Work work) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    Thread.sleep(200);
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    long count = work.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    sampler.interrupt();
    sampler.join();
    return new Measurement(millis, (peak.get() - before) / 1048576.0, count);
  }
}
