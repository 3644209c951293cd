package io.millflow.engine.operaton;

import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.CompletionRecord;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * Turns the outcome of an attempt into the engine's command on its external task: the one place the
 * error model meets Operaton. When the engine refuses because the task is no longer this worker's
 * (its lock ran out and another worker took it, or the instance ended), the outcome is dropped: the
 * task is handed out again. A completion's record is written in the engine's transaction that
 * completes the task, once the engine's own writes went through: both commit together (one commit
 * per completion, not two) or neither does.
 */
final class AttemptCommands {

  private static final Logger LOG = Logger.getLogger(AttemptCommands.class);
  private static final int CONFLICT_ATTEMPTS = 5;

  private final ExternalTaskService tasks;
  private final CommandExecutor commands;
  private final String workerName;

  AttemptCommands(ExternalTaskService tasks, CommandExecutor commands, String workerName) {
    this.tasks = tasks;
    this.commands = commands;
    this.workerName = workerName;
  }

  void apply(LockedExternalTask task, TaskShapes.Shape shape, AttemptOutcome outcome) {
    String id = task.getId();
    switch (outcome) {
      case AttemptOutcome.Completed completed -> complete(task, shape, completed);
      case AttemptOutcome.RetryLater retry ->
          command(
              task,
              "fail",
              () -> {
                tasks.handleFailure(
                    id,
                    workerName,
                    retry.message(),
                    null,
                    Math.max(0, retry.retriesLeft()),
                    retry.backoff() == null ? 0 : retry.backoff().toMillis());
                return true;
              });
      case AttemptOutcome.Incident incident ->
          incident(task, incidentMessage(incident.code(), incident.message()));
      case AttemptOutcome.BpmnError error -> {
        if (shape.catches(error.code())) {
          command(
              task,
              "throw a BPMN error on",
              () -> {
                tasks.handleBpmnError(id, workerName, error.code(), error.message());
                return true;
              });
        } else {
          // Operaton would end the instance silently; Zeebe stops at an incident
          incident(
              task,
              "BPMN error "
                  + error.code()
                  + " was not caught: no error event catches it at "
                  + task.getActivityId()
                  + (error.message() == null ? "" : " (" + error.message() + ")"));
        }
      }
      case AttemptOutcome.HandBack handBack ->
          command(
              task,
              "hand back",
              () -> {
                tasks.extendLock(id, workerName, Math.max(1, handBack.after().toMillis()));
                return true;
              });
    }
  }

  private void complete(
      LockedExternalTask task, TaskShapes.Shape shape, AttemptOutcome.Completed completed) {
    Map<String, Object> variables = completed.variables();
    CompletionRecord record = completed.recordCompletion();
    try {
      command(
          task,
          "complete",
          () ->
              commands.execute(
                  context -> {
                    if (shape.hasOutputs()) {
                      tasks.complete(task.getId(), workerName, null, variables);
                    } else {
                      tasks.complete(task.getId(), workerName, variables);
                    }
                    if (record != null) {
                      context
                          .getTransactionContext()
                          .addTransactionListener(
                              TransactionState.COMMITTING,
                              committing ->
                                  record.record(
                                      committing
                                          .getDbSqlSession()
                                          .getSqlSession()
                                          .getConnection()));
                    }
                    return true;
                  }));
    } catch (ProcessEngineException e) {
      // e.g. an output mapping that fails: Zeebe raises an incident at the task
      incident(task, "completing " + task.getActivityId() + " failed: " + e.getMessage());
    }
  }

  private void incident(LockedExternalTask task, String message) {
    command(
        task,
        "raise an incident on",
        () -> {
          tasks.handleFailure(task.getId(), workerName, message, null, 0, 0);
          return true;
        });
  }

  /**
   * Runs a command on the task; true when the engine took it, false when the task is no longer this
   * worker's. A concurrent change of the same instance (parallel branches joining) is tried again.
   */
  private boolean command(LockedExternalTask task, String what, Supplier<Boolean> command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return command.get();
      } catch (BadUserRequestException e) {
        LOG.infof(
            "Could not %s task %s (%s of instance %s), the engine took it back (lock lost or instance ended): %s",
            what, task.getId(), task.getActivityId(), task.getProcessInstanceId(), e.getMessage());
        return false;
      } catch (OptimisticLockingException e) {
        if (attempt >= CONFLICT_ATTEMPTS) {
          LOG.warnf(
              "Could not %s task %s after %d conflicts; it is handed out again when its lock ends",
              what, task.getId(), attempt);
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
