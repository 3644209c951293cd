package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.flow.ConnectionUses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The flows whose tasks use a connection (their latest versions), and the tasks that choose their
 * connection by a FEEL expression ({@code known: false}: they may use it).
 */
@Path("/api/connections/{name}/flows")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class ConnectionFlowsResource {

  private final ConnectionUses uses;
  private final ConnectionRegistry connections;
  private final CurrentCaller caller;

  public ConnectionFlowsResource(
      ConnectionUses uses, ConnectionRegistry connections, CurrentCaller caller) {
    this.uses = uses;
    this.connections = connections;
    this.caller = caller;
  }

  @GET
  public List<ConnectionUses.Use> list(@PathParam("name") String name) {
    connections
        .origin(caller.tenantId(), name)
        .orElseThrow(() -> new NotFoundException("No connection named '" + name + "'."));
    return uses.of(caller.tenantId(), name);
  }
}
