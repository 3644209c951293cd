package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.connection.ConnectionHealth;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.connection.ConnectionStatus;
import io.millflow.engine.connection.ConnectionStore;
import io.millflow.engine.connection.ConnectionTests;
import io.millflow.engine.connection.SettingsRedaction;
import io.millflow.engine.input.TextInput;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.InvalidConnectionException;
import io.millflow.step.StepFailure;
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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The connections steps can use, without their credentials, and the test of one. */
@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class ConnectionsResource {

  /**
   * A connection as the API shows it: settings with secrets masked, the names of its credentials,
   * never their values.
   */
  public record ConnectionView(
      String name,
      String type,
      Map<String, String> settings,
      List<String> credentials,
      String origin,
      boolean testable) {}

  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  private final ConnectionRegistry connections;
  private final ConnectionStore store;
  private final ConnectionTests tests;
  private final ConnectionHealth health;
  private final CurrentCaller caller;

  public ConnectionsResource(
      ConnectionRegistry connections,
      ConnectionStore store,
      ConnectionTests tests,
      ConnectionHealth health,
      CurrentCaller caller) {
    this.health = health;
    this.connections = connections;
    this.store = store;
    this.tests = tests;
    this.caller = caller;
  }

  @GET
  @Audited("connection.read")
  public List<ConnectionView> list() {
    return connections.all(caller.tenantId()).stream().map(this::view).toList();
  }

  @GET
  @Path("{name}")
  @Audited("connection.read")
  public ConnectionView get(@PathParam("name") String name) {
    return view(find(name));
  }

  /**
   * Creates or replaces a connection of the tenant; credentials are stored encrypted and never
   * shown again. Leaving {@code credentials} out keeps the stored ones (to change settings only).
   */
  @APIResponse(
      responseCode = "200",
      description = "The connection, replaced",
      content =
          @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(
      responseCode = "201",
      description = "The connection, created",
      content =
          @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.DESIGNER)
  @Audited("connection.save")
  public Response save(@PathParam("name") String name, ConnectionRequest request) {
    ConnectionRegistry.Origin origin = connections.origin(caller.tenantId(), name).orElse(null);
    if (origin == ConnectionRegistry.Origin.CONFIGURATION) {
      throw new ConflictException(
          "Connection '"
              + name
              + "' is defined in the configuration"
              + " (millflow.connections."
              + name
              + "); change it there, or save this one under another name.");
    }
    Connection connection =
        request(
            name,
            request,
            origin == ConnectionRegistry.Origin.API
                ? store.find(caller.tenantId(), name).map(Connection::credentials).orElse(Map.of())
                : Map.of());
    refuseIfForbidden(connection);
    refuseInvalid(connection);
    store.save(caller.tenantId(), connection);
    health.forget(caller.tenantId(), name);
    return Response.status(origin == ConnectionRegistry.Origin.API ? 200 : 201)
        .entity(view(connection))
        .build();
  }

  @APIResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("{name}")
  @Access(Role.DESIGNER)
  @Audited("connection.delete")
  public Response delete(@PathParam("name") String name) {
    ConnectionRegistry.Origin origin =
        connections
            .origin(caller.tenantId(), name)
            .orElseThrow(() -> new NotFoundException("No connection named '" + name + "'."));
    if (origin != ConnectionRegistry.Origin.API) {
      throw new ConflictException(
          "Connection '"
              + name
              + "' comes from the "
              + origin.name().toLowerCase()
              + ", not the API: it cannot be deleted here.");
    }
    store.delete(caller.tenantId(), name);
    return Response.noContent().build();
  }

  /**
   * Tests a connection before it is saved: the guided connect flow's "Test" button. Nothing is
   * stored.
   */
  @POST
  @Path("test")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.DESIGNER)
  @Audited("connection.test")
  public ConnectionCheck testUnsaved(ConnectionRequest request) {
    String name = request == null || request.name() == null ? "unsaved" : request.name();
    Connection connection = request(name, request, Map.of());
    refuseIfForbidden(connection);
    refuseInvalid(connection);
    return test(connection);
  }

  /**
   * Checks the connection with its system's cheapest call; a failed check is a 200 whose body says
   * what to fix.
   */
  @POST
  @Path("{name}/test")
  @Access(Role.OPERATOR)
  @Audited("connection.test")
  public ConnectionCheck test(@PathParam("name") String name) {
    Connection connection = find(name);
    connections
        .refusal(caller.tenantId(), connection)
        .ifPresent(
            problem -> {
              throw new BadRequestException(problem);
            });
    ConnectionCheck check = test(connection);
    health.record(caller.tenantId(), connection, check);
    return check;
  }

  /**
   * The connection's health: {@code online | offline | reauth_required | unknown}, last check, last
   * error.
   */
  @GET
  @Path("{name}/status")
  public ConnectionStatusView status(@PathParam("name") String name) {
    ConnectionStatus status = health.statusOrUnknown(caller.tenantId(), find(name).name());
    return new ConnectionStatusView(
        status.name(),
        status.status().wireName(),
        status.problem() == null ? null : status.problem().name(),
        status.lastError(),
        status.lastCheck(),
        status.nextCheckAt());
  }

  /** A connection's health as the API shows it. */
  public record ConnectionStatusView(
      String name,
      String status,
      String problem,
      String lastError,
      java.time.Instant lastCheck,
      java.time.Instant nextCheckAt) {}

  /**
   * A setting or credential the type's record refuses: a 400 naming each field ({@code
   * settings.timeoutSeconds}).
   */
  private void refuseInvalid(Connection connection) {
    try {
      tests.validate(connection);
    } catch (InvalidConnectionException e) {
      throw new FieldRefused(
          e.errors().isEmpty() ? null : e.errors().getFirst().field(), e.getMessage());
    }
  }

  /**
   * What a tenant may never save or test: a 400 naming the field (a file connection outside the
   * tenant's roots).
   */
  private void refuseIfForbidden(Connection connection) {
    tests
        .refusal(caller.tenantId(), connection)
        .ifPresent(
            refusal -> {
              throw new BadRequestException(refusal);
            });
  }

  private ConnectionCheck test(Connection connection) {
    try {
      return tests.test(caller.tenantId(), connection);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /** The body of PUT /api/connections/{name} and POST /api/connections/test. */
  public record ConnectionRequest(
      @TextInput(TextInput.Kind.NAME) String name,
      @TextInput(TextInput.Kind.NAME) String type,
      Map<String, String> settings,
      Map<String, String> credentials) {}

  private Connection request(
      String name, ConnectionRequest request, Map<String, String> keptCredentials) {
    if (request == null) {
      throw new BadRequestException(
          "Send {\"type\": \"plex\", \"settings\": {...}, \"credentials\": {...}}.");
    }
    if (!name.matches(NAME)) {
      throw new BadRequestException(
          "Connection name '"
              + name
              + "' must be letters, digits, '.', '_' or '-' (at most"
              + " 64), starting with a letter or digit.");
    }
    if (request.type() == null || !tests.canTest(request.type())) {
      throw new BadRequestException(
          "type must be one of " + tests.types() + ", not '" + request.type() + "'.");
    }
    Map<String, String> credentials =
        request.credentials() != null ? request.credentials() : keptCredentials;
    return new Connection(
        name,
        request.type().toLowerCase(java.util.Locale.ROOT),
        request.settings() == null ? Map.of() : request.settings(),
        credentials);
  }

  private Connection find(String name) {
    try {
      return connections.resolve(caller.tenantId(), name);
    } catch (StepFailure e) {
      throw new NotFoundException(e.getMessage());
    }
  }

  private ConnectionView view(Connection connection) {
    return new ConnectionView(
        connection.name(),
        connection.type(),
        SettingsRedaction.redact(
            connection.settings(), setting -> tests.isSecret(connection.type(), setting)),
        List.copyOf(new TreeSet<>(connection.credentials().keySet())),
        connections
            .origin(caller.tenantId(), connection.name())
            .map(o -> o.name().toLowerCase())
            .orElse("api"),
        tests.canTest(connection.type()));
  }
}
