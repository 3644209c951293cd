package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/openapi}: the API's contract (docs/openapi.yaml), YAML, or JSON with {@code
 * ?format=json}.
 */
@Path("/api/openapi")
@Access(Role.VIEWER)
public class ApiContractResource {

  private final ApiContract contract;

  public ApiContractResource(ApiContract contract) {
    this.contract = contract;
  }

  @GET
  public Response contract(@QueryParam("format") String format) {
    if ("json".equals(format)) {
      return Response.ok(contract.json(), MediaType.APPLICATION_JSON).build();
    }
    if (format != null && !"yaml".equals(format)) {
      throw new jakarta.ws.rs.BadRequestException(
          "Query parameter 'format' must be yaml or json (default yaml)");
    }
    return Response.ok(contract.yaml(), "application/yaml").build();
  }
}
