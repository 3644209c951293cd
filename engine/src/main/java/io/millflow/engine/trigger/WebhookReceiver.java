package io.millflow.engine.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Verifies a webhook request and stores it in the inbox; no flow work happens here. */
@Singleton
public class WebhookReceiver {

  /** How a request ended, each mapped to one HTTP answer by the resource. */
  public sealed interface Outcome {
    record UnknownTrigger() implements Outcome {}

    record TooLarge(int limit) implements Outcome {}

    /** The trigger is paused: nothing is stored, the sender is asked to retry later. */
    record Paused() implements Outcome {}

    record Unauthorized() implements Outcome {}

    record Malformed(String reason) implements Outcome {}

    record Accepted(String eventId, boolean duplicate) implements Outcome {}

    record Verified() implements Outcome {}
  }

  private final TriggerStore triggers;
  private final WebhookInbox inbox;
  private final WebhookDispatcher dispatcher;
  private final WebhookRejections rejections;
  private final Clock clock;
  private final Set<String> keptHeaders;

  public WebhookReceiver(
      TriggerStore triggers,
      WebhookInbox inbox,
      WebhookDispatcher dispatcher,
      WebhookRejections rejections,
      MillflowConfig config) {
    this.rejections = rejections;
    this.keptHeaders = Set.copyOf(config.webhooks().keptHeaders());
    this.triggers = triggers;
    this.inbox = inbox;
    this.dispatcher = dispatcher;
    this.clock = Clock.systemUTC();
  }

  public Outcome receive(
      String triggerId, byte[] body, Map<String, String> headers, Map<String, String> query) {
    Optional<TriggerStore.Verifiable> found = triggers.findVerifiable(triggerId, clock.instant());
    Map<String, String> lowerCase = lowerCaseKeys(headers);
    Optional<Outcome> refused =
        found.isEmpty()
            ? Optional.of(new Outcome.UnknownTrigger())
            : refusal(found.get(), body, lowerCase);
    if (refused.isPresent()) {
      found.ifPresent(verifiable -> rejections.record(triggerId, refused.get()));
      return refused.get();
    }
    TriggerDefinition definition = found.get().trigger().definition();
    Optional<String> eventId;
    try {
      eventId = eventId(definition.eventId(), body, lowerCase);
    } catch (IOException e) {
      return rejections.record(
          triggerId,
          new Outcome.Malformed("The body is not valid JSON: " + e.getMessage().split("\n")[0]));
    }
    if (eventId.isEmpty()) {
      return rejections.record(
          triggerId,
          new Outcome.Malformed(
              "The event id (" + definition.eventId() + ") is missing from the request"));
    }
    Map<String, String> kept = InboxHeaders.of(definition, keptHeaders).keep(lowerCase);
    boolean stored =
        inbox.accept(
            triggerId,
            eventId.get(),
            kept,
            query,
            body,
            InboxHeaders.masked(definition, lowerCase));
    if (stored) {
      dispatcher.wake();
    }
    return new Outcome.Accepted(eventId.get(), !stored);
  }

  /**
   * Checks a request as {@link #receive} does, and stores nothing: lets a sender test its signing.
   */
  public Outcome verify(String triggerId, byte[] body, Map<String, String> headers) {
    Optional<TriggerStore.Verifiable> found = triggers.findVerifiable(triggerId, clock.instant());
    if (found.isEmpty()) {
      return new Outcome.UnknownTrigger();
    }
    return refusal(found.get(), body, lowerCaseKeys(headers)).orElse(new Outcome.Verified());
  }

  private Optional<Outcome> refusal(
      TriggerStore.Verifiable found, byte[] body, Map<String, String> lowerCaseHeaders) {
    TriggerDefinition definition = found.trigger().definition();
    if (found.trigger().paused()) {
      return Optional.of(new Outcome.Paused());
    }
    if (body.length > definition.maxBodyBytes()) {
      return Optional.of(new Outcome.TooLarge(definition.maxBodyBytes()));
    }
    if (!SignatureVerifier.verifies(
        definition.signature(),
        found.secrets(),
        body,
        name -> lowerCaseHeaders.get(name.toLowerCase()),
        clock.instant())) {
      return Optional.of(new Outcome.Unauthorized());
    }
    return Optional.empty();
  }

  private static Optional<String> eventId(String source, byte[] body, Map<String, String> headers)
      throws IOException {
    if (source == null || source.isBlank()) {
      return Optional.of("sha256:" + sha256(body));
    }
    if (source.startsWith("header:")) {
      return Optional.ofNullable(headers.get(source.substring("header:".length()).toLowerCase()))
          .filter(v -> !v.isBlank());
    }
    JsonNode value = Json.mapper().readTree(body).at(source.substring("pointer:".length()));
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
    Map<String, String> lowerCase = new TreeMap<>();
    headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(), value));
    return lowerCase;
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
