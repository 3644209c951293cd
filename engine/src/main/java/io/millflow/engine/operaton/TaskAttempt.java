package io.millflow.engine.operaton;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.TaskLease;
import io.millflow.engine.port.TaskWorker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.value.ObjectValue;
import org.operaton.bpm.engine.variable.value.TypedValue;

/**
 * One attempt of a locked task: keeps the variables its worker reads of those fetched with the
 * task, hands it to the worker's handler as an {@link ActivatedTask}, and applies the outcome.
 */
final class TaskAttempt {

  private static final Logger LOG = Logger.getLogger(TaskAttempt.class);
  private static final Duration CHAIN_BUDGET = Duration.ofSeconds(1);

  private final ExternalTaskService tasks;
  private final TaskShapes shapes;
  private final AttemptCommands commands;
  private final String workerName;

  TaskAttempt(
      ExternalTaskService tasks, TaskShapes shapes, AttemptCommands commands, String workerName) {
    this.tasks = tasks;
    this.shapes = shapes;
    this.commands = commands;
    this.workerName = workerName;
  }

  /**
   * Runs the attempt, then each task its completion handed on to this worker ({@link TaskChains}),
   * until one hands none on. A chain hands on while no other task may be waiting for a slot, or for
   * its first {@link #CHAIN_BUDGET}: after that, the task a completion creates queues behind those
   * created before it, so one instance's long run of steps (one tenant's) never keeps a slot from
   * the others' tasks.
   */
  void run(LockedExternalTask task, TaskWorker worker, BooleanSupplier othersMayWait) {
    long chainStarted = System.nanoTime();
    BooleanSupplier mayHandOn =
        () ->
            !othersMayWait.getAsBoolean()
                || System.nanoTime() - chainStarted < CHAIN_BUDGET.toNanos();
    TaskChains.Chained next = runOnce(task, worker, mayHandOn);
    while (next != null) {
      next = runOnce(next.task(), next.worker(), mayHandOn);
    }
  }

  private TaskChains.Chained runOnce(
      LockedExternalTask task, TaskWorker worker, BooleanSupplier mayHandOn) {
    TaskShapes.Shape shape;
    Map<String, Object> variables;
    try {
      shape = shapes.of(task.getProcessDefinitionId(), task.getActivityId());
      variables = variables(task, worker, shape);
    } catch (ProcessEngineException e) {
      LOG.infof(
          "Task %s (%s) could not be read, it is handed out again when its lock ends: %s",
          task.getId(), task.getActivityId(), e.getMessage());
      return null;
    }
    AttemptOutcome outcome = attempt(activated(task, variables), worker);
    try {
      return commands.apply(task, shape, outcome, mayHandOn);
    } catch (RuntimeException e) {
      LOG.errorf(
          e,
          "The outcome of task %s (%s) could not be given to the engine; it is handed out again when its "
              + "lock ends",
          task.getId(),
          task.getActivityId());
      return null;
    }
  }

  private AttemptOutcome attempt(ActivatedTask task, TaskWorker worker) {
    TaskLease lease =
        duration -> tasks.extendLock(task.key(), workerName, Math.max(1, duration.toMillis()));
    try {
      return worker.handler().attempt(task, lease);
    } catch (RuntimeException | Error e) {
      LOG.errorf(e, "The handler of %s failed on task %s", task.type(), task.key());
      return new AttemptOutcome.Incident(
          "handler-failed", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * The variables the worker reads, and what the task's input mappings made; all visible ones when
   * it names none.
   */
  private static Map<String, Object> variables(
      LockedExternalTask task, TaskWorker worker, TaskShapes.Shape shape) {
    Set<String> names = null;
    if (worker.variables() != null && !worker.variables().isEmpty()) {
      names = new HashSet<>(worker.variables());
      names.addAll(shape.inputVariables());
    }
    VariableMap fetched = task.getVariables();
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String name : fetched.keySet()) {
      if ((names == null || names.contains(name)) && !CorrelationKeyListener.isKeyVariable(name)) {
        variables.put(name, value(name, fetched.getValueTyped(name)));
      }
    }
    return variables;
  }

  /**
   * Object values come as the JSON they are stored as and are read here, per task: a value that
   * cannot be read fails this task's attempt alone, not the fetch of every task with it. A task
   * handed on by a completion ({@link TaskChains}) sees the values that completion set as objects:
   * they are read back through their JSON too, so a step sees the same values either way.
   */
  private static Object value(String name, TypedValue value) {
    if (!(value instanceof ObjectValue object)) {
      return value.getValue();
    }
    String format = object.getSerializationDataFormat();
    if (format != null && !JsonValueSerializer.FORMAT.equals(format)) {
      throw new ProcessEngineException(
          "Variable " + name + " is stored as " + format + ", not JSON");
    }
    try {
      // a value the completion wrote keeps the JSON it was stored as next to the object
      String serialized = object.getValueSerialized();
      if (serialized != null) {
        return JsonValueSerializer.read(serialized.getBytes(StandardCharsets.UTF_8));
      }
      Object deserialized = object.isDeserialized() ? object.getValue() : null;
      return deserialized == null
          ? null
          : JsonValueSerializer.read(JsonValueSerializer.write(deserialized));
    } catch (IOException e) {
      throw new ProcessEngineException("Variable " + name + " is not readable JSON", e);
    }
  }

  private static ActivatedTask activated(LockedExternalTask task, Map<String, Object> variables) {
    Map<String, String> headers =
        task.getExtensionProperties() == null ? Map.of() : task.getExtensionProperties();
    int retries = task.getRetries() == null ? 0 : task.getRetries();
    return new ActivatedTask(
        task.getId(),
        task.getTopicName(),
        task.getProcessDefinitionKey(),
        task.getProcessDefinitionId(),
        task.getProcessInstanceId(),
        task.getActivityId(),
        task.getActivityInstanceId(),
        retries,
        variables,
        headers);
  }
}
