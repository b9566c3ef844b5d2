package cn.zhengai.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * One timed run of a piece of work: wall time; the highest heap use above the level before it, garbage not yet
 * collected included ({@code peakMb}); the highest heap use left after a garbage collection during the run, above
 * the same level ({@code liveMb}: what the work kept, plus old garbage no collection has reached yet), or -1 when no
 * collection ran; and what it counted.
 */
public record Measurement(long millis, double peakMb, double liveMb, long count) {

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
    AtomicLong live = new AtomicLong(before);
    // a collection reports every memory pool, the heap's and the others (metaspace, code)
    List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName).toList();
    AtomicInteger collections = new AtomicInteger();
    NotificationListener afterCollection = (notification, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
            .getGcInfo().getMemoryUsageAfterGc();
        long used = heapPools.stream().map(after::get).filter(Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum();
        live.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
      }
    };
    ManagementFactory.getGarbageCollectorMXBeans().forEach(collector -> listen(collector, afterCollection));
    sampler.start();
    long start = System.nanoTime();
    long count;
    try {
      count = work.run();
    } finally {
      ManagementFactory.getGarbageCollectorMXBeans().forEach(collector -> stopListening(collector, afterCollection));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    sampler.interrupt();
    sampler.join();
    return new Measurement(millis, (peak.get() - before) / 1048576.0,
        collections.get() == 0 ? -1 : (live.get() - before) / 1048576.0, count);
  }

  private static void listen(GarbageCollectorMXBean collector, NotificationListener listener) {
    ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
  }

  private static void stopListening(GarbageCollectorMXBean collector, NotificationListener listener) {
    try {
      ((NotificationEmitter) collector).removeNotificationListener(listener);
    } catch (ListenerNotFoundException alreadyGone) {
      // nothing to stop
    }
  }
}
