package io.millflow.engine.flow;

import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.RunInputs;
import io.millflow.engine.history.RunKey;
import io.millflow.engine.observe.RunTraces;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StateStore;
import io.millflow.engine.store.StoreOutage;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** Lists flows, hands out their BPMN, and starts runs. */
@Singleton
public class FlowService {

  /** How long a started instance's run is tried to be recorded while the store is unreachable. */
  private static final Duration RECORD_START_WITHIN = Duration.ofSeconds(20);

  private final Jdbi jdbi;
  private final ProcessEngine engine;
  private final RunHistory history;
  private final FlowOwners owners;
  private final RunTraces traces;
  private final RunInputs inputs;

  public FlowService(
      StateStore store,
      ProcessEngine engine,
      RunHistory history,
      FlowOwners owners,
      RunTraces traces,
      RunInputs inputs) {
    this.traces = traces;
    this.inputs = inputs;
    this.jdbi = store.jdbi();
    this.engine = engine;
    this.history = history;
    this.owners = owners;
  }

  public List<FlowSummary> list(String tenantId) {
    Map<String, java.time.Instant> disabled =
        jdbi.withHandle(
            h ->
                h
                    .createQuery(
                        "select flow_id, disabled_at from disabled_flow where tenant_id = :tenant")
                    .bind("tenant", tenantId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                    .stream()
                    .collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        """
            select distinct on (id) id, name, version, origin, deployed_at from flow
            where tenant_id = :tenant order by id, version desc""")
                    .bind("tenant", tenantId)
                    .mapTo(DeployedFlow.class)
                    .list())
        .stream()
        .map(
            flow -> {
              Optional<FlowRun> last = history.lastRun(tenantId, flow.id());
              return new FlowSummary(
                  flow.id(),
                  flow.name(),
                  flow.version(),
                  flow.origin(),
                  flow.deployedAt(),
                  last.map(FlowRun::status).orElse(null),
                  last.map(FlowRun::startedAt).orElse(null),
                  disabled.get(flow.id()));
            })
        .toList();
  }

  /** The BPMN of the latest version, as it was deployed (without the listener Millflow adds). */
  public Optional<String> latestBpmn(String tenantId, String flowId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select bpmn from flow where tenant_id = :tenant and id = :id order by version desc limit 1")
                .bind("tenant", tenantId)
                .bind("id", flowId)
                .mapTo(String.class)
                .findOne());
  }

  /** Whether the tenant has deployed a flow of this id (any version). */
  public boolean exists(String tenantId, String flowId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select exists (select 1 from flow where tenant_id = :tenant and id = :id)")
                .bind("tenant", tenantId)
                .bind("id", flowId)
                .mapTo(Boolean.class)
                .one());
  }

  /** The latest version of a flow (null: none), and since when it is disabled (null: it is not). */
  private record Latest(Integer version, java.time.Instant disabledAt) {}

  /** Since when the flow is disabled; empty when it is not (or the tenant has no such flow). */
  public Optional<java.time.Instant> disabledSince(String tenantId, String flowId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select disabled_at from disabled_flow where tenant_id = :tenant and flow_id = :id")
                .bind("tenant", tenantId)
                .bind("id", flowId)
                .mapTo(java.time.Instant.class)
                .findOne());
  }

  /** A tenant's flow as stored. */
  public record StoredFlow(String tenantId, String bpmn) {}

  /**
   * Latest stored BPMN of every flow deployed through the API, to redeploy to an engine that forgot
   * them.
   */
  public List<StoredFlow> latestApiFlows() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select tenant_id, bpmn from (select distinct on (tenant_id, id) tenant_id, id, origin, bpmn from flow
                              order by tenant_id, id, version desc) latest where origin = 'api'""")
                .map((rs, ctx) -> new StoredFlow(rs.getString("tenant_id"), rs.getString("bpmn")))
                .list());
  }

  /**
   * Starts the latest version of a flow with the given variables and records the run.
   *
   * @param startedBy who starts it, as the run history shows it ({@code token:<name>})
   * @return the run, or empty when the tenant has no such flow
   */
  public Optional<FlowRun> start(
      String tenantId, String flowId, Map<String, Object> variables, String startedBy) {
    return startLatest(tenantId, flowId, variables, null, startedBy, null);
  }

  /**
   * As {@link #start(String, String, Map, String)}, with the run's business key (what the run is
   * about to its starter, such as an order number; null for none), by which the runs list finds it.
   */
  public Optional<FlowRun> startKeyed(
      String tenantId,
      String flowId,
      Map<String, Object> variables,
      String startedBy,
      String businessKey) {
    return startLatest(tenantId, flowId, variables, null, startedBy, businessKey);
  }

  /**
   * Starts the flow at most once for {@code startKey} (see {@link ProcessEngine#startOnce}): a
   * webhook dispatched again after a crash between the start and its record finds the run it
   * started. The run's business key is {@code businessKey} (a webhook's event id).
   */
  public Optional<FlowRun> startOnce(
      String tenantId,
      String flowId,
      Map<String, Object> variables,
      String startKey,
      String startedBy,
      String businessKey) {
    return startLatest(tenantId, flowId, variables, startKey, startedBy, businessKey);
  }

  private Optional<FlowRun> startLatest(
      String tenantId,
      String flowId,
      Map<String, Object> variables,
      String startKey,
      String startedBy,
      String businessKey) {
    Latest latest =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        select (select max(version) from flow where tenant_id = :tenant and id = :id),
                          (select disabled_at from disabled_flow where tenant_id = :tenant and flow_id = :id)""")
                    .bind("tenant", tenantId)
                    .bind("id", flowId)
                    .map(
                        (rs, ctx) ->
                            new Latest(
                                (Integer) rs.getObject(1),
                                rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                    .one());
    Optional<Integer> version = Optional.ofNullable(latest.version());
    if (version.isEmpty()) {
      return Optional.empty();
    }
    if (latest.disabledAt() != null) {
      throw new FlowDisabledException(flowId, latest.disabledAt());
    }
    String processId = owners.processId(tenantId, flowId);
    // The instance runs once started, whatever happens to its record: a caller that sees the
    // record fail starts it again, so hold on. Its first task waits for the record (the engine
    // holds it), so the first attempt finds the run, its version and its trace.
    Function<String, Optional<FlowRun>> record =
        instanceKey ->
            StoreOutage.persistently(
                "recording the start of flow " + flowId,
                RECORD_START_WITHIN,
                () ->
                    // one transaction: the store's statements on this thread share its handle
                    jdbi.inTransaction(
                        h -> {
                          UUID runId =
                              history.ensureRun(
                                  new RunKey(tenantId, engine.engineId(), instanceKey),
                                  flowId,
                                  version.get(),
                                  startedBy);
                          history.keyRun(runId, businessKey);
                          traces.started(runId, flowId);
                          inputs.keep(runId, variables);
                          return history.run(tenantId, runId);
                        }));
    return startKey == null
        ? engine.start(processId, variables, record)
        : engine.startOnce(processId, variables, startKey, record);
  }
}
