package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.trigger.InboxEvent;
import io.millflow.engine.trigger.TriggerDefinition;
import io.millflow.engine.trigger.TriggerStore;
import io.millflow.engine.trigger.WebhookInbox;
import io.millflow.engine.trigger.WebhookRejections;
import io.millflow.engine.trigger.WebhookTrigger;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Webhook triggers: create (the secret is shown once), change, list, rotate the secret, and see the
 * received events.
 */
@Path("/api/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class TriggersResource {

  private final TriggerStore triggers;
  private final TriggerBodies bodies;
  private final WebhookInbox inbox;
  private final WebhookRejections rejections;
  private final CurrentCaller caller;

  public TriggersResource(
      TriggerStore triggers,
      TriggerBodies bodies,
      WebhookInbox inbox,
      WebhookRejections rejections,
      CurrentCaller caller) {
    this.rejections = rejections;
    this.triggers = triggers;
    this.bodies = bodies;
    this.inbox = inbox;
    this.caller = caller;
  }

  @APIResponse(
      responseCode = "201",
      description = "The trigger and its secret, shown only this once",
      content =
          @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.DESIGNER)
  @Audited("trigger.create")
  public Response create(Map<String, Object> body) {
    TriggerDefinition definition = bodies.definition(caller.tenantId(), body);
    TriggerStore.Created created = triggers.create(caller.tenantId(), definition);
    return Response.created(URI.create("/api/triggers/" + created.trigger().id()))
        .entity(
            Map.of(
                "trigger",
                created.trigger().view(),
                "secret",
                created.secret(),
                "note",
                "The secret is shown only now: store it with the sender."))
        .build();
  }

  /**
   * Replaces a trigger's settings (signature, event id, routes, limits, ordering, name) with a body
   * of the create's form, checked as the create checks it; the trigger keeps its id, URL, secret
   * and pause, so a sender changes only what the new settings ask of it.
   */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.DESIGNER)
  @Audited("trigger.update")
  public WebhookTrigger.View update(@PathParam("id") String id, Map<String, Object> body) {
    known(id);
    TriggerDefinition definition = bodies.definition(caller.tenantId(), body);
    return triggers
        .update(caller.tenantId(), id, definition)
        .map(WebhookTrigger::view)
        .orElseThrow(() -> new NotFoundException("No trigger with id '" + id + "'"));
  }

  @GET
  public List<WebhookTrigger.View> list() {
    return triggers.list(caller.tenantId()).stream().map(WebhookTrigger::view).toList();
  }

  /** Deletes the trigger with its events; its URL answers 404 from then on. */
  @APIResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("/{id}")
  @Access(Role.DESIGNER)
  @Audited("trigger.delete")
  public Response delete(@PathParam("id") String id) {
    if (!triggers.delete(caller.tenantId(), id)) {
      throw new NotFoundException("No trigger with id '" + id + "'");
    }
    return Response.noContent().build();
  }

  /** A new secret; the old one keeps verifying for {@code graceMinutes} (default 60). */
  @POST
  @Path("/{id}/rotate-secret")
  @Access(Role.DESIGNER)
  @Audited("trigger.rotate-secret")
  public Map<String, String> rotate(
      @PathParam("id") String id, @QueryParam("graceMinutes") @DefaultValue("60") int grace) {
    if (grace < 0 || grace > 7 * 24 * 60) {
      throw new BadRequestException("Query parameter 'graceMinutes' must be between 0 and 10080");
    }
    return triggers
        .rotateSecret(caller.tenantId(), id, Duration.ofMinutes(grace))
        .map(
            secret ->
                Map.of(
                    "secret",
                    secret,
                    "note",
                    "The previous secret verifies for " + grace + " more minutes."))
        .orElseThrow(() -> new NotFoundException("No trigger with id '" + id + "'"));
  }

  @GET
  @Path("/{id}/events")
  public List<InboxEvent.View> events(
      @PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
    triggers
        .find(caller.tenantId(), id)
        .orElseThrow(() -> new NotFoundException("No trigger with id '" + id + "'"));
    return inbox.recent(id, Math.min(Math.max(limit, 1), 500)).stream()
        .map(InboxEvent::view)
        .toList();
  }

  /**
   * One delivery: the headers received (credentials and signature masked), the payload's first 64
   * KB, and how each route was evaluated.
   */
  @GET
  @Path("/{id}/events/{event}")
  public InboxEvent.Detail event(@PathParam("id") String id, @PathParam("event") String event) {
    known(id);
    return Params.uuid(event)
        .flatMap(eventId -> inbox.find(id, eventId))
        .map(InboxEvent::detail)
        .orElseThrow(
            () -> new NotFoundException("No event '" + event + "' on trigger '" + id + "'"));
  }

  /** The requests the trigger refused lately (401, 413, 503 paused, 400), newest first. */
  @GET
  @Path("/{id}/rejections")
  public List<WebhookRejections.Rejection> rejections(
      @PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
    known(id);
    return rejections.recent(id, Math.min(Math.max(limit, 1), 500));
  }

  private void known(String id) {
    triggers
        .find(caller.tenantId(), id)
        .orElseThrow(() -> new NotFoundException("No trigger with id '" + id + "'"));
  }

  /** Dispatches one received event again (for example after fixing the flow it failed to start). */
  @POST
  @Path("/{id}/events/{event}/replay")
  @Access(Role.OPERATOR)
  @Audited("trigger.replay")
  public Map<String, Boolean> replay(@PathParam("id") String id, @PathParam("event") String event) {
    triggers
        .find(caller.tenantId(), id)
        .orElseThrow(() -> new NotFoundException("No trigger with id '" + id + "'"));
    if (!Params.uuid(event).map(eventId -> inbox.replay(id, eventId)).orElse(false)) {
      throw new NotFoundException("No event '" + event + "' on trigger '" + id + "'");
    }
    return Map.of("replayed", true);
  }
}
