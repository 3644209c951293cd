package io.millflow.engine.observe;

import io.millflow.engine.port.AttemptOutcome;
import io.millflow.step.ReadResult;
import io.millflow.step.WriteResult;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.UUID;

/**
 * One step attempt as operators see it: a span (a child of its run's), the run id, flow id and step
 * type in the log context while it runs, and, when it ends, its duration and outcome, and the
 * records it read or wrote, as meters. Opened and closed on the thread that runs the attempt.
 */
public final class AttemptObservation implements AutoCloseable {

  /** Who the attempt belongs to. */
  record Subject(String tenantId, String flowId, UUID runId, String stepType, String elementId) {}

  private static final ThreadLocal<AttemptObservation> CURRENT = new ThreadLocal<>();

  private final AttemptObserver observer;
  private final Subject subject;
  private final long startedNanos = System.nanoTime();
  private final LogContext.Restore logContext;
  private final Span span;
  private final Scope scope;

  AttemptObservation(AttemptObserver observer, Subject subject) {
    this.observer = observer;
    this.subject = subject;
    this.logContext =
        LogContext.attempt(subject.runId().toString(), subject.flowId(), subject.stepType());
    if (observer.tracing().on()) {
      this.span =
          observer
              .tracing()
              .tracer()
              .spanBuilder("step " + subject.stepType())
              .setParent(observer.traces().contextOf(subject.runId(), subject.flowId()))
              .setAttribute("millflow.step_type", subject.stepType())
              .setAttribute("millflow.element_id", subject.elementId())
              .setAttribute("millflow.flow_id", subject.flowId())
              .setAttribute("millflow.run_id", subject.runId().toString())
              .startSpan();
      this.scope =
          HttpSpans.recordingIn(Context.current().with(span), observer.tracing().tracer())
              .makeCurrent();
    } else {
      this.span = Span.getInvalid();
      this.scope = Scope.noop();
    }
    CURRENT.set(this);
  }

  /** The attempt observed on this thread. */
  public static AttemptObservation current() {
    AttemptObservation current = CURRENT.get();
    if (current == null) {
      throw new IllegalStateException("No step attempt is observed on this thread");
    }
    return current;
  }

  /**
   * The step returned: counts the records it read or wrote, through the connection its input names.
   */
  public void completed(Object input, Object output, Long recordsIn, Long recordsOut) {
    if (recordsIn != null) {
      span.setAttribute("millflow.records_in", recordsIn);
    }
    if (recordsOut != null) {
      span.setAttribute("millflow.records_out", recordsOut);
    }
    String connection = ConnectionOfInput.name(input);
    switch (output) {
      case ReadResult read when read.records() != null ->
          observer
              .metrics()
              .records(
                  subject.tenantId(),
                  subject.stepType(),
                  connection,
                  "read",
                  read.records().count());
      case WriteResult write ->
          observer
              .metrics()
              .records(
                  subject.tenantId(), subject.stepType(), connection, "written", write.total());
      case null, default -> {}
    }
  }

  /** How the attempt ended; returned unchanged. */
  public AttemptOutcome ended(AttemptOutcome outcome) {
    String name =
        switch (outcome) {
          case AttemptOutcome.Completed c -> "completed";
          case AttemptOutcome.RetryLater r -> "retry";
          case AttemptOutcome.Incident i -> "incident";
          case AttemptOutcome.BpmnError e -> "bpmn_error";
          case AttemptOutcome.HandBack h -> "handed_back";
        };
    span.setAttribute("millflow.outcome", name);
    if (outcome instanceof AttemptOutcome.Incident incident) {
      span.setStatus(StatusCode.ERROR, incident.code() == null ? "incident" : incident.code());
      observer.runs().ended(subject.tenantId(), subject.flowId(), subject.runId(), "incident");
    }
    observer
        .metrics()
        .attemptEnded(
            subject.tenantId(),
            subject.stepType(),
            name,
            Duration.ofNanos(System.nanoTime() - startedNanos));
    return outcome;
  }

  @Override
  public void close() {
    CURRENT.remove();
    scope.close();
    span.end();
    logContext.close();
  }
}
