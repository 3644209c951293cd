package io.millflow.engine.run;

import io.millflow.engine.events.EventType;
import io.millflow.engine.events.ReauthRequired;
import io.millflow.engine.events.RunEvents;
import io.millflow.engine.flow.FlowOwners;
import io.millflow.engine.history.AttemptStart;
import io.millflow.engine.history.RunKey;
import io.millflow.engine.history.StepStatus;
import io.millflow.engine.ledger.HeldDatasets;
import io.millflow.engine.ledger.RunLedger;
import io.millflow.engine.ledger.StepLedger;
import io.millflow.engine.observe.AttemptObservation;
import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.TaskHandler;
import io.millflow.engine.port.TaskLease;
import io.millflow.engine.store.StoreOutage;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.LedgerMeasurement;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.Step;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepFailure;
import io.millflow.step.template.ElementTemplateGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs one attempt of a step, whatever the engine: task variables to typed input (with the sync
 * cursor and the flow's secrets), the step, and the error model, each attempt recorded in the run
 * history. It returns how the attempt ended as an {@link AttemptOutcome}; the engine adapter turns
 * that into the engine's command. This is the only place the error model is decided. Every text the
 * attempt stores or sends passes its {@link Redaction}, which hides the values of the secrets
 * resolved for it.
 */
final class AttemptRunner implements TaskHandler {

  private static final Logger LOG = Logger.getLogger(AttemptRunner.class);
  private static final int MAX_MESSAGE = 4_000;
  private static final int MAX_SUMMARY = 500;

  private final StepDescriptor step;
  private final Duration lockDuration;
  private final WorkerServices services;
  private final StepInputReader inputs = new StepInputReader();
  private final CursorInput cursor;

  AttemptRunner(StepDescriptor step, Duration lockDuration, WorkerServices services) {
    this.step = step;
    this.lockDuration = lockDuration;
    this.services = services;
    this.cursor = CursorInput.of(step, services.cursors(), services.syncModes());
  }

  @Override
  public AttemptOutcome attempt(ActivatedTask task, TaskLease lease) {
    Attempt attempt;
    try {
      attempt = begin(task);
    } catch (RuntimeException e) {
      if (!StoreOutage.isUnreachable(e)) {
        throw e;
      }
      return StoreUnavailable.handBack(task, e);
    }
    JobStepContext context =
        new JobStepContext(
            attempt.owner.tenantId(),
            attempt.runId,
            attempt.stepRunId,
            task.elementInstanceKey(),
            services.connections(),
            services.datasets().forRun(attempt.owner.tenantId(), attempt.runId),
            services.history(),
            services.clock(),
            attempt.redaction,
            services.feel());
    try (TimeoutExtender.Watch ignored =
            services.timeoutExtender().watch(lease, lockDuration, context);
        AttemptObservation observed =
            services
                .observer()
                .begin(
                    attempt.owner.tenantId(),
                    attempt.owner.flowId(),
                    attempt.runId,
                    step.id(),
                    task.elementId())) {
      return observed.ended(run(task, attempt, context));
    }
  }

  private Attempt begin(ActivatedTask task) {
    FlowOwners.Owner owner = services.owners().ownerOf(task.processId());
    AttemptStart start =
        services
            .history()
            .startAttempt(
                new RunKey(owner.tenantId(), services.engineId(), task.instanceKey()),
                owner.flowId(),
                task.elementId(),
                task.elementInstanceKey(),
                step.id(),
                task.key(),
                summary(task.variables()),
                services.worker());
    return new Attempt(
        task,
        owner,
        start.runId(),
        start.stepRunId(),
        services
            .secrets()
            .lookUp(
                owner.tenantId(),
                task.variables(),
                services
                    .authoredSecrets()
                    .of(owner.tenantId(), owner.flowId(), task.definitionKey(), task.elementId())));
  }

  private AttemptOutcome run(ActivatedTask task, Attempt attempt, JobStepContext context) {
    String tenantId = attempt.owner.tenantId();
    try {
      Map<String, Object> withCursor =
          cursor.fill(
              task.variables(),
              attempt.runId,
              tenantId,
              attempt.owner.flowId(),
              task.elementId(),
              context.log());
      Map<String, Object> withSecrets =
          attempt.secrets.fillIn(withCursor, step.id(), task.elementId());
      Object input = inputs.read(withSecrets, step, task.elementId());
      Object output = runStep(input, context);
      cursor.stage(output, withCursor, attempt.runId, task.elementId());
      return completed(attempt, input, output, context);
    } catch (InvalidStepInputException e) {
      return attempt.incident(null, e.getMessage(), null);
    } catch (RetryableStepException e) {
      return stopping() ? attempt.handBack() : attempt.retry(e);
    } catch (ReauthRequiredException e) {
      String message = attempt.redaction.apply(e.getMessage());
      services.connections().refused(tenantId, e.connection(), message);
      services
          .events()
          .emit(
              tenantId,
              EventType.CONNECTION_REAUTH_REQUIRED,
              ReauthRequired.noticedByStep(
                  e.connection(), message, attempt.owner.flowId(), attempt.runId.toString()));
      return attempt.incident("REAUTH_REQUIRED", e.getMessage(), null);
    } catch (StepFailure e) {
      return attempt.throwError(e);
    } catch (RuntimeException | Error e) {
      if (stopping()) {
        return attempt.handBack();
      }
      // An Error too (a LinkageError from a stale connector jar, a StackOverflowError): the run
      // must show it. The stack trace is logged as redacted text: the exception's own messages may
      // quote a secret.
      String stackTrace = stackTrace(e);
      LOG.errorf(
          "Step %s failed with an unexpected exception (task %s): %s",
          step.id(), task.key(), attempt.redaction.apply(stackTrace));
      return attempt.incident(
          "UNEXPECTED",
          "Step '"
              + step.id()
              + "' at element '"
              + task.elementId()
              + "' failed unexpectedly: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ". This is a bug; the stack trace is in the run history.",
          stackTrace);
    }
  }

  /** The worker pool is stopping and interrupted this attempt's thread. */
  private static boolean stopping() {
    return Thread.currentThread().isInterrupted();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object runStep(Object input, JobStepContext context) {
    return ((Step) step.step()).run(input, context);
  }

  private AttemptOutcome completed(
      Attempt attempt, Object input, Object output, JobStepContext context) {
    StepLedger.Entry ledgerEntry = null;
    if (LedgerMeasurement.isOn()) {
      ledgerEntry =
          services
              .ledger()
              .entry(
                  attempt.runId,
                  attempt.stepRunId,
                  attempt.task.elementId(),
                  attempt.task.elementInstanceKey(),
                  step.id(),
                  input,
                  output,
                  context.account());
      RunLedger.Verdict balance = services.runLedger().verdictAt(ledgerEntry);
      if (!balance.balanced()) {
        return attempt.unbalanced(ledgerEntry, input, balance.reason());
      }
    }
    AttemptObservation.current()
        .completed(input, output, RecordCounts.in(input), RecordCounts.out(output));
    String resultVariable =
        attempt
            .task
            .headers()
            .getOrDefault(
                ElementTemplateGenerator.RESULT_VARIABLE_HEADER,
                ElementTemplateGenerator.defaultResultVariable(step.id()));
    // An output that echoes a secret gets its reference back, which the next step that reads it
    // resolves again.
    Map<String, Object> result =
        resultVariable.isBlank() || output == null
            ? Map.of()
            : Map.of(
                resultVariable,
                attempt.redaction.applyToValues(Json.mapper().convertValue(output, Object.class)));
    return new AttemptOutcome.Completed(
        result,
        new StepCompletion(
            services.history(),
            step.id(),
            attempt.stepRunId,
            RecordCounts.in(input),
            RecordCounts.out(output),
            attempt.redaction.apply(summary(output)),
            services.ledger(),
            ledgerEntry));
  }

  private static String summary(Object value) {
    try {
      String json = Json.mapper().writeValueAsString(value);
      return json.length() <= MAX_SUMMARY ? json : json.substring(0, MAX_SUMMARY) + "…";
    } catch (Exception e) {
      return String.valueOf(value);
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /**
   * One attempt, recorded in the history, and the ways it can end; every text it stores or sends is
   * redacted.
   */
  private final class Attempt {
    private final ActivatedTask task;
    private final FlowOwners.Owner owner;
    private final UUID runId;
    private final UUID stepRunId;
    private final ResolvedSecrets secrets;
    private final Redaction redaction;

    Attempt(
        ActivatedTask task,
        FlowOwners.Owner owner,
        UUID runId,
        UUID stepRunId,
        ResolvedSecrets secrets) {
      this.task = task;
      this.owner = owner;
      this.runId = runId;
      this.stepRunId = stepRunId;
      this.secrets = secrets;
      this.redaction = secrets.redaction();
    }

    /**
     * A message as it may be stored and sent: no secret in it, and at most {@value #MAX_MESSAGE}
     * characters (cut after the redaction, so no part of a secret is left at the cut). Applied once
     * to each text, to the text as written.
     */
    private String bounded(String message) {
      String redacted = redaction.apply(message);
      return redacted.length() <= MAX_MESSAGE ? redacted : redacted.substring(0, MAX_MESSAGE) + "…";
    }

    AttemptOutcome retry(RetryableStepException e) {
      int retriesLeft = task.retries() - 1;
      if (retriesLeft <= 0) {
        return incident(
            "RETRIES_EXHAUSTED",
            e.getMessage() + " (no retries left: fix the cause, then retry the run)",
            null);
      }
      int failedAttempt = services.history().attemptOf(stepRunId);
      Duration backoff = e.retryAfter().orElseGet(() -> services.backoff().after(failedAttempt));
      String message =
          bounded(
              e.getMessage()
                  + " (retrying in "
                  + backoff.toMillis()
                  + " ms, "
                  + retriesLeft
                  + " retries left)");
      services
          .history()
          .failStep(runId, stepRunId, StepStatus.RETRYING, "RETRYABLE", message, null);
      return new AttemptOutcome.RetryLater(retriesLeft, backoff, message);
    }

    /**
     * Millflow is stopping and interrupted the step: no fault of the step, so no retry is spent;
     * the task goes back to the engine at once, for the next instance to take.
     */
    AttemptOutcome handBack() {
      Thread.interrupted(); // what is left to do (the history, the engine's command) must not fail
      services
          .history()
          .failStep(
              runId,
              stepRunId,
              StepStatus.RETRYING,
              "STOPPED",
              "Millflow stopped during this attempt; the task is handed out again, its retries untouched",
              null);
      LOG.infof("Task %s (%s) handed back: Millflow is stopping", task.key(), task.type());
      return new AttemptOutcome.HandBack(Duration.ZERO);
    }

    AttemptOutcome incident(String code, String message, String detail) {
      String bounded = bounded(message);
      services
          .history()
          .failStep(runId, stepRunId, StepStatus.FAILED, code, bounded, redaction.apply(detail));
      emitFailure(code, bounded);
      return new AttemptOutcome.Incident(code, bounded);
    }

    /**
     * A sink wrote, but the path that ends at it does not balance: the run stops at this task's
     * incident, so the cursors stay and a retry after a fix runs the sink again. The attempt's
     * ledger row is kept, so the run shows the path that does not balance.
     */
    AttemptOutcome unbalanced(StepLedger.Entry ledgerEntry, Object input, String gap) {
      services.ledger().save(ledgerEntry);
      String entities =
          HeldDatasets.of(input).stream()
              .map(DatasetRef::entity)
              .distinct()
              .collect(Collectors.joining(", "));
      return incident(
          "LEDGER_UNBALANCED",
          "Step '"
              + step.id()
              + "' at element '"
              + task.elementId()
              + "' ("
              + (entities.isEmpty() ? "no dataset" : entities)
              + "): "
              + gap
              + " Fix what lost the records, then retry the run.",
          null);
    }

    /**
     * A BPMN error a flow catches is thrown; one nothing catches stops the run at an incident, in
     * every engine.
     */
    AttemptOutcome throwError(StepFailure e) {
      String message = bounded(e.getMessage());
      if (services
          .errorCatchers()
          .caught(owner.tenantId(), owner.flowId(), task.elementId(), e.code())) {
        services
            .history()
            .failStep(runId, stepRunId, StepStatus.ERROR_THROWN, e.code(), message, null);
        return new AttemptOutcome.BpmnError(e.code(), message);
      }
      String uncaught =
          bounded(
              "Step '"
                  + step.id()
                  + "' at element '"
                  + task.elementId()
                  + "' failed with error "
                  + e.code()
                  + " and no error event catches it: "
                  + e.getMessage());
      services.history().failStep(runId, stepRunId, StepStatus.FAILED, e.code(), uncaught, null);
      emitFailure(e.code(), message);
      return new AttemptOutcome.Incident(e.code(), uncaught);
    }

    /** Tells subscribers a run stopped at an incident. */
    private void emitFailure(String code, String message) {
      Map<String, Object> data =
          RunEvents.failed(
              runId.toString(),
              owner.flowId(),
              task.instanceKey(),
              task.elementId(),
              services
                  .elementNames()
                  .of(owner.tenantId(), owner.flowId(), task.definitionKey(), task.elementId())
                  .orElse(step.type().name()),
              step.id(),
              code == null ? "INVALID_INPUT" : code,
              message);
      services.events().emit(owner.tenantId(), EventType.FLOW_INCIDENT, data);
      services.events().emit(owner.tenantId(), EventType.SYNC_FAILED, data);
    }
  }
}
