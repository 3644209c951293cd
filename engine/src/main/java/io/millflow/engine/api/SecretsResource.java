package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.security.FlowSecrets;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Secrets flows refer to as {@code {{secrets.NAME}}} in a step's inputs: written here, never read
 * back, resolved only by the worker that runs the step.
 */
@Path("/api/secrets")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class SecretsResource {

  /** The body of a save: the value, which no answer ever shows. */
  public record SecretValue(String value) {}

  private static final String NAME = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}";
  private static final int LONGEST = 64 * 1024;

  private final FlowSecrets secrets;
  private final CurrentCaller caller;

  public SecretsResource(FlowSecrets secrets, CurrentCaller caller) {
    this.secrets = secrets;
    this.caller = caller;
  }

  @GET
  public List<FlowSecrets.Listed> list() {
    return secrets.list(caller.tenantId());
  }

  @APIResponse(
      responseCode = "200",
      description = "The secret, replaced: its name and how a flow uses it",
      content =
          @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(
      responseCode = "201",
      description = "The secret, saved: its name and how a flow uses it",
      content =
          @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.DESIGNER)
  @Audited("secret.save")
  public Response save(@PathParam("name") String name, SecretValue body) {
    if (!name.matches(NAME)) {
      throw new BadRequestException(
          "Secret name '" + name + "': use 1 to 64 letters, digits, _ . or -");
    }
    if (body == null
        || body.value() == null
        || body.value().isEmpty()
        || body.value().length() > LONGEST) {
      throw new BadRequestException(
          "Field 'value': give the secret as text of 1 to " + LONGEST + " characters");
    }
    boolean created = secrets.save(caller.tenantId(), name, body.value());
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
        .entity(java.util.Map.of("name", name, "use", "{{secrets." + name + "}}"))
        .build();
  }

  @APIResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("/{name}")
  @Access(Role.DESIGNER)
  @Audited("secret.delete")
  public Response delete(@PathParam("name") String name) {
    if (!secrets.delete(caller.tenantId(), name)) {
      throw new NotFoundException("No secret named '" + name + "'");
    }
    return Response.noContent().build();
  }
}
