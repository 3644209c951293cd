package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.idhammar.sandbox.DowntimeTimeline.Event;
import io.millflow.connector.idhammar.sandbox.Plant.Machine;
import io.millflow.connector.idhammar.sandbox.Plant.Reason;
import io.millflow.sandbox.SandboxJson;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code POST /_sandbox/downtime}: starts a downtime event now and pushes it to the webhook. Not
 * part of the API and open without a token, like the sandbox's other controls:
 *
 * <pre>
 * curl -X POST localhost:8091/_sandbox/downtime -d '{"machineId":"M-1101","reasonCode":"ME01","durationSeconds":120}'
 * curl -X POST localhost:8091/_sandbox/downtime -d '{"machineId":"M-2203","planned":true}'
 * </pre>
 *
 * {@code reasonCode} defaults to the first reason that is planned or not as {@code planned} says
 * (default unplanned); {@code durationSeconds} (default 300) is when it ends, which is pushed as
 * {@code downtime.ended}.
 */
final class AdminDowntimeEndpoint implements HttpHandler {

  static final String PATH = "/_sandbox/downtime";

  private final Plant plant;
  private final DowntimeTimeline timeline;
  private final Clock clock;
  private final ErrorBody errors = new ErrorBody();
  private final Consumer<Event> onCreated;

  AdminDowntimeEndpoint(
      Plant plant, DowntimeTimeline timeline, Clock clock, Consumer<Event> onCreated) {
    this.plant = plant;
    this.timeline = timeline;
    this.clock = clock;
    this.onCreated = onCreated;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      errors.write(
          exchange,
          405,
          null,
          "POST a JSON object such as {\"machineId\":\"M-1101\",\"reasonCode\":\"ME01\"}"
              + " to "
              + PATH
              + ".",
          null);
      return;
    }
    Optional<JsonNode> body = SandboxJson.read(exchange).filter(JsonNode::isObject);
    try {
      Event event =
          create(
              body.orElseThrow(
                  () ->
                      new BadRequest(
                          "invalid_request",
                          "Send a JSON object such as"
                              + " {\"machineId\":\"M-1101\",\"reasonCode\":\"ME01\",\"planned\":false}.")));
      onCreated.accept(event);
      SandboxJson.write(exchange, 201, DowntimeEventsResource.json(event, event.start()));
    } catch (BadRequest e) {
      errors.write(exchange, e.status(), e.code(), e.getMessage(), null);
    }
  }

  private Event create(JsonNode body) {
    String machineId = body.path("machineId").asText("");
    Machine machine =
        plant
            .machine(machineId)
            .orElseThrow(
                () ->
                    new BadRequest(
                        "unknown_machine",
                        "Field 'machineId' must name a machine such as M-1101 (GET /api/v1/machines), not '"
                            + machineId
                            + "'."));
    Boolean planned = body.hasNonNull("planned") ? body.get("planned").asBoolean() : null;
    Reason reason;
    if (body.hasNonNull("reasonCode")) {
      String code = body.get("reasonCode").asText();
      reason =
          Plant.downtimeReason(code)
              .orElseThrow(
                  () ->
                      new BadRequest(
                          "unknown_reason",
                          "Field 'reasonCode' must be a code of GET /api/v1/reason-codes, not '"
                              + code
                              + "'."));
      if (planned != null && planned != reason.planned()) {
        throw new BadRequest(
            "invalid_request",
            "Reason "
                + code
                + " is "
                + (reason.planned() ? "" : "un")
                + "planned, but 'planned' says otherwise: leave 'planned' out or pick another reason.");
      }
    } else {
      boolean wantPlanned = planned != null && planned;
      reason =
          Plant.DOWNTIME_REASONS.stream()
              .filter(r -> r.planned() == wantPlanned)
              .findFirst()
              .orElseThrow();
    }
    long seconds = body.path("durationSeconds").asLong(300);
    if (seconds < 1) {
      throw new BadRequest("invalid_request", "Field 'durationSeconds' must be at least 1.");
    }
    return timeline.create(machine, reason, clock.instant().getEpochSecond(), seconds);
  }
}
