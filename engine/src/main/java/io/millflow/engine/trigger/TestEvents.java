package io.millflow.engine.trigger;

import io.millflow.engine.trigger.WebhookReceiver.Outcome;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Send a test event": a sample body signed with the trigger's current secret here, on the server
 * (the secret never leaves it), and received as a sender's request would be: verified, stored in
 * the inbox, dispatched to the routes that match.
 */
@Singleton
public class TestEvents {

  private final TriggerStore triggers;
  private final WebhookReceiver receiver;
  private final Clock clock = Clock.systemUTC();

  public TestEvents(TriggerStore triggers, WebhookReceiver receiver) {
    this.triggers = triggers;
    this.receiver = receiver;
  }

  /**
   * @param sample the body to send (a JSON object); null for {@code {"type": "test", "id": ...}}
   * @return how the receiver answered; empty when the tenant has no such trigger
   */
  public Optional<Outcome> send(String tenantId, String triggerId, Map<String, Object> sample) {
    if (triggers.find(tenantId, triggerId).isEmpty()) {
      return Optional.empty();
    }
    return triggers
        .findVerifiable(triggerId, clock.instant())
        .map(found -> receive(triggerId, found, sample));
  }

  private Outcome receive(
      String triggerId, TriggerStore.Verifiable found, Map<String, Object> sample) {
    String testId = "test-" + UUID.randomUUID();
    Map<String, Object> payload = new LinkedHashMap<>();
    if (sample == null || sample.isEmpty()) {
      payload.put("type", "test");
      payload.put("id", testId);
    } else {
      payload.putAll(sample);
    }
    byte[] body = json(payload);
    TriggerDefinition definition = found.trigger().definition();
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(
        definition.signature().header(),
        SignatureVerifier.sign(
            definition.signature(), found.secrets().getFirst(), body, clock.instant()));
    if (definition.eventId() != null && definition.eventId().startsWith("header:")) {
      headers.put(definition.eventId().substring("header:".length()), testId);
    }
    return receiver.receive(triggerId, body, headers, Map.of("millflowTest", "true"));
  }

  private static byte[] json(Map<String, Object> payload) {
    try {
      return Json.mapper().writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("The sample body is not JSON: " + e.getMessage(), e);
    }
  }
}
