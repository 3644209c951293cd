package io.millflow.engine.operaton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.port.Message;
import io.millflow.step.Json;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Publishes messages with Zeebe's buffering, which Operaton lacks: a message with a time to live is
 * held in {@code operaton_held_message} until it expires, so an instance that reaches its catch
 * event later still gets it; a message id already held is a duplicate and dropped; a message
 * without time to live correlates now or never. A held row is claimed while it is being correlated,
 * so two Millflow instances do not correlate it to one process twice.
 */
final class MessageInbox {

  private static final Logger LOG = Logger.getLogger(MessageInbox.class);
  private static final Duration CLAIM = Duration.ofMinutes(1);
  private static final int SWEEP_BATCH = 100;

  private record Held(
      String messageId, String name, String key, Map<String, Object> variables, Set<String> done) {}

  private final Jdbi jdbi;
  private final String workerName;
  private final MessageCorrelator correlator;

  MessageInbox(Jdbi jdbi, String workerName, MessageCorrelator correlator) {
    this.jdbi = jdbi;
    this.workerName = workerName;
    this.correlator = correlator;
  }

  void publish(Message message) {
    Duration ttl =
        message.timeToLive() == null || message.timeToLive().isNegative()
            ? Duration.ZERO
            : message.timeToLive();
    Map<String, Object> variables =
        message.variables() == null ? Map.of() : new LinkedHashMap<>(message.variables());
    String key = message.correlationKey() == null ? "" : message.correlationKey();
    if (ttl.isZero()) {
      if (message.messageId() != null && isHeld(message.messageId())) {
        LOG.debugf(
            "Message %s (%s) was published already; dropped", message.messageId(), message.name());
        return;
      }
      if (correlator.correlate(message.name(), key, variables, Set.of(), true).isEmpty()) {
        droppedUnheard(message.name(), key);
      }
      return;
    }
    String id = message.messageId() == null ? UUID.randomUUID().toString() : message.messageId();
    if (!hold(id, message.name(), key, variables, ttl)) {
      LOG.debugf("Message %s (%s) was published already; dropped", id, message.name());
      return;
    }
    Set<String> done = Set.of();
    try {
      done = correlator.correlate(message.name(), key, variables, Set.of(), true);
    } finally {
      release(id, done);
    }
  }

  /**
   * A message without time to live that no instance waited for (and no process starts by) is gone:
   * said at INFO with the key's length only, as the key is a business value; the key at DEBUG.
   */
  private static void droppedUnheard(String name, String key) {
    LOG.infof(
        "Message %s without time to live found no instance waiting for it (correlation key of %d"
            + " characters) and no process it starts; dropped",
        name, key.length());
    LOG.debugf("The dropped message %s had correlation key '%s'", name, key);
  }

  /** An instance reached a catch of this name and key: the messages held for it are tried. */
  void arrived(String name, String key) {
    for (Held held :
        claim("name = :name and correlation_key = :key", Map.of("name", name, "key", key))) {
      correlateHeld(held);
    }
  }

  /**
   * Drops the expired messages and tries the held ones again (for arrivals another instance
   * missed).
   */
  void sweep() {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
        delete from operaton_held_message where expires_at < now() and (claimed_until is null or claimed_until < now())""")
                .execute());
    for (Held held : claim("true", Map.of())) {
      correlateHeld(held);
    }
  }

  private void correlateHeld(Held held) {
    Set<String> done = Set.of();
    try {
      done = correlator.correlate(held.name(), held.key(), held.variables(), held.done(), false);
    } catch (RuntimeException e) {
      LOG.warnf(
          "Held message %s (%s) could not be correlated: %s",
          held.messageId(), held.name(), e.getMessage());
    } finally {
      release(held.messageId(), done);
    }
  }

  private boolean hold(
      String id, String name, String key, Map<String, Object> variables, Duration ttl) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
            insert into operaton_held_message
              (message_id, name, correlation_key, variables, expires_at, claimed_by, claimed_until)
            values (:id, :name, :key, :variables, now() + cast(:ttl as interval), :worker,
              now() + cast(:claim as interval))
            on conflict (message_id) do update set name = excluded.name, correlation_key = excluded.correlation_key,
              variables = excluded.variables, expires_at = excluded.expires_at, correlated_processes = '{}',
              claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until
            where operaton_held_message.expires_at < now()""")
                    .bind("id", id)
                    .bind("name", name)
                    .bind("key", key)
                    .bind("variables", json(variables))
                    .bind("ttl", ttl.toMillis() + " milliseconds")
                    .bind("worker", workerName)
                    .bind("claim", CLAIM.toSeconds() + " seconds")
                    .execute()
                == 1);
  }

  private boolean isHeld(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select 1 from operaton_held_message where message_id = :id and expires_at >= now()")
                .bind("id", id)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  private List<Held> claim(String condition, Map<String, Object> binds) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            update operaton_held_message set claimed_by = :worker, claimed_until = now() + cast(:claim as interval)
            where message_id in (
              select message_id from operaton_held_message
              where <condition> and expires_at >= now() and (claimed_until is null or claimed_until < now())
              order by expires_at limit :batch for update skip locked)
            returning message_id, name, correlation_key, variables, correlated_processes"""
                        .replace("<condition>", condition))
                .bindMap(binds)
                .bind("worker", workerName)
                .bind("claim", CLAIM.toSeconds() + " seconds")
                .bind("batch", SWEEP_BATCH)
                .map(
                    (rs, ctx) ->
                        new Held(
                            rs.getString("message_id"),
                            rs.getString("name"),
                            rs.getString("correlation_key"),
                            variables(rs.getString("variables")),
                            processes(rs.getArray("correlated_processes"))))
                .list());
  }

  private void release(String id, Set<String> correlated) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            update operaton_held_message
            set correlated_processes = array(select distinct unnest(correlated_processes || cast(:done as text[]))),
                claimed_by = null, claimed_until = null
            where message_id = :id""")
                .bind("id", id)
                .bind("done", correlated.toArray(String[]::new))
                .execute());
  }

  private static Set<String> processes(Array array) throws SQLException {
    return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
  }

  private static String json(Map<String, Object> variables) {
    try {
      return Json.mapper().writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The variables of a message cannot be written as JSON", e);
    }
  }

  private static Map<String, Object> variables(String json) {
    try {
      return Optional.ofNullable(
              Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {}))
          .orElse(Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A held message's variables are not JSON", e);
    }
  }
}
