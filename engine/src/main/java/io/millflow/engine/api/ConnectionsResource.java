package io.millflow.engine.api;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.connection.ConnectionTests;
import io.millflow.engine.connection.SettingsRedaction;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.StepFailure;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The connections steps can use, without their credentials, and the test of one. */
@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionsResource {

  /** A connection as the API shows it: settings with secrets masked, the names of its credentials, never their values. */
  public record ConnectionView(String name, String type, Map<String, String> settings, List<String> credentials,
      String origin, boolean testable) {}

  private final ConnectionRegistry connections;
  private final ConnectionTests tests;
  private final MillflowConfig config;

  public ConnectionsResource(ConnectionRegistry connections, ConnectionTests tests, MillflowConfig config) {
    this.connections = connections;
    this.tests = tests;
    this.config = config;
  }

  @GET
  public List<ConnectionView> list() {
    return connections.all(config.tenant()).stream().map(this::view).toList();
  }

  @GET
  @Path("{name}")
  public ConnectionView get(@PathParam("name") String name) {
    return view(find(name));
  }

  /** Checks the connection with its system's cheapest call; a failed check is a 200 whose body says what to fix. */
  @POST
  @Path("{name}/test")
  public ConnectionCheck test(@PathParam("name") String name) {
    Connection connection = find(name);
    try {
      return tests.test(connection);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private Connection find(String name) {
    try {
      return connections.resolve(config.tenant(), name);
    } catch (StepFailure e) {
      throw new NotFoundException(e.getMessage());
    }
  }

  private ConnectionView view(Connection connection) {
    return new ConnectionView(connection.name(), connection.type(), SettingsRedaction.redact(connection.settings()),
        List.copyOf(new TreeSet<>(connection.credentials().keySet())),
        connections.isConfigured(connection.name()) ? "configuration" : "runtime",
        tests.canTest(connection.type()));
  }
}
