package io.millflow.engine.events;

import io.millflow.step.Json;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * Tells subscribers that something the flow decided has happened: the event {@code custom.<event>}
 * with the payload mapped from flow variables, through the same signed, retried outbox as
 * Millflow's own events. Sent once per task: a retried attempt does not notify again.
 */
@Singleton
@StepType(
    id = "webhook.send",
    name = "Send a webhook event",
    group = "Events",
    description =
        "Notifies the subscribers of custom.<event> with a payload mapped from flow variables, signed.")
public final class WebhookSend implements Step<WebhookSend.Input, WebhookSend.Output> {

  /** A webhook should stay small: subscribers fetch bulk data, they are not sent it. */
  static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  public record Input(
      @Param(label = "Event", description = "Sent as custom.<event>, e.g. stock.low")
          @NotBlank
          @Pattern(
              regexp = CustomEvents.NAME,
              message = "must be lower-case letters, digits, '.', '_' or '-', e.g. stock.low")
          String event,
      @Param(
              label = "Payload",
              description = "A FEEL context, e.g. ={part: part.number, onHand: qty}")
          Map<String, Object> payload) {}

  /** What was sent, and to how many subscribers; none is not an error (nobody asked). */
  public record Output(String eventType, int subscribers) {}

  private final OutboundEvents events;

  public WebhookSend(OutboundEvents events) {
    this.events = events;
  }

  @Override
  public Output run(Input input, StepContext context) {
    Map<String, Object> payload = input.payload() == null ? Map.of() : input.payload();
    int size = size(payload);
    if (size > MAX_PAYLOAD_BYTES) {
      throw new StepFailure(
          "PAYLOAD_TOO_LARGE",
          "The payload of event '"
              + input.event()
              + "' is "
              + size
              + " bytes; at most "
              + MAX_PAYLOAD_BYTES
              + " are sent. Send keys or a summary, and let the subscriber fetch"
              + " the records.");
    }
    int subscribers =
        events.emitCustom(
            context.tenantId(),
            input.event(),
            Map.of("runId", context.runId(), "payload", payload),
            context.taskKey());
    String type = CustomEvents.wireType(input.event());
    context
        .log()
        .info(
            subscribers == 0
                ? "No subscription asks for " + type + "; nothing sent"
                : "Queued "
                    + type
                    + " for "
                    + subscribers
                    + " subscriber"
                    + (subscribers == 1 ? "" : "s"));
    return new Output(type, subscribers);
  }

  private static int size(Map<String, Object> payload) {
    try {
      return Json.mapper().writeValueAsBytes(payload).length;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StepFailure(
          "INVALID_PAYLOAD", "The payload cannot be written as JSON: " + e.getOriginalMessage());
    }
  }
}
