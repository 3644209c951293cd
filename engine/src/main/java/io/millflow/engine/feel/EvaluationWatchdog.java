package io.millflow.engine.feel;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops evaluations that spend more than their budget. The FEEL interpreter checks its thread's
 * interrupt flag at every step and gives up with an {@link InterruptedException}; this watchdog
 * measures each running evaluation's CPU time and allocated memory every few milliseconds and
 * interrupts the thread once one is over, again at each check until it has stopped (a built-in such
 * as {@code sort} swallows an interrupt once).
 */
final class EvaluationWatchdog implements AutoCloseable {

  static final long CHECK_MILLIS = 5;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final FeelBudget budget;
  private final Set<Watched> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService checks =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("millflow-feel-watchdog").daemon().factory());

  EvaluationWatchdog(FeelBudget budget) {
    this.budget = budget;
    checks.scheduleAtFixedRate(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the evaluation on this thread under the budget.
   *
   * @throws FeelOverBudget when the watchdog stopped it, naming what it spent too much of
   */
  <T> T watch(Callable<T> evaluation) throws Exception {
    Thread thread = Thread.currentThread();
    Watched watched =
        new Watched(
            thread,
            threads.getThreadCpuTime(thread.threadId()),
            threads.getThreadAllocatedBytes(thread.threadId()),
            System.nanoTime());
    running.add(watched);
    T result;
    try {
      result = evaluation.call();
    } catch (InterruptedException e) {
      if (watched.stop() == null) {
        throw e; // interrupted by someone else: the caller gives up
      }
      result = null;
    } finally {
      running.remove(watched);
      watched.finish();
      Thread.interrupted(); // an interrupt meant for this evaluation must not reach the next one on
      // this thread
    }
    if (watched.stop() != null) {
      throw new FeelOverBudget(watched.stop());
    }
    return result;
  }

  private void check() {
    for (Watched watched : running) {
      String over = over(watched);
      if (over != null) {
        watched.interrupt(over);
      }
    }
  }

  private String over(Watched watched) {
    long id = watched.thread().threadId();
    long cpu = threads.getThreadCpuTime(id) - watched.cpuAtStart();
    if (cpu > budget.cpuTime().toNanos()) {
      return "it used more than " + budget.cpuTime().toMillis() + " ms of CPU";
    }
    long allocated = threads.getThreadAllocatedBytes(id) - watched.allocatedAtStart();
    if (allocated > budget.allocatedBytes()) {
      return "it allocated more than " + (budget.allocatedBytes() >> 20) + " MB";
    }
    if (System.nanoTime() - watched.startedAt() > budget.wallTime().toNanos()) {
      return "it ran longer than " + budget.wallTime().toMillis() + " ms";
    }
    return null;
  }

  @Override
  public void close() {
    checks.shutdownNow();
  }

  /** One running evaluation; interrupted only while it runs, never after it has finished. */
  private static final class Watched {

    private final Thread thread;
    private final long cpuAtStart;
    private final long allocatedAtStart;
    private final long startedAt;
    private String stop;
    private boolean finished;

    Watched(Thread thread, long cpuAtStart, long allocatedAtStart, long startedAt) {
      this.thread = thread;
      this.cpuAtStart = cpuAtStart;
      this.allocatedAtStart = allocatedAtStart;
      this.startedAt = startedAt;
    }

    synchronized void interrupt(String reason) {
      if (!finished) {
        stop = stop == null ? reason : stop;
        thread.interrupt();
      }
    }

    synchronized void finish() {
      finished = true;
    }

    synchronized String stop() {
      return stop;
    }

    Thread thread() {
      return thread;
    }

    long cpuAtStart() {
      return cpuAtStart;
    }

    long allocatedAtStart() {
      return allocatedAtStart;
    }

    long startedAt() {
      return startedAt;
    }
  }
}
