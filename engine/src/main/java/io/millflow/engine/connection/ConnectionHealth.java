package io.millflow.engine.connection;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionStatus.State;
import io.millflow.engine.events.EventType;
import io.millflow.engine.events.OutboundEvents;
import io.millflow.engine.events.ReauthRequired;
import io.millflow.engine.lifecycle.GracefulStop;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks every connection on a schedule with its connector's tester and keeps its status. A failing
 * connection is checked again with exponential backoff (the interval doubling per failure, up to
 * {@link #MAX_BACKOFF}); a change of status emits {@code connection.status_changed}, and becoming
 * {@code reauth_required} also {@code connection.reauth_required}.
 */
@Singleton
public class ConnectionHealth {

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  static final Duration MAX_BACKOFF = Duration.ofHours(1);
  private static final Logger LOG = Logger.getLogger(ConnectionHealth.class);

  private final Jdbi jdbi;
  private final ConnectionRegistry connections;
  private final ConnectionTests tests;
  private final OutboundEvents events;
  private final MillflowConfig config;
  private final Clock clock = Clock.systemUTC();
  private final ConnectionFingerprints fingerprints = new ConnectionFingerprints();
  private final ConnectionChecks checks;
  private ScheduledExecutorService scheduler;

  public ConnectionHealth(
      StateStore store,
      ConnectionRegistry connections,
      ConnectionTests tests,
      OutboundEvents events,
      ConnectionChecks checks,
      MillflowConfig config) {
    this.checks = checks;
    this.jdbi = store.jdbi();
    this.connections = connections;
    this.tests = tests;
    this.events = events;
    this.config = config;
  }

  public void start() {
    Duration poll = config.connectionHealth().pollInterval();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("millflow-connection-health").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::checkDueSafely, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops polling; a poll under way may finish (a clean stop waits for it). */
  @PreDestroy
  public void stop() {
    GracefulStop.stop(scheduler, STOP_GRACE);
  }

  /**
   * Checks the tenant's connections whose next check is due (all, the first time); returns how many
   * it checked.
   */
  public int checkDue(String tenantId) {
    int checked = 0;
    for (Connection connection : connections.all(tenantId)) {
      Optional<ConnectionStatus> status = status(tenantId, connection.name());
      boolean due =
          status
              .map(s -> s.nextCheckAt() == null || !s.nextCheckAt().isAfter(clock.instant()))
              .orElse(true);
      if (due && tests.canTest(connection.type())) {
        Optional<String> refusal = connections.refusal(tenantId, connection);
        if (refusal.isPresent()) {
          record(tenantId, connection, ConnectionProblem.WRONG_URL, refusal.get(), true);
        } else {
          check(tenantId, connection);
        }
        checked++;
      }
    }
    return checked;
  }

  /** Checks one connection now and records the outcome. */
  public ConnectionStatus check(String tenantId, Connection connection) {
    return record(tenantId, connection, tests.test(tenantId, connection));
  }

  /** Records what a check (scheduled, or asked for through the API) found. */
  public ConnectionStatus record(String tenantId, Connection connection, ConnectionCheck check) {
    return record(
        tenantId,
        connection,
        check.ok() ? null : check.problem(),
        check.ok() ? null : check.message(),
        true);
  }

  /**
   * A step was refused its credentials: the connection needs them re-entered, whatever the last
   * check said. The step's handler announces {@code connection.reauth_required} itself, with the
   * run; this announces the status.
   */
  public void reauthRequired(String tenantId, Connection connection, String error) {
    record(tenantId, connection, ConnectionProblem.AUTH_FAILED, error, false);
  }

  /**
   * Whether a {@code reauth_required} status was found with exactly these settings and credentials.
   * Runs before every step, so it is one indexed read.
   */
  public boolean refusedWith(String tenantId, Connection connection) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        """
            select fingerprint from connection_status
            where tenant_id = :t and name = :n and status = 'reauth_required'""")
                    .bind("t", tenantId)
                    .bind("n", connection.name())
                    .mapTo(String.class)
                    .findOne())
        .map(fingerprints.of(connection)::equals)
        .orElse(false);
  }

  /**
   * New credentials or settings: nothing is known about them until the next check, which is due
   * now.
   */
  public void forget(String tenantId, String name) {
    jdbi.useHandle(
        h ->
            h.createUpdate("delete from connection_status where tenant_id = :t and name = :n")
                .bind("t", tenantId)
                .bind("n", name)
                .execute());
  }

  public ConnectionStatus statusOrUnknown(String tenantId, String name) {
    return status(tenantId, name).orElse(ConnectionStatus.unknown(name));
  }

  public Optional<ConnectionStatus> status(String tenantId, String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from connection_status where tenant_id = :t and name = :n")
                .bind("t", tenantId)
                .bind("n", name)
                .map((rs, ctx) -> status(rs))
                .findOne());
  }

  private ConnectionStatus record(
      String tenantId,
      Connection connection,
      ConnectionProblem problem,
      String error,
      boolean announceReauth) {
    String name = connection.name();
    State state = State.of(problem);
    ConnectionStatus before = statusOrUnknown(tenantId, name);
    int failures = state == State.ONLINE ? 0 : before.consecutiveFailures() + 1;
    Duration interval = config.connectionHealth().interval();
    Duration wait = state == State.ONLINE ? interval : backoff(interval, failures);
    Instant now = clock.instant();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into connection_status (tenant_id, name, status, problem, last_error, last_check,
              consecutive_failures, next_check_at, fingerprint)
            values (:t, :n, :status, :problem, :error, :now, :failures, :next, :fingerprint)
            on conflict (tenant_id, name) do update set status = excluded.status, problem = excluded.problem,
              last_error = excluded.last_error, last_check = excluded.last_check,
              consecutive_failures = excluded.consecutive_failures, next_check_at = excluded.next_check_at,
              fingerprint = excluded.fingerprint""")
                .bind("t", tenantId)
                .bind("n", name)
                .bind("status", state.wireName())
                .bind("problem", problem == null ? null : problem.name())
                .bind("error", error)
                .bind("now", now)
                .bind("failures", failures)
                .bind("next", now.plus(wait))
                .bind("fingerprint", fingerprints.of(connection))
                .execute());
    checks.record(
        tenantId,
        name,
        new ConnectionChecks.Check(
            now, state.wireName(), problem == null ? null : problem.name(), error));
    if (state != before.status()) {
      announce(tenantId, name, before.status(), state, problem, error, announceReauth);
    }
    return statusOrUnknown(tenantId, name);
  }

  static Duration backoff(Duration interval, int failures) {
    Duration wait = interval.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private void announce(
      String tenantId,
      String name,
      State from,
      State to,
      ConnectionProblem problem,
      String error,
      boolean announceReauth) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("connection", name);
    data.put("from", from.wireName());
    data.put("to", to.wireName());
    data.put("problem", problem == null ? null : problem.name());
    data.put("error", error);
    LOG.infof(
        "Connection '%s' is now %s (was %s)%s",
        name, to.wireName(), from.wireName(), error == null ? "" : ": " + error);
    events.emit(tenantId, EventType.CONNECTION_STATUS_CHANGED, data);
    if (to == State.REAUTH_REQUIRED && announceReauth) {
      events.emit(
          tenantId,
          EventType.CONNECTION_REAUTH_REQUIRED,
          ReauthRequired.noticedByCheck(name, problem == null ? null : problem.name(), error));
    }
  }

  private void checkDueSafely() {
    try {
      List<String> stored =
          jdbi.withHandle(
              h ->
                  h.createQuery("select distinct tenant_id from connection")
                      .mapTo(String.class)
                      .list());
      java.util.Set<String> tenants = new java.util.TreeSet<String>(stored);
      tenants.add(config.tenant());
      tenants.forEach(this::checkDue);
    } catch (RuntimeException e) {
      LOG.warn("Connection health checks failed; trying again at the next poll", e);
    }
  }

  private static ConnectionStatus status(ResultSet rs) throws SQLException {
    String problem = rs.getString("problem");
    var lastCheck = rs.getTimestamp("last_check");
    return new ConnectionStatus(
        rs.getString("name"),
        State.valueOf(rs.getString("status").toUpperCase()),
        problem == null ? null : ConnectionProblem.valueOf(problem),
        rs.getString("last_error"),
        lastCheck == null ? null : lastCheck.toInstant(),
        rs.getInt("consecutive_failures"),
        rs.getTimestamp("next_check_at").toInstant());
  }
}
