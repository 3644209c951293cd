package io.millflow.engine.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.millflow.engine.events.EventType;
import io.millflow.engine.flow.FlowOwners;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.RunKey;
import io.millflow.engine.history.StepStatus;
import io.millflow.engine.store.StoreOutage;
import io.millflow.step.Json;
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
import org.jboss.logging.Logger;

/**
 * The one adapter between Zeebe jobs and a step: variables to typed input, run, and the result or the failure back to
 * Zeebe, each attempt recorded in the run history. This is the only place the error model is mapped to Zeebe.
 */
final class StepJobHandler implements JobHandler {

  private static final Logger LOG = Logger.getLogger(StepJobHandler.class);
  private static final int MAX_MESSAGE = 4_000;
  private static final int MAX_SUMMARY = 500;
  private static final Duration RECORD_WITHIN = Duration.ofSeconds(30);

  private final StepDescriptor step;
  private final Duration timeout;
  private final WorkerServices services;
  private final StepInputReader inputs = new StepInputReader();
  private final CursorInput cursor;

  StepJobHandler(StepDescriptor step, Duration timeout, WorkerServices services) {
    this.step = step;
    this.timeout = timeout;
    this.services = services;
    this.cursor = CursorInput.of(step, services.cursors());
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    FlowOwners.Owner owner;
    String tenantId;
    UUID runId;
    UUID stepRunId;
    try {
      owner = services.owners().ownerOf(job.getBpmnProcessId());
      tenantId = owner.tenantId();
      runId = services.history().ensureRun(new RunKey(tenantId, services.engineId(), job.getProcessInstanceKey()),
          owner.flowId(), null, false);
      stepRunId = services.history().startStep(runId, job.getElementId(), job.getElementInstanceKey(), step.id(),
          job.getKey(), summary(variables), services.worker());
    } catch (RuntimeException e) {
      if (!StoreOutage.isUnreachable(e)) {
        throw e;
      }
      StoreUnavailable.handBack(services.timeoutExtender(), job, e);
      return;
    }
    JobStepContext context = new JobStepContext(tenantId, runId, stepRunId, job.getElementInstanceKey(),
        services.connections(),
        services.datasets().forRun(tenantId, runId), services.history(), services.clock());
    Attempt attempt = new Attempt(client, job, owner, runId, stepRunId);
    try (TimeoutExtender.Watch ignored = services.timeoutExtender().watch(job, timeout, context)) {
      Map<String, Object> withCursor = cursor.fill(variables, tenantId, owner.flowId(), job.getElementId(), context.log());
      Map<String, Object> withSecrets = services.secrets().resolve(tenantId, withCursor, step.id(), job.getElementId());
      Object input = inputs.read(withSecrets, step, job.getElementId());
      Object output = run(input, context);
      cursor.stage(output, withCursor, runId, job.getElementId());
      complete(attempt, input, output);
    } catch (InvalidStepInputException e) {
      attempt.incident(null, e.getMessage(), null);
    } catch (RetryableStepException e) {
      attempt.retry(e);
    } catch (ReauthRequiredException e) {
      services.connections().refused(tenantId, e.connection(), e.getMessage());
      services.events().emit(tenantId, EventType.CONNECTION_REAUTH_REQUIRED, Map.of("connection", e.connection(),
          "message", e.getMessage(), "flowId", owner.flowId(), "runId", runId.toString()));
      attempt.incident("REAUTH_REQUIRED", e.getMessage(), null);
    } catch (StepFailure e) {
      attempt.throwError(e);
    } catch (ZeebeCommandFailed e) {
      LOG.errorf(e.getCause(), "Zeebe did not take the outcome of job %d (step %s); Zeebe will hand the job out again after its timeout",
          job.getKey(), step.id());
    } catch (RuntimeException | Error e) {
      // An Error too (a LinkageError from a stale connector jar, a StackOverflowError): the run must show it.
      LOG.errorf(e, "Step %s failed with an unexpected exception (job %d)", step.id(), job.getKey());
      attempt.incident("UNEXPECTED", "Step '" + step.id() + "' at element '" + job.getElementId() + "' failed unexpectedly: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + ". This is a bug; the stack trace is in the run history.", stackTrace(e));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object run(Object input, JobStepContext context) {
    return ((Step) step.step()).run(input, context);
  }

  private void complete(Attempt attempt, Object input, Object output) {
    String resultVariable = attempt.job.getCustomHeaders().getOrDefault(ElementTemplateGenerator.RESULT_VARIABLE_HEADER,
        ElementTemplateGenerator.defaultResultVariable(step.id()));
    Map<String, Object> result = resultVariable.isBlank() || output == null
        ? Map.of() : Map.of(resultVariable, Json.mapper().convertValue(output, Object.class));
    ZeebeCommandFailed.guard(() -> attempt.client.newCompleteCommand(attempt.job).variables(result).send().join());
    // Zeebe has moved on: the attempt's record must outlast a short outage, or it shows running for ever.
    StoreOutage.persistently("recording the end of step " + step.id(), RECORD_WITHIN, () -> {
      services.history().completeStep(attempt.stepRunId, RecordCounts.in(input), RecordCounts.out(output),
          summary(output));
      return null;
    });
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

  private static String bounded(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
  }

  /** Tells subscribers a run stopped at an incident. */
  private void emitFailure(ActivatedJob job, FlowOwners.Owner owner, UUID runId, String code, String message) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("runId", runId.toString());
    data.put("flowId", owner.flowId());
    data.put("elementId", job.getElementId());
    data.put("stepType", step.id());
    data.put("errorCode", code == null ? "INVALID_INPUT" : code);
    data.put("error", message);
    services.events().emit(owner.tenantId(), EventType.FLOW_INCIDENT, data);
    services.events().emit(owner.tenantId(), EventType.SYNC_FAILED, data);
  }

  /** One job activation and the ways it can end. */
  private final class Attempt {
    private final JobClient client;
    private final ActivatedJob job;
    private final FlowOwners.Owner owner;
    private final UUID runId;
    private final UUID stepRunId;

    Attempt(JobClient client, ActivatedJob job, FlowOwners.Owner owner, UUID runId, UUID stepRunId) {
      this.client = client;
      this.job = job;
      this.owner = owner;
      this.runId = runId;
      this.stepRunId = stepRunId;
    }

    void retry(RetryableStepException e) {
      int retriesLeft = job.getRetries() - 1;
      if (retriesLeft <= 0) {
        incident("RETRIES_EXHAUSTED", e.getMessage() + " (no retries left: fix the cause, then retry the run)", null);
        return;
      }
      int failedAttempt = services.history().attemptOf(stepRunId);
      Duration backoff = e.retryAfter().orElseGet(() -> services.backoff().after(failedAttempt));
      String message = bounded(e.getMessage() + " (retrying in " + backoff.toMillis() + " ms, " + retriesLeft + " retries left)");
      services.history().failStep(runId, stepRunId, StepStatus.RETRYING, "RETRYABLE", message, null);
      services.retryDelay().failAfter(client, job, retriesLeft, backoff, message);
    }

    void incident(String code, String message, String detail) {
      String bounded = bounded(message);
      services.history().failStep(runId, stepRunId, StepStatus.FAILED, code, bounded, detail);
      emitFailure(job, owner, runId, code, bounded);
      ZeebeCommandFailed.guard(() -> client.newFailCommand(job).retries(0).errorMessage(bounded).send().join());
    }

    void throwError(StepFailure e) {
      String message = bounded(e.getMessage());
      services.history().failStep(runId, stepRunId, StepStatus.ERROR_THROWN, e.code(), message, null);
      ZeebeCommandFailed.guard(() -> client.newThrowErrorCommand(job).errorCode(e.code()).errorMessage(message).send().join());
      if (!services.errorCatchers().caught(owner.tenantId(), owner.flowId(), job.getElementId(), e.code())) {
        services.history().markIncident(runId, "Step '" + step.id() + "' at element '" + job.getElementId()
            + "' failed with error " + e.code() + " and no error event catches it: " + message);
        emitFailure(job, owner, runId, e.code(), message);
      }
    }
  }
}
