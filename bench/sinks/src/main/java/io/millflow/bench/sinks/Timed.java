package io.millflow.bench.sinks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Runs one phase and measures it: wall time, and two peaks of the heap while it ran, sampled every 10 ms after a GC at
 * the start: {@code liveMb}, the most the heap held right after a collection (what the phase keeps reachable: a
 * streaming phase stays flat however large the dataset), and {@code usedMb}, the most in use at any moment, garbage not
 * yet collected included.
 */
record Timed(double seconds, long liveMb, long usedMb) {

  interface Phase {
    void run() throws Exception;
  }

  private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

  static Timed of(Phase phase) throws Exception {
    System.gc();
    long[] peaks = {afterCollection(), used()};
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        synchronized (peaks) {
          peaks[0] = Math.max(peaks[0], afterCollection());
          peaks[1] = Math.max(peaks[1], used());
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long start = System.nanoTime();
    try {
      phase.run();
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    synchronized (peaks) {
      return new Timed(seconds, peaks[0] >> 20, peaks[1] >> 20);
    }
  }

  private static long afterCollection() {
    return HEAP.stream().mapToLong(pool -> pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed())
        .sum();
  }

  private static long used() {
    return HEAP.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }
}
