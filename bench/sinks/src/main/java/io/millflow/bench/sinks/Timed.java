package io.millflow.bench.sinks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one phase and measures it: wall time, and the peak heap in use while it ran (sampled every 10 ms after a GC
 * at the start, so it includes garbage not yet collected: an upper bound of what the phase holds).
 */
record Timed(double seconds, long peakHeapMb) {

  interface Phase {
    void run() throws Exception;
  }

  static Timed of(Phase phase) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
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
    return new Timed(seconds, peak.get() >> 20);
  }
}
