package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.events.EventDelivery;
import io.millflow.engine.events.Subscriptions;
import io.millflow.engine.input.TextInput;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Subscriptions to Millflow's outbound events, and their delivery log. */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class SubscriptionsResource {

  private final Subscriptions subscriptions;
  private final EventDelivery delivery;
  private final CurrentCaller caller;

  public SubscriptionsResource(
      Subscriptions subscriptions, EventDelivery delivery, CurrentCaller caller) {
    this.subscriptions = subscriptions;
    this.delivery = delivery;
    this.caller = caller;
  }

  /**
   * Body: {@code {"url": "https://...", "eventTypes": ["sync.completed", ...]}}; the secret is
   * shown only now.
   */
  @APIResponse(
      responseCode = "201",
      description = "The subscription and its signing secret, shown only this once",
      content =
          @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.DESIGNER)
  @Audited("subscription.create")
  public Response create(NewSubscription request) {
    if (request == null) {
      throw new BadRequestException("Body must be {\"url\": ..., \"eventTypes\": [...]}");
    }
    try {
      Subscriptions.Created created =
          subscriptions.create(caller.tenantId(), request.url(), request.eventTypes());
      return Response.created(URI.create("/api/subscriptions/" + created.subscription().id()))
          .entity(
              Map.of(
                  "subscription",
                  created.subscription(),
                  "secret",
                  created.secret(),
                  "note",
                  "The secret is shown only now. Deliveries carry X-Millflow-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"t.body\">."))
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  @GET
  public List<Subscriptions.Subscription> list() {
    return subscriptions.list(caller.tenantId());
  }

  @APIResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("/{id}")
  @Access(Role.DESIGNER)
  @Audited("subscription.delete")
  public Response delete(@PathParam("id") String id) {
    if (!subscriptions.delete(caller.tenantId(), parse(id))) {
      throw new NotFoundException("No subscription '" + id + "'");
    }
    return Response.noContent().build();
  }

  /**
   * Body: {@code {"eventTypes": [...]}}: the events the subscription receives from now on; its URL
   * and secret stay.
   */
  @PUT
  @Path("/{id}/event-types")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.DESIGNER)
  @Audited("subscription.update")
  public Subscriptions.Subscription updateEventTypes(
      @PathParam("id") String id, EventTypesUpdate update) {
    if (update == null) {
      throw new BadRequestException("Body must be {\"eventTypes\": [...]}");
    }
    try {
      return subscriptions
          .updateEventTypes(caller.tenantId(), parse(id), update.eventTypes())
          .orElseThrow(() -> new NotFoundException("No subscription '" + id + "'"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  @GET
  @Path("/{id}/deliveries")
  public List<io.millflow.engine.events.Delivery> deliveries(@PathParam("id") String id) {
    UUID subscription = parse(id);
    subscriptions
        .find(caller.tenantId(), subscription)
        .orElseThrow(() -> new NotFoundException("No subscription '" + id + "'"));
    return delivery.deliveries(subscription, 100);
  }

  private static UUID parse(String id) {
    return Params.uuid(id).orElseThrow(() -> new NotFoundException("No subscription '" + id + "'"));
  }

  /** The body of an event-types update. */
  public record EventTypesUpdate(@TextInput(TextInput.Kind.NAME) List<String> eventTypes) {}

  public record NewSubscription(
      @TextInput(TextInput.Kind.LINE) String url,
      @TextInput(TextInput.Kind.NAME) List<String> eventTypes) {}
}
