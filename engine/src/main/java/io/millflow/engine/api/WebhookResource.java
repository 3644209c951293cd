package io.millflow.engine.api;

import io.millflow.engine.observe.MillflowMetrics;
import io.millflow.engine.trigger.WebhookReceiver;
import io.millflow.engine.trigger.WebhookReceiver.Outcome;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/{trigger}}: authenticated by its signature alone. Answers 200 only once the
 * request is stored; 503 when it cannot be stored, so the sender retries.
 */
@Path("/webhooks/{trigger}")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

  private static final Logger LOG = Logger.getLogger(WebhookResource.class);

  /** How long a sender of a paused trigger is asked to wait before sending again. */
  static final int PAUSED_RETRY_AFTER_SECONDS = 300;

  private final WebhookReceiver receiver;
  private final MillflowMetrics metrics;

  public WebhookResource(WebhookReceiver receiver, MillflowMetrics metrics) {
    this.receiver = receiver;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response receive(
      @PathParam("trigger") String trigger,
      byte[] body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Outcome outcome;
    try {
      outcome =
          receiver.receive(
              trigger,
              body == null ? new byte[0] : body,
              single(headers.getRequestHeaders()),
              single(uri.getQueryParameters()));
    } catch (RuntimeException e) {
      LOG.errorf("Webhook for trigger %s could not be stored: %s", trigger, e.getMessage());
      metrics.webhookAnswered("unknown", Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
      return answer(
          Response.Status.SERVICE_UNAVAILABLE,
          ApiError.of("unavailable", "The event could not be stored; retry later."));
    }
    Response response = answer(outcome);
    // Only triggers that exist name a series: a caller cannot add series by inventing trigger
    // names.
    metrics.webhookAnswered(
        outcome instanceof Outcome.UnknownTrigger ? "unknown" : trigger, response.getStatus());
    return response;
  }

  /**
   * Verifies a request's signature exactly as above and stores nothing: for senders testing their
   * signing.
   */
  @POST
  @Path("/verify")
  @Consumes(MediaType.WILDCARD)
  public Response verify(
      @PathParam("trigger") String trigger, byte[] body, @Context HttpHeaders headers) {
    return answer(
        receiver.verify(
            trigger, body == null ? new byte[0] : body, single(headers.getRequestHeaders())));
  }

  static Response answer(Outcome outcome) {
    return switch (outcome) {
      case Outcome.UnknownTrigger u ->
          answer(Response.Status.NOT_FOUND, ApiError.of("not_found", "No such webhook trigger."));
      case Outcome.TooLarge large ->
          answer(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              ApiError.of(
                  "too_large",
                  "The body is larger than this trigger accepts (" + large.limit() + " bytes)."));
      case Outcome.Paused p ->
          Response.fromResponse(
                  answer(
                      Response.Status.SERVICE_UNAVAILABLE,
                      ApiError.of(
                          "paused",
                          "This trigger is paused; send the event again later (see Retry-After).")))
              .header("Retry-After", PAUSED_RETRY_AFTER_SECONDS)
              .build();
      case Outcome.Unauthorized u ->
          answer(Response.Status.UNAUTHORIZED, ApiError.of("unauthorized", "Signature not valid."));
      case Outcome.Malformed malformed ->
          answer(Response.Status.BAD_REQUEST, ApiError.of("bad_request", malformed.reason()));
      case Outcome.Accepted accepted ->
          Response.ok(
                  Map.of(
                      "accepted",
                      true,
                      "eventId",
                      accepted.eventId(),
                      "duplicate",
                      accepted.duplicate()))
              .build();
      case Outcome.Verified verified -> Response.ok(Map.of("verified", true)).build();
    };
  }

  private static Response answer(Response.Status status, ApiError error) {
    return ApiExceptionMappers.json(status, error);
  }

  private static Map<String, String> single(Map<String, java.util.List<String>> multi) {
    Map<String, String> single = new HashMap<>();
    multi.forEach((name, values) -> single.put(name, values.isEmpty() ? "" : values.getFirst()));
    return single;
  }
}
