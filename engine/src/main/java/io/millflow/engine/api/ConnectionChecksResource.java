package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.connection.ConnectionChecks;
import io.millflow.engine.connection.ConnectionRegistry;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A connection's check history, newest first: when, the status found, and the error. */
@Path("/api/connections/{name}/checks")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class ConnectionChecksResource {

  private final ConnectionChecks checks;
  private final ConnectionRegistry connections;
  private final CurrentCaller caller;

  public ConnectionChecksResource(
      ConnectionChecks checks, ConnectionRegistry connections, CurrentCaller caller) {
    this.checks = checks;
    this.connections = connections;
    this.caller = caller;
  }

  @GET
  public List<ConnectionChecks.Check> list(
      @PathParam("name") String name, @QueryParam("limit") @DefaultValue("50") int limit) {
    connections
        .origin(caller.tenantId(), name)
        .orElseThrow(() -> new NotFoundException("No connection named '" + name + "'."));
    return checks.recent(caller.tenantId(), name, Math.min(Math.max(limit, 1), 100));
  }
}
