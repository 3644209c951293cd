package io.millflow.engine.trigger;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * The requests a trigger refused (bad signature, too large, paused, malformed), with their answer,
 * reason and time, never their bodies: what a sender's operator needs to see why events did not
 * arrive. Bounded per trigger to the latest {@link #KEPT}, and purged with the inbox's history.
 */
@Singleton
public class WebhookRejections {

  private static final Logger LOG = Logger.getLogger(WebhookRejections.class);
  static final int KEPT = 100;

  /** One refused request, as the trigger page lists it. */
  public record Rejection(Instant receivedAt, int status, String reason) {}

  private final Jdbi jdbi;

  public WebhookRejections(StateStore store) {
    this.jdbi = store.jdbi();
  }

  /**
   * Records the refusal and hands it back; a store that cannot record it does not change the answer
   * the sender gets.
   */
  WebhookReceiver.Outcome record(String triggerId, WebhookReceiver.Outcome refused) {
    try {
      jdbi.useTransaction(
          h -> {
            h.createUpdate(
                    """
                    insert into webhook_rejection (trigger_id, status, reason)
                    values (:trigger, :status, :reason)""")
                .bind("trigger", triggerId)
                .bind("status", status(refused))
                .bind("reason", reason(refused))
                .execute();
            h.createUpdate(
                    """
                    delete from webhook_rejection where trigger_id = :trigger and id <= (
                      select id from webhook_rejection where trigger_id = :trigger
                      order by id desc offset :kept limit 1)""")
                .bind("trigger", triggerId)
                .bind("kept", KEPT)
                .execute();
          });
    } catch (RuntimeException e) {
      LOG.warnf(
          "A refused request to trigger %s could not be recorded: %s", triggerId, e.getMessage());
    }
    return refused;
  }

  public List<Rejection> recent(String triggerId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select received_at, status, reason from webhook_rejection
                    where trigger_id = :trigger order by id desc limit :limit""")
                .bind("trigger", triggerId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Rejection(
                            rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getString(3)))
                .list());
  }

  /** Forgets refusals older than {@code before}; returns how many. */
  public int purgeBefore(Instant before) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("delete from webhook_rejection where received_at < :before")
                .bind("before", before)
                .execute());
  }

  static int status(WebhookReceiver.Outcome refused) {
    return switch (refused) {
      case WebhookReceiver.Outcome.Unauthorized u -> 401;
      case WebhookReceiver.Outcome.TooLarge t -> 413;
      case WebhookReceiver.Outcome.Paused p -> 503;
      case WebhookReceiver.Outcome.Malformed m -> 400;
      case WebhookReceiver.Outcome.UnknownTrigger u -> 404;
      case WebhookReceiver.Outcome.Accepted a -> 200;
      case WebhookReceiver.Outcome.Verified v -> 200;
    };
  }

  static String reason(WebhookReceiver.Outcome refused) {
    return switch (refused) {
      case WebhookReceiver.Outcome.Unauthorized u ->
          "The signature did not verify (wrong secret, altered body, or a timestamp outside the"
              + " tolerance)";
      case WebhookReceiver.Outcome.TooLarge t ->
          "The body was larger than the trigger accepts (" + t.limit() + " bytes)";
      case WebhookReceiver.Outcome.Paused p ->
          "The trigger was paused; the sender was asked to retry";
      case WebhookReceiver.Outcome.Malformed m -> m.reason();
      case WebhookReceiver.Outcome.UnknownTrigger u -> "No such trigger";
      case WebhookReceiver.Outcome.Accepted a -> "Accepted";
      case WebhookReceiver.Outcome.Verified v -> "Verified";
    };
  }
}
