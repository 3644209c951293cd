package io.millflow.engine.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Webhook triggers and their secrets. A secret is shown once, at creation or rotation. */
@Singleton
public class TriggerStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;

  public TriggerStore(StateStore store) {
    this.jdbi = store.jdbi();
  }

  /** A new trigger and its secret, the only time the secret leaves the store. */
  public record Created(WebhookTrigger trigger, String secret) {}

  public Created create(String tenantId, TriggerDefinition definition) {
    String id = UUID.randomUUID().toString();
    String secret = newSecret();
    jdbi.useHandle(h -> h.createUpdate("""
            insert into webhook_trigger (id, tenant_id, name, secret, signature, event_id, routes, match_all, max_body_bytes, ordering)
            values (:id, :tenant, :name, :secret, cast(:signature as jsonb), :eventId, cast(:routes as jsonb), :matchAll, :max,
                    cast(:ordering as jsonb))""")
        .bind("id", id).bind("tenant", tenantId).bind("name", definition.name()).bind("secret", secret)
        .bind("signature", json(definition.signature())).bind("eventId", definition.eventId())
        .bind("routes", json(definition.routes())).bind("matchAll", definition.matchAll())
        .bind("max", definition.maxBodyBytes())
        .bind("ordering", definition.ordering() == null ? null : json(definition.ordering())).execute());
    return new Created(find(tenantId, id).orElseThrow(), secret);
  }

  /** Any tenant's trigger: the webhook endpoint is authenticated by the signature alone. */
  public Optional<WebhookTrigger> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("select * from webhook_trigger where id = :id")
        .bind("id", id).map((rs, ctx) -> trigger(rs)).findOne());
  }

  public Optional<WebhookTrigger> find(String tenantId, String id) {
    return find(id).filter(trigger -> trigger.tenantId().equals(tenantId));
  }

  public List<WebhookTrigger> list(String tenantId) {
    return jdbi.withHandle(h -> h.createQuery("select * from webhook_trigger where tenant_id = :tenant order by created_at")
        .bind("tenant", tenantId).map((rs, ctx) -> trigger(rs)).list());
  }

  /** A trigger with the secrets that verify now: the current one, and the previous one during its grace period. */
  record Verifiable(WebhookTrigger trigger, List<String> secrets) {}

  /** The trigger and its verifying secrets in one read: this runs for every webhook request. */
  Optional<Verifiable> findVerifiable(String id, Instant now) {
    return jdbi.withHandle(h -> h.createQuery("select * from webhook_trigger where id = :id")
        .bind("id", id).map((rs, ctx) -> new Verifiable(trigger(rs), secrets(rs, now))).findOne());
  }

  private static List<String> secrets(ResultSet rs, Instant now) throws SQLException {
    List<String> secrets = new ArrayList<>(List.of(rs.getString("secret")));
    var until = rs.getTimestamp("previous_secret_until");
    if (rs.getString("previous_secret") != null && until != null && until.toInstant().isAfter(now)) {
      secrets.add(rs.getString("previous_secret"));
    }
    return List.copyOf(secrets);
  }

  /** A new secret; the old one keeps verifying for the grace period, so senders can switch without losing events. */
  public Optional<String> rotateSecret(String tenantId, String id, Duration grace) {
    String secret = newSecret();
    int updated = jdbi.withHandle(h -> h.createUpdate("""
            update webhook_trigger set previous_secret = secret, previous_secret_until = :until, secret = :secret
            where id = :id and tenant_id = :tenant""")
        .bind("until", Instant.now().plus(grace)).bind("secret", secret).bind("id", id).bind("tenant", tenantId).execute());
    return updated == 1 ? Optional.of(secret) : Optional.empty();
  }

  private static WebhookTrigger trigger(ResultSet rs) throws SQLException {
    TriggerDefinition definition = new TriggerDefinition(rs.getString("name"),
        read(rs.getString("signature"), new TypeReference<SignatureScheme>() {}), rs.getString("event_id"),
        read(rs.getString("routes"), new TypeReference<List<Route>>() {}), rs.getBoolean("match_all"),
        rs.getInt("max_body_bytes"),
        rs.getString("ordering") == null ? null : read(rs.getString("ordering"), new TypeReference<Ordering>() {}));
    return new WebhookTrigger(rs.getString("id"), rs.getString("tenant_id"), definition,
        rs.getTimestamp("created_at").toInstant());
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
