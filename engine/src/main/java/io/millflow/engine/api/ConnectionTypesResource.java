package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Role;
import io.millflow.engine.connection.ConnectionTests;
import io.millflow.step.template.ConnectionSchema;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The connection types the installed connectors declare, each with its fields (name, where it is
 * kept, label, hint, type, required, default, example, choices, secret, sign-in method): what the
 * UI's connect form is generated from.
 */
@Path("/api/connection-types")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class ConnectionTypesResource {

  private final ConnectionTests tests;

  public ConnectionTypesResource(ConnectionTests tests) {
    this.tests = tests;
  }

  @GET
  public List<ConnectionSchema> list() {
    return tests.schemas();
  }
}
