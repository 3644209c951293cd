package io.millflow.engine.operaton;

import io.millflow.engine.port.TaskWorker;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;

/**
 * Fetches and locks the tasks of the open workers' types, with their variables, and runs each
 * attempt on a bounded pool. It fetches when woken (a task was created in this JVM or announced by
 * another instance, or an attempt ended while tasks may be waiting for a slot) and otherwise every
 * poll interval. It locks only as many tasks as it has free slots. An attempt's end wakes it only
 * when its last fetch filled every free slot: otherwise the fetch found all there was, and the task
 * the completion creates wakes it by itself (an empty fetch costs a query and a transaction). It
 * fetches the oldest tasks first, so a task handed to the fetch (one that a chain did not take,
 * {@link TaskAttempt}) waits behind those created before it, whatever tenant they are of.
 */
final class TaskFetchLoop implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TaskFetchLoop.class);
  private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

  private final ExternalTaskService tasks;
  private final String workerName;
  private final Map<String, TaskWorker> workers = new LinkedHashMap<>();
  private final TaskAttempt attempt;
  private final Duration pollInterval;
  private final Semaphore slots;
  private final ExecutorService attempts;
  private final WakeSignal signal;
  private final Thread loop;
  private volatile boolean running = true;
  private volatile boolean tasksMayWait = true;
  private final AtomicLong fetched = new AtomicLong();

  TaskFetchLoop(
      ExternalTaskService tasks,
      String workerName,
      Collection<TaskWorker> workers,
      TaskAttempt attempt,
      int maxConcurrentAttempts,
      Duration pollInterval,
      WakeSignal signal) {
    this.tasks = tasks;
    this.workerName = workerName;
    workers.forEach(worker -> this.workers.put(worker.type(), worker));
    this.attempt = attempt;
    this.pollInterval = pollInterval;
    this.slots = new Semaphore(maxConcurrentAttempts);
    this.attempts =
        Executors.newFixedThreadPool(
            maxConcurrentAttempts,
            Thread.ofPlatform().name("operaton-attempt-" + workerName + "-", 0).daemon().factory());
    this.signal = signal;
    this.loop =
        Thread.ofPlatform().name("operaton-fetch-" + workerName).daemon().unstarted(this::run);
  }

  void start() {
    if (!workers.isEmpty()) {
      loop.start();
    }
  }

  private void run() {
    while (running) {
      try {
        int free = slots.availablePermits();
        List<LockedExternalTask> locked = free == 0 ? List.of() : fetch(free);
        tasksMayWait = locked.size() == free;
        locked.forEach(this::submit);
        if (locked.size() < free || free == 0) {
          signal.await(pollInterval);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          LOG.warnf(
              "Fetching tasks failed, trying again in %d s: %s",
              FAILURE_PAUSE.toSeconds(), e.getMessage());
          pause();
        }
      }
    }
  }

  /**
   * A task's variables come with it, in the transaction that locks it (one engine command per
   * attempt fewer than reading them afterwards), as stored: {@link TaskAttempt} keeps those the
   * worker reads and reads their JSON. Not deserialized, they are not compared with their stored
   * bytes at the command's end either (a write when they differ, which two instances fetching one
   * task could then conflict on: the engine only resolves conflicts on the task's lock).
   */
  private List<LockedExternalTask> fetch(int max) {
    ExternalTaskQueryTopicBuilder query =
        tasks
            .fetchAndLock()
            .workerId(workerName)
            .maxTasks(max)
            .orderByCreateTime()
            .asc()
            .subscribe();
    for (TaskWorker worker : workers.values()) {
      query =
          query.topic(worker.type(), worker.lockDuration().toMillis()).includeExtensionProperties();
    }
    return query.execute();
  }

  private void submit(LockedExternalTask task) {
    slots.acquireUninterruptibly();
    fetched.incrementAndGet();
    runOnSlot(task, workers.get(task.getTopicName()));
  }

  /**
   * Takes a free attempt slot for a task locked without a fetch (the first task of an instance
   * started here); false when none is free, when tasks may be waiting for one (they go first), or
   * when the loop is closing.
   */
  boolean reserveSlot() {
    return running && !tasksMayWait && slots.tryAcquire();
  }

  void releaseSlot() {
    slots.release();
  }

  /** Runs a task locked elsewhere for this worker on the slot {@link #reserveSlot} took. */
  void runReserved(TaskChains.Chained task) {
    runOnSlot(task.task(), task.worker());
  }

  /** Whether tasks may be waiting for a slot: until a fetch found fewer than it had room for. */
  boolean tasksMayWait() {
    return tasksMayWait;
  }

  /** The tasks this loop locked by fetching them. */
  long fetched() {
    return fetched.get();
  }

  private void runOnSlot(LockedExternalTask task, TaskWorker worker) {
    try {
      attempts.execute(
          () -> {
            try {
              attempt.run(task, worker, () -> tasksMayWait);
            } finally {
              slots.release();
              if (tasksMayWait) {
                signal.wake();
              }
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release(); // closing: the task's lock runs out and it is handed out again
    }
  }

  private void pause() {
    try {
      Thread.sleep(FAILURE_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    loop.interrupt();
    attempts.shutdown();
    try {
      if (loop.isAlive()) {
        loop.join(Duration.ofSeconds(5));
      }
      if (!attempts.awaitTermination(10, TimeUnit.SECONDS)) {
        // Interrupted, an attempt hands its task back (AttemptRunner), which still needs the
        // engine.
        attempts.shutdownNow();
        attempts.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
