package io.millflow.engine.history;

import io.millflow.engine.observe.RunLog;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Batches;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** Writes and reads the run history: runs, step attempts and their log lines. */
@Singleton
public class RunHistory {

  /** The columns of flow_run that make a {@link FlowRun}, in its order (RunList reads them too). */
  static final String RUN_COLUMNS =
      "id, flow_id, flow_version, status, started_by, started_at, ended_at, error, process_instance_key,"
          + " incident_at, business_key";

  private static final String STEP_COLUMNS =
      "id, element_id, step_type, job_key, attempt, status, started_at, ended_at, "
          + "records_in, records_out, progress_done, progress_total, batch_unit, batches_done, batches_total, "
          + "input_summary, output_summary, error_code, error, worker";

  private final Jdbi jdbi;
  private final RunLog runs;

  @Inject
  public RunHistory(StateStore store, RunLog runs) {
    this(store.jdbi(), runs);
  }

  RunHistory(Jdbi jdbi, RunLog runs) {
    this.jdbi = jdbi;
    this.runs = runs;
    jdbi.registerRowMapper(ConstructorMapper.factory(FlowRun.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(StepRun.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(StepLogLine.class));
  }

  /** What started a run the engine started itself: a timer (schedule) or message start event. */
  public static final String ENGINE_STARTED = "engine";

  /**
   * A {@code from} item that makes its statement's own transaction commit without waiting for the
   * write-ahead log to reach the disk ({@code synchronous_commit} off for that transaction alone,
   * as {@code set local} would, in the same round trip).
   */
  private static final String NOT_WAITING_FOR_THE_DISK =
      "(select set_config('synchronous_commit', 'off', true)) as not_waiting_for_the_disk";

  private static final String RECORDED_RUN =
      "select id from flow_run where engine_id = :engine and process_instance_key = :instance";

  /**
   * The run of a process instance, created on first sight. Both the starters (the API, a webhook's
   * route) and the workers (which see instances started by timers and messages) call this; whoever
   * comes first creates the row. A run that exists is only written again when its starter claims a
   * run a worker reported first (an instance's first task can run before its start is recorded):
   * the starter and the flow's version are the starter's.
   *
   * @param startedBy who started it: {@code token:<name>}, {@code trigger:<name>}; null when only
   *     the engine knows ({@link #ENGINE_STARTED})
   */
  public UUID ensureRun(RunKey key, String flowId, Integer flowVersion, String startedBy) {
    return jdbi.withHandle(h -> ensureRun(h, key, flowId, flowVersion, startedBy));
  }

  private UUID ensureRun(
      Handle h, RunKey key, String flowId, Integer flowVersion, String startedBy) {
    if (flowVersion == null && startedBy == null) {
      // the engine's word (a run's end) changes nothing of a recorded run: found, not written
      Optional<UUID> recorded = recordedRun(h, key);
      if (recorded.isPresent()) {
        return recorded.get();
      }
    }
    UUID id = UUID.randomUUID();
    UUID runId =
        h.createQuery(
                """
            insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, flow_version, status, started_by)
            values (:id, :tenant, :engine, :instance, :flow, :version, 'running', :startedBy)
            on conflict (engine_id, process_instance_key) do update set
              started_by = case when flow_run.started_by = 'engine' then excluded.started_by
                                else flow_run.started_by end,
              flow_version = coalesce(flow_run.flow_version, excluded.flow_version)
              where (excluded.started_by <> 'engine' and flow_run.started_by = 'engine')
                 or (flow_run.flow_version is null and excluded.flow_version is not null)
            returning id""")
            .bind("id", id)
            .bind("tenant", key.tenantId())
            .bind("engine", key.engineId())
            .bind("instance", key.processInstanceKey())
            .bind("flow", flowId)
            .bind("version", flowVersion)
            .bind("startedBy", startedBy == null ? ENGINE_STARTED : startedBy)
            .mapTo(UUID.class)
            .findOne()
            // the run existed and is left as it is; read in a statement of its own, which sees a
            // row committed meanwhile
            .orElseGet(() -> recordedRun(h, key).orElseThrow());
    if (runId.equals(id)) { // created now, not found
      runs.started(key.tenantId(), flowId, runId);
    }
    return runId;
  }

  private static Optional<UUID> recordedRun(Handle h, RunKey key) {
    return h.createQuery(RECORDED_RUN)
        .bind("engine", key.engineId())
        .bind("instance", key.processInstanceKey())
        .mapTo(UUID.class)
        .findOne();
  }

  /**
   * The start of a step attempt, atomically: the run of its instance (created on first sight, as
   * {@link #ensureRun}), the run back from an incident, an attempt at the same task still open
   * abandoned, and the attempt's row. A run already recorded (the common case: its starter or an
   * earlier attempt did) takes one statement and no transaction of its own; a run seen first here
   * takes a transaction of several.
   */
  public AttemptStart startAttempt(
      RunKey key,
      String flowId,
      String elementId,
      String elementInstanceKey,
      String stepType,
      String jobKey,
      String inputSummary,
      String worker) {
    AttemptRow attempt =
        new AttemptRow(
            UUID.randomUUID(),
            elementId,
            elementInstanceKey,
            stepType,
            jobKey,
            inputSummary,
            worker);
    return jdbi.withHandle(h -> startOnRecordedRun(h, key, attempt))
        .map(runId -> new AttemptStart(runId, attempt.id()))
        .orElseGet(
            () ->
                jdbi.inTransaction(
                    h -> {
                      UUID runId = ensureRun(h, key, flowId, null, null);
                      startStep(h, runId, attempt);
                      return new AttemptStart(runId, attempt.id());
                    }));
  }

  /** A step attempt's row, as {@link #startAttempt} records it. */
  private record AttemptRow(
      UUID id,
      String elementId,
      String elementInstanceKey,
      String stepType,
      String jobKey,
      String inputSummary,
      String worker) {

    /** Binds what {@link #ATTEMPT_START} reads of the attempt. */
    <S extends SqlStatement<S>> S bind(S statement) {
      return statement
          .bind("id", id)
          .bind("element", elementId)
          .bind("elementInstance", elementInstanceKey)
          .bind("type", stepType)
          .bind("job", jobKey)
          .bind("input", inputSummary)
          .bind("worker", worker);
    }
  }

  /**
   * The three writes of an attempt's start on the run {@code run} (a query of one column): the run
   * back from an incident; an attempt at the same task still open abandoned (its worker stopped
   * answering); the attempt's row, numbered after those at the same element instance.
   * Data-modifying {@code with} clauses all run, on one snapshot, whatever the final statement
   * reads.
   */
  private static String attemptStart(String run) {
    return """
        with run as (%s),
        back as (
          update flow_run set status = 'running', error = null, incident_at = null
          where id = (select id from run) and status = 'incident'),
        abandoned as (
          update step_run set status = 'abandoned', ended_at = now(),
            error = 'This attempt on ' || coalesce(worker, 'another worker') || ' did not finish within its lock'
                    || ' (the instance stopped, hung or lost its database); the engine handed the task to '
                    || coalesce(:worker, 'null')
          where run_id = (select id from run) and job_key = :job and status = 'running')
        insert into step_run (id, run_id, element_id, element_instance_key, step_type, job_key, attempt, status,
          input_summary, worker)
        select :id, run.id, :element, :elementInstance, :type, :job,
               (select count(*) + 1 from step_run where run_id = run.id and element_instance_key = :elementInstance),
               'running', :input, :worker
        from run
        returning run_id"""
        .formatted(run);
  }

  private static Optional<UUID> startOnRecordedRun(Handle h, RunKey key, AttemptRow attempt) {
    return attempt
        .bind(h.createQuery(attemptStart(RECORDED_RUN)))
        .bind("engine", key.engineId())
        .bind("instance", key.processInstanceKey())
        .mapTo(UUID.class)
        .findOne();
  }

  private static void startStep(Handle h, UUID runId, AttemptRow attempt) {
    attempt
        .bind(h.createQuery(attemptStart("select cast(:run as uuid) as id")))
        .bind("run", runId)
        .mapTo(UUID.class)
        .one();
  }

  /** The attempt number of a step run (1 for the first). */
  public int attemptOf(UUID stepRunId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select attempt from step_run where id = :id")
                .bind("id", stepRunId)
                .mapTo(Integer.class)
                .one());
  }

  public void completeStep(UUID stepRunId, Long recordsIn, Long recordsOut, String outputSummary) {
    jdbi.useHandle(
        h -> completeStep(h.getConnection(), stepRunId, recordsIn, recordsOut, outputSummary));
  }

  /**
   * Records a completed attempt on this connection, in its transaction (committed by whoever owns
   * it).
   */
  public void completeStep(
      Connection transaction,
      UUID stepRunId,
      Long recordsIn,
      Long recordsOut,
      String outputSummary) {
    try (PreparedStatement update =
        transaction.prepareStatement(
            """
            update step_run set status = 'completed', ended_at = clock_timestamp(), records_in = ?, records_out = ?,
              output_summary = ? where id = ?""")) {
      update.setObject(1, recordsIn);
      update.setObject(2, recordsOut);
      update.setString(3, outputSummary);
      update.setObject(4, stepRunId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not record the end of step attempt " + stepRunId + ": " + e.getMessage(), e);
    }
  }

  /** Records a failed attempt; when it leaves an incident behind, the run shows it too. */
  public void failStep(
      UUID runId,
      UUID stepRunId,
      StepStatus status,
      String errorCode,
      String error,
      String errorDetail) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
              update step_run set status = :status, ended_at = now(), error_code = :code, error = :error,
                error_detail = :detail where id = :id""")
              .bind("status", status.stored())
              .bind("code", errorCode)
              .bind("error", error)
              .bind("detail", errorDetail)
              .bind("id", stepRunId)
              .execute();
          if (status == StepStatus.FAILED) {
            h.createUpdate(
                    "update flow_run set status = 'incident', error = :error, incident_at = now() where id = :run")
                .bind("error", error)
                .bind("run", runId)
                .execute();
          }
        });
  }

  public boolean ranOn(UUID runId, String engineId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select engine_id = :engine from flow_run where id = :id")
                .bind("engine", engineId)
                .bind("id", runId)
                .mapTo(Boolean.class)
                .one());
  }

  /**
   * Records the run's business key, when it has one; a key recorded before stays (a start recorded
   * again after an outage).
   */
  public void keyRun(UUID runId, String businessKey) {
    if (businessKey == null || businessKey.isBlank()) {
      return;
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update flow_run set business_key = :key where id = :run and business_key is null")
                .bind("key", businessKey.strip())
                .bind("run", runId)
                .execute());
  }

  /** The run's incidents were resolved and its failed steps will run again. */
  public void markRetried(UUID runId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update flow_run set status = 'running', error = null, incident_at = null where id = :run and status = 'incident'")
                .bind("run", runId)
                .execute());
  }

  /**
   * As {@link #markRetried}, for a run moved to the latest version of its flow: the run now runs
   * that version.
   */
  public void markRetriedOnLatest(UUID runId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                update flow_run r set status = 'running', error = null, incident_at = null,
                  flow_version = coalesce((select max(f.version) from flow f
                                           where f.tenant_id = r.tenant_id and f.id = r.flow_id), r.flow_version)
                where r.id = :run and r.status = 'incident'""")
                .bind("run", runId)
                .execute());
  }

  /** Undoes a retry's mark when the engine refused the retry: the run is at its incident again. */
  public void restoreIncident(FlowRun before) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                update flow_run set status = 'incident', error = :error, flow_version = :version,
                  incident_at = :incidentAt
                where id = :run and status = 'running'""")
                .bind("error", before.error())
                .bind("version", before.flowVersion())
                .bind("incidentAt", before.incidentAt())
                .bind("run", before.id())
                .execute());
  }

  /** An operator cancelled the run; its open attempts end with it. */
  public void markCancelled(UUID runId, String by) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
              update flow_run set status = 'cancelled', ended_at = now(), error = :reason where id = :run and ended_at is null""")
              .bind("reason", "Cancelled by " + by)
              .bind("run", runId)
              .execute();
          h.createUpdate(
                  """
              update step_run set status = 'abandoned', ended_at = now(), error = 'The run was cancelled'
              where run_id = :run and status in ('running', 'retrying')""")
              .bind("run", runId)
              .execute();
        });
  }

  /**
   * The records done so far (of a total, -1 unknown), and the pages or windows read, or null;
   * committed as a log line is ({@link #log}): the next report or the attempt's end repeats it.
   */
  public void progress(UUID stepRunId, long done, long total, Batches batches) {
    onConnectionOfItsOwn(
        h ->
            h.createUpdate(
                    """
                    update step_run set progress_done = :done, progress_total = :total,
                      batch_unit = :unit, batches_done = :batchesDone, batches_total = :batchesTotal
                    from %s
                    where id = :id"""
                        .formatted(NOT_WAITING_FOR_THE_DISK))
                .bind("done", done)
                .bind("total", total < 0 ? null : total)
                .bind(
                    "unit", batches == null ? null : batches.unit().name().toLowerCase(Locale.ROOT))
                .bind("batchesDone", batches == null ? null : batches.done())
                .bind(
                    "batchesTotal", batches == null || batches.total() < 0 ? null : batches.total())
                .bind("id", stepRunId)
                .execute());
  }

  /**
   * A step's log line. Its commit does not wait for the write-ahead log to reach the disk (as the
   * progress's does not): the line is safe once PostgreSQL flushes it, within a fraction of a
   * second, or with the next commit that waits (the attempt's end), and lost only if PostgreSQL
   * itself or the machine stops in between; a crash of the runtime loses nothing. Records, cursors,
   * the ledger and every status commit durably.
   */
  public void log(UUID stepRunId, String level, String message) {
    onConnectionOfItsOwn(
        h ->
            h.createUpdate(
                    "insert into step_log (step_run_id, level, message) select :id, :level, :message from "
                        + NOT_WAITING_FOR_THE_DISK)
                .bind("id", stepRunId)
                .bind("level", level)
                .bind("message", message)
                .execute());
  }

  /**
   * Runs a statement that commits without waiting for the disk ({@link #NOT_WAITING_FOR_THE_DISK})
   * on a connection of its own, so that its setting never reaches a transaction its caller may hold
   * open on this thread.
   */
  private void onConnectionOfItsOwn(Consumer<Handle> statement) {
    try (Handle h = jdbi.open()) {
      statement.accept(h);
    }
  }

  /**
   * Records the end of a process instance, told by the end listener Millflow adds to every process
   * it deploys.
   */
  public UUID endRun(RunKey key, String flowId, RunStatus status) {
    UUID runId = ensureRun(key, flowId, null, null);
    endRun(runId, status, null);
    return runId;
  }

  /**
   * Records the end of a run found by {@link #ensureRun}, with the reason (the ledger's word on a
   * run that did not balance).
   */
  public void endRun(UUID runId, RunStatus status, String error) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update flow_run set status = :status, ended_at = now(), error = :error where id = :id")
                .bind("status", status.stored())
                .bind("error", error)
                .bind("id", runId)
                .execute());
  }

  /** The tenant's run, without its steps. */
  public Optional<FlowRun> run(String tenantId, UUID runId) {
    return jdbi.withHandle(h -> run(h, tenantId, runId));
  }

  private static Optional<FlowRun> run(Handle h, String tenantId, UUID runId) {
    return h.createQuery(
            "select " + RUN_COLUMNS + " from flow_run where tenant_id = :tenant and id = :id")
        .bind("tenant", tenantId)
        .bind("id", runId)
        .mapTo(FlowRun.class)
        .findOne();
  }

  public Optional<RunDetail> findRun(String tenantId, UUID runId) {
    return jdbi.withHandle(
        h ->
            run(h, tenantId, runId)
                .map(
                    run ->
                        new RunDetail(
                            run,
                            h.createQuery(
                                    "select "
                                        + STEP_COLUMNS
                                        + ", error_detail from step_run where run_id = :run order by started_at, attempt")
                                .bind("run", runId)
                                .map(
                                    (rs, ctx) ->
                                        new RunDetail.StepAttempt(
                                            ctx.findRowMapperFor(StepRun.class)
                                                .orElseThrow()
                                                .map(rs, ctx),
                                            h.createQuery(
                                                    "select at, level, message from step_log where step_run_id = :id order by id")
                                                .bind("id", rs.getObject("id", UUID.class))
                                                .mapTo(StepLogLine.class)
                                                .list(),
                                            rs.getString("error_detail")))
                                .list())));
  }

  /** The latest run status per flow, for the flow list. */
  public Optional<FlowRun> lastRun(String tenantId, String flowId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + RUN_COLUMNS
                        + " from flow_run where tenant_id = :tenant and flow_id = :flow order by started_at desc limit 1")
                .bind("tenant", tenantId)
                .bind("flow", flowId)
                .mapTo(FlowRun.class)
                .findOne());
  }
}
