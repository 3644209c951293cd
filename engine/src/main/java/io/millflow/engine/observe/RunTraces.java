package io.millflow.engine.observe;

import io.millflow.engine.store.StateStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * One trace per run. A run's attempts run at different times, on any instance, so the run's trace
 * context is stored with the run ({@code flow_run.trace_parent}): the first to need it (the request
 * or webhook that started the run, or the first attempt of a run a timer or message started) opens
 * a short {@code run} span in the context it runs in and stores its {@code traceparent}; every
 * attempt's span is then a child of it. Nothing is read or written while tracing is off.
 */
@Singleton
public class RunTraces {

  private static final int CACHED_RUNS = 10_000;

  private final Tracing tracing;
  private final Jdbi jdbi;
  private final Map<UUID, String> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
          return size() > CACHED_RUNS;
        }
      };

  public RunTraces(Tracing tracing, StateStore store) {
    this.tracing = tracing;
    this.jdbi = store.jdbi();
  }

  /**
   * Ties a run to the current context (a webhook's {@code traceparent}, continued by the
   * dispatcher), when it has no trace yet; called where runs are started.
   */
  public void started(UUID runId, String flowId) {
    if (tracing.on()) {
      contextOf(runId, flowId);
    }
  }

  /** The run's trace context, opened now under the current context when the run has none yet. */
  Context contextOf(UUID runId, String flowId) {
    if (!tracing.on()) {
      return Context.root();
    }
    String traceparent;
    synchronized (cache) {
      traceparent = cache.get(runId);
    }
    if (traceparent == null) {
      traceparent = stored(runId, flowId);
      synchronized (cache) {
        cache.put(runId, traceparent);
      }
    }
    return Tracing.continued(traceparent);
  }

  private String stored(UUID runId, String flowId) {
    String existing =
        jdbi.withHandle(
            h ->
                h.createQuery("select trace_parent from flow_run where id = :id")
                    .bind("id", runId)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
    if (existing != null) {
      return existing;
    }
    Span run =
        tracing
            .tracer()
            .spanBuilder("run " + flowId)
            .setParent(Context.current())
            .setAttribute("millflow.flow_id", flowId)
            .setAttribute("millflow.run_id", runId.toString())
            .startSpan();
    run.end();
    String opened = Tracing.traceparent(Context.current().with(run)).orElseThrow();
    // Two instances may open one at once: the first stored wins, and both go on with it.
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "update flow_run set trace_parent = coalesce(trace_parent, :tp) where id = :id returning trace_parent")
                .bind("tp", opened)
                .bind("id", runId)
                .mapTo(String.class)
                .findOne()
                .orElse(opened));
  }
}
