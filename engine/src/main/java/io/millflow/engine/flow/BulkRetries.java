package io.millflow.engine.flow;

import io.millflow.engine.access.AuditLog;
import io.millflow.engine.access.Caller;
import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.IncidentGroups;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Retries many runs at an incident at once, each on the version it started on, as a single retry
 * does: a run that cannot be retried any more (it went on, or was cancelled, meanwhile) is refused
 * with the reason and the others go on. Each run's retry is written to the audit log as a single
 * retry is ({@code run.retry}, the run's retry path, 200 or 409).
 */
@Singleton
public class BulkRetries {

  /** The most runs one bulk retry takes. */
  public static final int MOST_RUNS = 500;

  private static final Logger LOG = Logger.getLogger(BulkRetries.class);

  /** What happened to one run: {@code retried} (on {@code flowVersion}) or {@code refused}. */
  public record RunRetryOutcome(UUID runId, String outcome, Integer flowVersion, String reason) {

    static RunRetryOutcome retried(FlowRun run) {
      return new RunRetryOutcome(run.id(), "retried", run.flowVersion(), null);
    }

    static RunRetryOutcome refused(UUID runId, String reason) {
      return new RunRetryOutcome(runId, "refused", null, reason);
    }
  }

  /** The outcome of every run asked for, in the order asked, and how many of each. */
  public record BulkRetryOutcome(int retried, int refused, List<RunRetryOutcome> runs) {}

  private final RunRetries retries;
  private final IncidentGroups groups;
  private final AuditLog audit;

  public BulkRetries(RunRetries retries, IncidentGroups groups, AuditLog audit) {
    this.retries = retries;
    this.groups = groups;
    this.audit = audit;
  }

  /** Retries the runs of the group with this key (at most {@link #MOST_RUNS}, oldest first). */
  public BulkRetryOutcome retryGroup(Caller caller, String groupKey) {
    return retry(caller, groups.runsOf(caller.tenantId(), groupKey, MOST_RUNS));
  }

  /** Retries these runs of the caller's tenant; at most {@link #MOST_RUNS}. */
  public BulkRetryOutcome retry(Caller caller, List<UUID> runIds) {
    if (runIds.size() > MOST_RUNS) {
      throw new IllegalArgumentException(
          "A bulk retry takes at most " + MOST_RUNS + " runs, not " + runIds.size());
    }
    List<RunRetryOutcome> outcomes = new ArrayList<>(runIds.size());
    for (UUID runId : runIds.stream().distinct().toList()) {
      RunRetryOutcome outcome = retryOne(caller.tenantId(), runId);
      audit.record(
          caller,
          "run.retry",
          "/api/runs/" + runId + "/retry",
          "retried".equals(outcome.outcome()) ? 200 : 409);
      outcomes.add(outcome);
    }
    int retried = (int) outcomes.stream().filter(o -> "retried".equals(o.outcome())).count();
    return new BulkRetryOutcome(retried, outcomes.size() - retried, outcomes);
  }

  private RunRetryOutcome retryOne(String tenantId, UUID runId) {
    try {
      Optional<FlowRun> run = retries.retry(tenantId, runId, RunRetries.RetryTarget.SAME_VERSION);
      return run.map(RunRetryOutcome::retried)
          .orElseGet(() -> RunRetryOutcome.refused(runId, "No run with id '" + runId + "'"));
    } catch (RunConflictException e) {
      return RunRetryOutcome.refused(runId, e.getMessage());
    } catch (RuntimeException e) {
      // one run the engine failed on does not stop the others; the reason names it
      LOG.warnf(e, "Bulk retry: run %s could not be retried", runId);
      return RunRetryOutcome.refused(runId, "The engine could not retry it: " + e.getMessage());
    }
  }
}
