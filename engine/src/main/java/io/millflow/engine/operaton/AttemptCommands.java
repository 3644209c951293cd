package io.millflow.engine.operaton;

import io.millflow.engine.port.AttemptOutcome;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;

/**
 * Turns the outcome of an attempt into the engine's command on its external task: the one place the error model meets
 * Operaton. When the engine refuses because the task is no longer this worker's (its lock ran out and another worker
 * took it, or the instance ended), the outcome is dropped: the task is handed out again.
 */
final class AttemptCommands {

  private static final Logger LOG = Logger.getLogger(AttemptCommands.class);
  private static final int CONFLICT_ATTEMPTS = 5;

  private final ExternalTaskService tasks;
  private final String workerName;

  AttemptCommands(ExternalTaskService tasks, String workerName) {
    this.tasks = tasks;
    this.workerName = workerName;
  }

  void apply(LockedExternalTask task, TaskShapes.Shape shape, AttemptOutcome outcome) {
    String id = task.getId();
    switch (outcome) {
      case AttemptOutcome.Completed completed -> {
        if (complete(task, shape, completed.variables())) {
          recordCompletion(task, completed);
        }
      }
      case AttemptOutcome.RetryLater retry -> command(task, "fail", () -> {
        tasks.handleFailure(id, workerName, retry.message(), null, Math.max(0, retry.retriesLeft()),
            retry.backoff() == null ? 0 : retry.backoff().toMillis());
        return true;
      });
      case AttemptOutcome.Incident incident -> incident(task, incidentMessage(incident.code(), incident.message()));
      case AttemptOutcome.BpmnError error -> {
        if (shape.catches(error.code())) {
          command(task, "throw a BPMN error on", () -> {
            tasks.handleBpmnError(id, workerName, error.code(), error.message());
            return true;
          });
        } else {
          // Operaton would end the instance silently; Zeebe stops at an incident
          incident(task, "BPMN error " + error.code() + " was not caught: no error event catches it at "
              + task.getActivityId() + (error.message() == null ? "" : " (" + error.message() + ")"));
        }
      }
      case AttemptOutcome.HandBack handBack -> command(task, "hand back", () -> {
        tasks.extendLock(id, workerName, Math.max(1, handBack.after().toMillis()));
        return true;
      });
    }
  }

  private boolean complete(LockedExternalTask task, TaskShapes.Shape shape, Map<String, Object> variables) {
    try {
      return command(task, "complete", () -> {
        if (shape.hasOutputs()) {
          tasks.complete(task.getId(), workerName, null, variables);
        } else {
          tasks.complete(task.getId(), workerName, variables);
        }
        return true;
      });
    } catch (ProcessEngineException e) {
      // e.g. an output mapping that fails: Zeebe raises an incident at the task
      incident(task, "completing " + task.getActivityId() + " failed: " + e.getMessage());
      return false;
    }
  }

  private void incident(LockedExternalTask task, String message) {
    command(task, "raise an incident on", () -> {
      tasks.handleFailure(task.getId(), workerName, message, null, 0, 0);
      return true;
    });
  }

  private void recordCompletion(LockedExternalTask task, AttemptOutcome.Completed completed) {
    if (completed.recordCompletion() == null) {
      return;
    }
    try {
      completed.recordCompletion().run();
    } catch (RuntimeException e) {
      LOG.errorf(e, "Task %s (%s) completed, but recording its completion failed", task.getId(), task.getActivityId());
    }
  }

  /**
   * Runs a command on the task; true when the engine took it, false when the task is no longer this worker's. A
   * concurrent change of the same instance (parallel branches joining) is tried again.
   */
  private boolean command(LockedExternalTask task, String what, Supplier<Boolean> command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return command.get();
      } catch (BadUserRequestException e) {
        LOG.infof("Could not %s task %s (%s of instance %s), the engine took it back (lock lost or instance ended): %s",
            what, task.getId(), task.getActivityId(), task.getProcessInstanceId(), e.getMessage());
        return false;
      } catch (OptimisticLockingException e) {
        if (attempt >= CONFLICT_ATTEMPTS) {
          LOG.warnf("Could not %s task %s after %d conflicts; it is handed out again when its lock ends", what,
              task.getId(), attempt);
          return false;
        }
      }
    }
  }

  private static String incidentMessage(String code, String message) {
    if (code == null || code.isBlank()) {
      return message;
    }
    return message == null ? code : code + ": " + message;
  }
}
