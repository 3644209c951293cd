package io.millflow.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.security.SealedSecrets;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Who is told of what: a URL, a secret that signs each delivery, and the event types it wants. */
@Singleton
public class Subscriptions {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A subscription as the API shows it, without its secret. */
  public record Subscription(UUID id, String url, List<String> eventTypes, Instant createdAt) {}

  public record Created(Subscription subscription, String secret) {}

  private final Jdbi jdbi;
  private final SealedSecrets secrets;

  private final io.millflow.engine.net.OutboundAddresses addresses;

  public Subscriptions(
      StateStore store, SealedSecrets secrets, io.millflow.engine.net.OutboundAddresses addresses) {
    this.jdbi = store.jdbi();
    this.secrets = secrets;
    this.addresses = addresses;
  }

  public Created create(String tenantId, String url, List<String> eventTypes) {
    validate(url, eventTypes);
    addresses
        .refusal("url", url)
        .ifPresent(
            refusal -> {
              throw new IllegalArgumentException(refusal);
            });
    UUID id = UUID.randomUUID();
    String secret = newSecret();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into event_subscription (id, tenant_id, url, secret, event_types)
            values (:id, :tenant, :url, :secret, cast(:types as jsonb))""")
                .bind("id", id)
                .bind("tenant", tenantId)
                .bind("url", url)
                .bind(
                    "secret", secrets.seal(tenantId, SealedSecrets.subscriptionSecret(id), secret))
                .bind("types", json(eventTypes))
                .execute());
    return new Created(find(tenantId, id).orElseThrow(), secret);
  }

  /**
   * Changes which events a subscription receives; its URL and signing secret stay, so its receiver
   * needs no change. Empty when the tenant has no such subscription.
   */
  public Optional<Subscription> updateEventTypes(
      String tenantId, UUID id, List<String> eventTypes) {
    Optional<Subscription> current = find(tenantId, id);
    current.ifPresent(subscription -> validate(subscription.url(), eventTypes));
    current.ifPresent(
        subscription ->
            jdbi.useHandle(
                h ->
                    h.createUpdate(
                            "update event_subscription set event_types = cast(:types as jsonb)"
                                + " where id = :id and tenant_id = :tenant")
                        .bind("types", json(eventTypes))
                        .bind("id", id)
                        .bind("tenant", tenantId)
                        .execute()));
    return current.flatMap(subscription -> find(tenantId, id));
  }

  public List<Subscription> list(String tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, url, event_types, created_at from event_subscription where tenant_id = :tenant order by created_at")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new Subscription(
                            rs.getObject("id", UUID.class),
                            rs.getString("url"),
                            types(rs.getString("event_types")),
                            rs.getTimestamp("created_at").toInstant()))
                .list());
  }

  public Optional<Subscription> find(String tenantId, UUID id) {
    return list(tenantId).stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * Deletes the subscription and its events. Its delivery lanes lock its events, then the
   * subscription, while the delete cascades the other way; PostgreSQL then picks one side as a
   * deadlock victim: the delete is tried again.
   */
  public boolean delete(String tenantId, UUID id) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.withHandle(
                h ->
                    h.createUpdate(
                            "delete from event_subscription where id = :id and tenant_id = :tenant")
                        .bind("id", id)
                        .bind("tenant", tenantId)
                        .execute())
            == 1;
      } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
        if (attempt >= 5
            || !(e.getCause() instanceof java.sql.SQLException sql
                && "40P01".equals(sql.getSQLState()))) {
          throw e;
        }
      }
    }
  }

  private static void validate(String url, List<String> eventTypes) {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url is not a valid URL: " + url);
    }
    boolean https = "https".equals(uri.getScheme());
    boolean loopbackHttp =
        "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
    if (!https && !loopbackHttp) {
      throw new IllegalArgumentException(
          "url must be https (http only to loopback addresses): " + url);
    }
    if (eventTypes == null || eventTypes.isEmpty()) {
      throw new IllegalArgumentException(
          "eventTypes must be a non-empty list of "
              + EventType.wireNames()
              + " and custom.<name> (events flows send with webhook.send), or custom.* for all of those");
    }
    for (String type : eventTypes) {
      if (type == null
          || !(EventType.wireNames().contains(type) || CustomEvents.isSubscribable(type))) {
        throw new IllegalArgumentException(
            "eventTypes has '"
                + type
                + "', which is no event: use "
                + EventType.wireNames()
                + ", custom.<name> (lower-case letters, digits, . _ -) or custom.*");
      }
    }
  }

  private static List<String> types(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "evsec_" + HexFormat.of().formatHex(bytes);
  }
}
