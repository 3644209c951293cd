package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.AuditEntry;
import io.millflow.engine.access.AuditLog;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The audit log of the caller's tenant, newest first. Admins only; there is no way to change it.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public class AuditResource {

  private final AuditLog audit;
  private final CurrentCaller caller;

  public AuditResource(AuditLog audit, CurrentCaller caller) {
    this.audit = audit;
    this.caller = caller;
  }

  @GET
  public List<AuditEntry> list(
      @QueryParam("action") String action,
      @QueryParam("since") String since,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new BadRequestException("Query parameter 'limit' must be between 1 and 1000");
    }
    return audit.list(caller.tenantId(), action, Params.instant("since", since), limit);
  }
}
