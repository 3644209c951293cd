package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Caller;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Who the token is: what the designer shows after sign-in, and what a script can check before it
 * acts.
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class MeResource {

  public record Me(String tenant, String role, String token) {}

  private final CurrentCaller caller;

  public MeResource(CurrentCaller caller) {
    this.caller = caller;
  }

  @GET
  public Me me() {
    Caller me = caller.get();
    return new Me(me.tenantId(), me.role().label(), me.tokenName());
  }
}
