package io.millflow.engine.trigger;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import org.jdbi.v3.core.Jdbi;

/**
 * The newest sequence dispatched per trigger and ordering key; decides whether an event is stale.
 */
@Singleton
public class EventOrder {

  private final Jdbi jdbi;

  public EventOrder(StateStore store) {
    this.jdbi = store.jdbi();
  }

  /**
   * Records the event as the newest for its key when it is newer than the last one (numbers compare
   * as numbers, anything else as text, which orders ISO-8601 timestamps of one format); a retry of
   * the same event passes again.
   *
   * @return false when the event is stale
   */
  boolean advance(String triggerId, String key, String sequence, String eventId) {
    BigDecimal numeric = numeric(sequence);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            insert into webhook_order (trigger_id, ordering_key, last_sequence, last_numeric, last_event_id)
            values (:trigger, :key, :sequence, :numeric, :event)
            on conflict (trigger_id, ordering_key) do update
              set last_sequence = excluded.last_sequence, last_numeric = excluded.last_numeric,
                  last_event_id = excluded.last_event_id
              where webhook_order.last_event_id = excluded.last_event_id
                 or (excluded.last_numeric is not null and webhook_order.last_numeric is not null
                     and excluded.last_numeric > webhook_order.last_numeric)
                 or ((excluded.last_numeric is null or webhook_order.last_numeric is null)
                     and excluded.last_sequence > webhook_order.last_sequence)
            returning 1""")
                .bind("trigger", triggerId)
                .bind("key", key)
                .bind("sequence", sequence)
                .bind("numeric", numeric)
                .bind("event", eventId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  private static BigDecimal numeric(String sequence) {
    try {
      return new BigDecimal(sequence);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
