package io.millflow.engine.operaton;

import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.CompletionRecord;
import java.util.Map;
import java.util.function.BooleanSupplier;
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
 * per completion, not two) or neither does. The task a completion creates next is locked in that
 * transaction for this worker and handed back to run at once ({@link TaskChains}).
 */
final class AttemptCommands {

  private static final Logger LOG = Logger.getLogger(AttemptCommands.class);
  private static final int CONFLICT_ATTEMPTS = 5;

  private final ExternalTaskService tasks;
  private final CommandExecutor commands;
  private final String workerName;
  private final TaskChains chains;

  AttemptCommands(
      ExternalTaskService tasks, CommandExecutor commands, String workerName, TaskChains chains) {
    this.tasks = tasks;
    this.commands = commands;
    this.workerName = workerName;
    this.chains = chains;
  }

  /**
   * Applies the outcome; answers the task a completion created and locked for this worker to run
   * next ({@link TaskChains}), when {@code mayHandOn} says so as it completes, or null.
   */
  TaskChains.Chained apply(
      LockedExternalTask task,
      TaskShapes.Shape shape,
      AttemptOutcome outcome,
      BooleanSupplier mayHandOn) {
    String id = task.getId();
    switch (outcome) {
      case AttemptOutcome.Completed completed -> {
        return complete(task, shape, completed, mayHandOn.getAsBoolean());
      }
      case AttemptOutcome.RetryLater retry ->
          command(
              task,
              "fail",
              () ->
                  tasks.handleFailure(
                      id,
                      workerName,
                      retry.message(),
                      null,
                      Math.max(0, retry.retriesLeft()),
                      retry.backoff() == null ? 0 : retry.backoff().toMillis()));
      case AttemptOutcome.Incident incident ->
          incident(task, incidentMessage(incident.code(), incident.message()));
      case AttemptOutcome.BpmnError error -> {
        if (shape.catches(error.code())) {
          command(
              task,
              "throw a BPMN error on",
              () -> tasks.handleBpmnError(id, workerName, error.code(), error.message()));
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
              () -> tasks.extendLock(id, workerName, Math.max(1, handBack.after().toMillis())));
    }
    return null;
  }

  private TaskChains.Chained complete(
      LockedExternalTask task,
      TaskShapes.Shape shape,
      AttemptOutcome.Completed completed,
      boolean mayHandOn) {
    Map<String, Object> variables = completed.variables();
    CompletionRecord record = completed.recordCompletion();
    try {
      return command(
          task,
          "complete",
          () ->
              commands.execute(
                  context -> {
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
                    Runnable completion =
                        () -> {
                          if (shape.hasOutputs()) {
                            tasks.complete(task.getId(), workerName, null, variables);
                          } else {
                            tasks.complete(task.getId(), workerName, variables);
                          }
                        };
                    if (!mayHandOn) {
                      completion.run();
                      return null;
                    }
                    return chains.claimingDuring(completion);
                  }));
    } catch (ProcessEngineException e) {
      // e.g. an output mapping that fails: Zeebe raises an incident at the task
      incident(task, "completing " + task.getActivityId() + " failed: " + e.getMessage());
      return null;
    }
  }

  private void incident(LockedExternalTask task, String message) {
    command(
        task,
        "raise an incident on",
        () -> tasks.handleFailure(task.getId(), workerName, message, null, 0, 0));
  }

  private void command(LockedExternalTask task, String what, Runnable command) {
    command(
        task,
        what,
        () -> {
          command.run();
          return null;
        });
  }

  /**
   * Runs a command on the task and returns its result; null as well when the task is no longer this
   * worker's. A concurrent change of the same instance (parallel branches joining) is tried again.
   */
  private <T> T command(LockedExternalTask task, String what, Supplier<T> command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return command.get();
      } catch (BadUserRequestException e) {
        LOG.infof(
            "Could not %s task %s (%s of instance %s), the engine took it back (lock lost or instance ended): %s",
            what, task.getId(), task.getActivityId(), task.getProcessInstanceId(), e.getMessage());
        return null;
      } catch (OptimisticLockingException e) {
        if (attempt >= CONFLICT_ATTEMPTS) {
          LOG.warnf(
              "Could not %s task %s after %d conflicts; it is handed out again when its lock ends",
              what, task.getId(), attempt);
          return null;
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
