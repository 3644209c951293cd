package io.millflow.engine.connection;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The history of a connection's checks (scheduled, asked for, or a step refused its credentials):
 * each one's time, status and error, for the connection page. Bounded to the latest {@link #KEPT}
 * per connection.
 */
@Singleton
public class ConnectionChecks {

  static final int KEPT = 100;

  /** One check as the connection page lists it. */
  public record Check(Instant checkedAt, String status, String problem, String error) {}

  private final Jdbi jdbi;

  public ConnectionChecks(StateStore store) {
    this.jdbi = store.jdbi();
  }

  void record(String tenantId, String name, Check check) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  insert into connection_check (tenant_id, name, checked_at, status, problem, error)
                  values (:t, :n, :at, :status, :problem, :error)""")
              .bind("t", tenantId)
              .bind("n", name)
              .bind("at", check.checkedAt())
              .bind("status", check.status())
              .bind("problem", check.problem())
              .bind("error", check.error())
              .execute();
          h.createUpdate(
                  """
                  delete from connection_check where tenant_id = :t and name = :n and id <= (
                    select id from connection_check where tenant_id = :t and name = :n
                    order by id desc offset :kept limit 1)""")
              .bind("t", tenantId)
              .bind("n", name)
              .bind("kept", KEPT)
              .execute();
        });
  }

  /** The connection's latest checks, newest first. */
  public List<Check> recent(String tenantId, String name, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select checked_at, status, problem, error from connection_check
                    where tenant_id = :t and name = :n order by id desc limit :limit""")
                .bind("t", tenantId)
                .bind("n", name)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Check(
                            rs.getTimestamp(1).toInstant(),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4)))
                .list());
  }

  /** Forgets a deleted connection's checks. */
  public void forget(String tenantId, String name) {
    jdbi.useHandle(
        h ->
            h.createUpdate("delete from connection_check where tenant_id = :t and name = :n")
                .bind("t", tenantId)
                .bind("n", name)
                .execute());
  }
}
