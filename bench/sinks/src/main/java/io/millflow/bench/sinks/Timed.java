package io.millflow.bench.sinks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Runs one phase and measures it: wall time, and two peaks of the heap while it ran, after a GC at the start:
 * {@code liveMb}, the most the heap held right after any collection (what the phase keeps reachable, plus old
 * garbage not yet collected: a streaming phase stays flat however large the dataset), and {@code usedMb}, the most in
 * use at any moment (sampled every 10 ms), garbage included; {@code gcSeconds}, the collectors' time meanwhile (with
 * an in-process server, the server's data is part of what they trace); {@code cpuSeconds}, the CPU time of the whole
 * process meanwhile (all threads, the in-process server's and the collectors' included): on a host shared with other
 * work, wall time mostly measures waiting for a core, CPU time much less so.
 */
record Timed(double seconds, long liveMb, long usedMb, double gcSeconds, double cpuSeconds) {

  interface Phase {
    void run() throws Exception;
  }

  static Timed of(Phase phase) throws Exception {
    System.gc();
    AtomicLong live = new AtomicLong(heapUsed());
    AtomicLong used = new AtomicLong(live.get());
    NotificationListener afterGc = (notification, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        live.accumulateAndGet(info.getGcInfo().getMemoryUsageAfterGc().values().stream()
            .mapToLong(MemoryUsage::getUsed).sum(), Math::max);
      }
    };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(afterGc, null, null);
    }
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        used.accumulateAndGet(heapUsed(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long gcStart = gcMillis();
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    try {
      phase.run();
    } finally {
      sampler.interrupt();
      sampler.join();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).removeNotificationListener(afterGc);
      }
    }
    return new Timed((System.nanoTime() - start) / 1e9, live.get() >> 20, used.get() >> 20,
        (gcMillis() - gcStart) / 1e3, (cpuNanos() - cpuStart) / 1e9);
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
