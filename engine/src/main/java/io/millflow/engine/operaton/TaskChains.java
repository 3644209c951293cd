package io.millflow.engine.operaton;

import io.millflow.engine.port.TaskWorker;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.externaltask.LockedExternalTaskImpl;
import org.operaton.bpm.engine.impl.persistence.entity.ExternalTaskEntity;

/**
 * Hands the next task of an instance to the attempt that completed the one before it: a task that a
 * completion creates is locked in the completion's own transaction and run next on the same thread,
 * with no fetch, no transaction of its own and no hand-off between threads (as a Zeebe broker
 * pushes a job to the worker that completed the previous one). One task per completion; the others
 * a completion creates (the branches of a parallel split) are fetched as usual, by any instance. A
 * task of a type this instance has no worker for is left to the fetch too.
 */
final class TaskChains {

  private final String workerName;
  private final ThreadLocal<Claim> open = new ThreadLocal<>();
  private volatile Map<String, TaskWorker> workers = Map.of();

  TaskChains(String workerName) {
    this.workerName = workerName;
  }

  /** The workers whose types this instance takes; none until they open, and after they close. */
  void serve(Collection<TaskWorker> workers) {
    this.workers = workers.stream().collect(Collectors.toUnmodifiableMap(TaskWorker::type, w -> w));
  }

  void stop() {
    workers = Map.of();
  }

  /**
   * Runs a command's work on this thread (a completion, or an instance's start) and returns the
   * task it created and locked for this worker, with its variables, or null. Call inside the
   * command, so the task's variables are read from what the command holds.
   */
  Chained claimingDuring(Runnable work) {
    Claim claim = new Claim(workers);
    open.set(claim);
    try {
      work.run();
    } finally {
      open.remove();
    }
    if (claim.task == null) {
      return null;
    }
    return new Chained(
        LockedExternalTaskImpl.fromEntity(claim.task, null, false, false, true),
        claim.workers.get(claim.task.getTopicName()));
  }

  /**
   * Called by a service task as it creates its external task: locks the task for this thread's
   * completion and answers true when one is under way and has not claimed a task yet; false when
   * the task is left to the fetch.
   */
  boolean claim(ExternalTaskEntity task) {
    Claim claim = open.get();
    if (claim == null || claim.task != null) {
      return false;
    }
    TaskWorker worker = claim.workers.get(task.getTopicName());
    if (worker == null) {
      return false;
    }
    task.lock(workerName, worker.lockDuration().toMillis());
    claim.task = task;
    return true;
  }

  /** A task locked in a completion's transaction, and the worker that runs it. */
  record Chained(LockedExternalTask task, TaskWorker worker) {}

  private static final class Claim {
    private final Map<String, TaskWorker> workers;
    private ExternalTaskEntity task;

    private Claim(Map<String, TaskWorker> workers) {
      this.workers = workers;
    }
  }
}
