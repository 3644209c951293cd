package io.millflow.engine.dataset;

import io.millflow.engine.access.OpaqueSecret;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * One-time tickets that let a browser download a whole dataset by itself (a plain link, saved as a
 * stream), where it cannot send the API token. A ticket is 256 random bits; only its SHA-256 is
 * stored; it opens one dataset of one run of one tenant, in one format, once, within {@value
 * #VALID_SECONDS} seconds. Tickets are never logged.
 */
@Singleton
public class DownloadTickets {

  /** How long a ticket stays valid once issued. */
  public static final int VALID_SECONDS = 60;

  /** An issued ticket: the value to put into the link (once), and when it stops being valid. */
  public record Ticket(String value, Instant expiresAt) {}

  /** What a redeemed ticket opens: this tenant's run's dataset, in this format. */
  public record Grant(String tenantId, UUID runId, String dataset, String format) {}

  /** Why a ticket opened nothing. */
  public enum Refusal {
    /** No such ticket (or one deleted long after it expired). */
    UNKNOWN,
    USED,
    EXPIRED,
    /** A valid ticket for another dataset or run: it is not used up by the attempt. */
    OTHER_DATASET
  }

  /** A ticket redeemed: a grant, or why not. */
  public sealed interface Redemption permits Granted, Refused {}

  public record Granted(Grant grant) implements Redemption {}

  public record Refused(Refusal refusal) implements Redemption {}

  private final Jdbi jdbi;

  @Inject
  public DownloadTickets(StateStore store) {
    this(store.jdbi());
  }

  DownloadTickets(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Ticket issue(String tenantId, UUID runId, String dataset, String format) {
    return issue(tenantId, runId, dataset, format, Duration.ofSeconds(VALID_SECONDS));
  }

  Ticket issue(String tenantId, UUID runId, String dataset, String format, Duration validFor) {
    String value = OpaqueSecret.generate();
    Instant expiresAt =
        jdbi.inTransaction(
            h -> {
              // tickets expired for an hour are of no use, not even to say why a link failed
              h.execute("delete from download_ticket where expires_at < now() - interval '1 hour'");
              return h.createQuery(
                      """
                      insert into download_ticket (ticket_hash, tenant_id, run_id, dataset, format, expires_at)
                      values (:hash, :tenant, :run, :dataset, :format, now() + make_interval(secs => :seconds))
                      returning expires_at""")
                  .bind("hash", OpaqueSecret.hash(value))
                  .bind("tenant", tenantId)
                  .bind("run", runId)
                  .bind("dataset", dataset)
                  .bind("format", format)
                  .bind("seconds", validFor.toMillis() / 1000.0)
                  .mapTo(Instant.class)
                  .one();
            });
    return new Ticket(value, expiresAt);
  }

  /**
   * Uses the ticket up for this run's dataset, when it is valid for it; a ticket for another
   * dataset is refused and stays valid for its own.
   */
  public Redemption redeem(String ticket, UUID runId, String dataset) {
    if (ticket == null || ticket.isBlank()) {
      return new Refused(Refusal.UNKNOWN);
    }
    byte[] hash = OpaqueSecret.hash(ticket.strip());
    return jdbi.inTransaction(
        h -> {
          Optional<Grant> granted =
              h.createQuery(
                      """
                      update download_ticket set used_at = now()
                      where ticket_hash = :hash and used_at is null and expires_at > now()
                        and run_id = :run and dataset = :dataset
                      returning tenant_id, run_id, dataset, format""")
                  .bind("hash", hash)
                  .bind("run", runId)
                  .bind("dataset", dataset)
                  .map(
                      (rs, ctx) ->
                          new Grant(
                              rs.getString("tenant_id"),
                              rs.getObject("run_id", UUID.class),
                              rs.getString("dataset"),
                              rs.getString("format")))
                  .findOne();
          if (granted.isPresent()) {
            return new Granted(granted.get());
          }
          return new Refused(
              h.createQuery(
                      """
                      select case when used_at is not null then 'USED'
                                  when expires_at <= now() then 'EXPIRED'
                                  else 'OTHER_DATASET' end
                      from download_ticket where ticket_hash = :hash""")
                  .bind("hash", hash)
                  .mapTo(String.class)
                  .findOne()
                  .map(Refusal::valueOf)
                  .orElse(Refusal.UNKNOWN));
        });
  }
}
