package org.settingsreconciler.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.settingsreconciler.cli.Main;
import org.settingsreconciler.cli.Terminal;

/**
 * The CLI as the benchmark runs it, in a JVM of its own: {@code MeasuredMain STATS_FILE ARGS...} runs
 * {@code reconciler ARGS...} and writes what its heap peaked at to STATS_FILE: the most heap in use after any
 * garbage collection (the live data), and the most in use at any sample (garbage included).
 */
public final class MeasuredMain {

  private MeasuredMain() {}

  public static void main(String[] args) throws IOException {
    Path stats = Path.of(args[0]);
    AtomicLong liveAfterGc = new AtomicLong();
    AtomicLong sampled = new AtomicLong();
    watchCollections(liveAfterGc);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();

    int code = new Main(System.out, System.err, System.getenv(), Terminal.none())
        .run(Arrays.copyOfRange(args, 1, args.length));

    sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    sampler.interrupt();
    System.out.flush();
    Files.writeString(stats, "exit=" + code + "\nliveAfterGc=" + liveAfterGc.get() + "\nsampled=" + sampled.get()
        + "\nmaxHeap=" + Runtime.getRuntime().maxMemory() + "\n");
    System.exit(code);
  }

  /** After every collection, the heap pools' total in use is the live data (plus what survived by chance). */
  private static void watchCollections(AtomicLong peak) {
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
          if (heapPools.contains(e.getKey())) {
            used += e.getValue().getUsed();
          }
        }
        peak.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }
}
