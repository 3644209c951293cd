package io.millflow.engine.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.security.SealedSecrets;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/** Webhook triggers and their secrets. A secret is shown once, at creation or rotation. */
@Singleton
public class TriggerStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;

  /**
   * How long a trigger read for verification is reused (a webhook burst reads it once, not per
   * request).
   */
  static final Duration CACHE_TTL = Duration.ofSeconds(1);

  private static final int MAX_CACHED = 10_000;

  private final SealedSecrets secrets;
  private final java.util.Map<String, Cached> cache =
      new java.util.concurrent.ConcurrentHashMap<>();

  public TriggerStore(StateStore store, SealedSecrets secrets) {
    this.jdbi = store.jdbi();
    this.secrets = secrets;
  }

  /** A new trigger and its secret, the only time the secret leaves the store. */
  public record Created(WebhookTrigger trigger, String secret) {}

  public Created create(String tenantId, TriggerDefinition definition) {
    String id = UUID.randomUUID().toString();
    String secret = newSecret();
    jdbi.useHandle(
        h ->
            bound(
                    h.createUpdate(
                        """
            insert into webhook_trigger (id, tenant_id, name, secret, signature, event_id, routes, match_all, max_body_bytes, ordering)
            values (:id, :tenant, :name, :secret, cast(:signature as jsonb), :eventId, cast(:routes as jsonb), :matchAll, :max,
                    cast(:ordering as jsonb))"""),
                    definition)
                .bind("id", id)
                .bind("tenant", tenantId)
                .bind("secret", secrets.seal(tenantId, SealedSecrets.triggerSecret(id), secret))
                .execute());
    return new Created(find(tenantId, id).orElseThrow(), secret);
  }

  /**
   * Replaces the trigger's definition (name, signature, event id, routes, limits, ordering); its
   * id, URL, secrets, creation time and pause stay. Requests verified from now on use the new
   * signature at once on this instance, on others within {@link #CACHE_TTL}.
   *
   * @return the trigger as it is now; empty when the tenant has no such trigger
   */
  public Optional<WebhookTrigger> update(String tenantId, String id, TriggerDefinition definition) {
    int updated =
        jdbi.withHandle(
            h ->
                bound(
                        h.createUpdate(
                            """
            update webhook_trigger set name = :name, signature = cast(:signature as jsonb), event_id = :eventId,
                   routes = cast(:routes as jsonb), match_all = :matchAll, max_body_bytes = :max,
                   ordering = cast(:ordering as jsonb)
            where id = :id and tenant_id = :tenant"""),
                        definition)
                    .bind("id", id)
                    .bind("tenant", tenantId)
                    .execute());
    cache.remove(id);
    return updated == 1 ? find(tenantId, id) : Optional.empty();
  }

  /** Any tenant's trigger: the webhook endpoint is authenticated by the signature alone. */
  public Optional<WebhookTrigger> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from webhook_trigger where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> trigger(rs))
                .findOne());
  }

  public Optional<WebhookTrigger> find(String tenantId, String id) {
    return find(id).filter(trigger -> trigger.tenantId().equals(tenantId));
  }

  public List<WebhookTrigger> list(String tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from webhook_trigger where tenant_id = :tenant order by created_at")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> trigger(rs))
                .list());
  }

  /**
   * A trigger with the secrets that verify now: the current one, and the previous one during its
   * grace period.
   */
  record Verifiable(WebhookTrigger trigger, List<String> secrets) {}

  /** A trigger row with its secrets, as read; which secrets verify depends on when it is asked. */
  private record Stored(
      WebhookTrigger trigger, String secret, String previousSecret, Instant previousUntil) {

    Verifiable at(Instant now) {
      boolean previousValid =
          previousSecret != null && previousUntil != null && previousUntil.isAfter(now);
      return new Verifiable(
          trigger, previousValid ? List.of(secret, previousSecret) : List.of(secret));
    }
  }

  /**
   * The trigger and its verifying secrets: this runs for every webhook request, so rows are kept
   * for {@link #CACHE_TTL}. A rotation on this instance takes effect at once; on another instance
   * of a cluster, within the TTL (and the old secret keeps verifying through its grace period
   * anyway).
   */
  Optional<Verifiable> findVerifiable(String id, Instant now) {
    Cached cached = cache.get(id);
    if (cached == null || cached.loadedAt().plus(CACHE_TTL).isBefore(now)) {
      Optional<Stored> stored =
          jdbi.withHandle(
                  h ->
                      h.createQuery("select * from webhook_trigger where id = :id")
                          .bind("id", id)
                          .map((rs, ctx) -> stored(rs))
                          .findOne())
              .map(this::opened);
      cached = new Cached(stored, now);
      if (cache.size() >= MAX_CACHED) {
        cache.clear(); // requests for made-up trigger ids must not grow it without bound
      }
      cache.put(id, cached);
    }
    return cached.stored().map(stored -> stored.at(now));
  }

  private record Cached(Optional<Stored> stored, Instant loadedAt) {}

  /** Secrets are stored sealed with the tenant's key; verification needs them in clear. */
  private Stored opened(Stored stored) {
    String tenant = stored.trigger().tenantId();
    String purpose = SealedSecrets.triggerSecret(stored.trigger().id());
    return new Stored(
        stored.trigger(),
        secrets.open(tenant, purpose, stored.secret()),
        secrets.open(tenant, purpose, stored.previousSecret()),
        stored.previousUntil());
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    var until = rs.getTimestamp("previous_secret_until");
    return new Stored(
        trigger(rs),
        rs.getString("secret"),
        rs.getString("previous_secret"),
        until == null ? null : until.toInstant());
  }

  /**
   * Pauses or resumes a trigger; pausing a paused trigger keeps its first pause time.
   *
   * @return the trigger as it is now; empty when the tenant has no such trigger
   */
  public Optional<WebhookTrigger> setPaused(String tenantId, String id, boolean paused) {
    int updated =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        paused
                            ? "update webhook_trigger set paused_at = coalesce(paused_at, now()) where id = :id and tenant_id = :tenant"
                            : "update webhook_trigger set paused_at = null where id = :id and tenant_id = :tenant")
                    .bind("id", id)
                    .bind("tenant", tenantId)
                    .execute());
    cache.remove(id); // takes effect at once on this instance; on others within the cache's TTL
    return updated == 1 ? find(tenantId, id) : Optional.empty();
  }

  /**
   * Deletes the trigger with its received and rejected events: its URL answers 404 from then on.
   *
   * @return whether the tenant had the trigger
   */
  public boolean delete(String tenantId, String id) {
    int deleted =
        jdbi.withHandle(
            h ->
                h.createUpdate("delete from webhook_trigger where id = :id and tenant_id = :tenant")
                    .bind("id", id)
                    .bind("tenant", tenantId)
                    .execute());
    cache.remove(id);
    return deleted == 1;
  }

  /**
   * A new secret; the old one keeps verifying for the grace period, so senders can switch without
   * losing events.
   */
  public Optional<String> rotateSecret(String tenantId, String id, Duration grace) {
    String secret = newSecret();
    int updated =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
            update webhook_trigger set previous_secret = secret, previous_secret_until = :until, secret = :secret
            where id = :id and tenant_id = :tenant""")
                    .bind("until", Instant.now().plus(grace))
                    .bind("secret", secrets.seal(tenantId, SealedSecrets.triggerSecret(id), secret))
                    .bind("id", id)
                    .bind("tenant", tenantId)
                    .execute());
    cache.remove(id);
    return updated == 1 ? Optional.of(secret) : Optional.empty();
  }

  private static WebhookTrigger trigger(ResultSet rs) throws SQLException {
    TriggerDefinition definition =
        new TriggerDefinition(
            rs.getString("name"),
            read(rs.getString("signature"), new TypeReference<SignatureScheme>() {}),
            rs.getString("event_id"),
            read(rs.getString("routes"), new TypeReference<List<Route>>() {}),
            rs.getBoolean("match_all"),
            rs.getInt("max_body_bytes"),
            rs.getString("ordering") == null
                ? null
                : read(rs.getString("ordering"), new TypeReference<Ordering>() {}));
    return new WebhookTrigger(
        rs.getString("id"),
        rs.getString("tenant_id"),
        definition,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("paused_at") == null ? null : rs.getTimestamp("paused_at").toInstant());
  }

  /** The definition's column values, bound by the insert's and the update's names. */
  private static Update bound(Update statement, TriggerDefinition definition) {
    return statement
        .bind("name", definition.name())
        .bind("signature", json(definition.signature()))
        .bind("eventId", definition.eventId())
        .bind("routes", json(definition.routes()))
        .bind("matchAll", definition.matchAll())
        .bind("max", definition.maxBodyBytes())
        .bind("ordering", definition.ordering() == null ? null : json(definition.ordering()));
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + HexFormat.of().formatHex(bytes);
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored trigger could not be read", e);
    }
  }
}
