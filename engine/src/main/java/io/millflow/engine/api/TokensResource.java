package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.ApiToken;
import io.millflow.engine.access.ApiTokens;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.Caller;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.input.TextInput;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API tokens of the caller's tenant: create (shown once), list, revoke. Admins only. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public class TokensResource {

  /**
   * A token to create. {@code expiresInDays} is optional (no expiry when absent); {@code tenant} is
   * only for admins of the installation's own tenant, who create the first token of another tenant
   * with it.
   */
  public record TokenRequest(
      @TextInput(TextInput.Kind.NAME) String name,
      @TextInput(TextInput.Kind.NAME) String role,
      Integer expiresInDays,
      @TextInput(TextInput.Kind.NAME) String tenant) {}

  /** The answer to a creation: the only time the token is shown. */
  public record CreatedToken(ApiToken token, String secret, String use) {}

  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9 ._@-]{0,63}";
  private static final String TENANT = "[a-z][a-z0-9-]{1,39}";
  private static final int LONGEST_DAYS = 3650;

  private final ApiTokens tokens;
  private final CurrentCaller caller;
  private final MillflowConfig config;

  public TokensResource(ApiTokens tokens, CurrentCaller caller, MillflowConfig config) {
    this.tokens = tokens;
    this.caller = caller;
    this.config = config;
  }

  @APIResponse(
      responseCode = "201",
      description = "The token and its secret, shown only this once",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CreatedToken.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("token.create")
  public Response create(TokenRequest request) {
    if (request == null) {
      throw new BadRequestException(
          "Send a JSON body such as {\"name\": \"nightly-sync\", \"role\": \"operator\"}");
    }
    if (request.name() == null || !request.name().matches(NAME)) {
      throw new BadRequestException(
          "Field 'name': give 1 to 64 letters, digits, spaces or . _ @ - (e.g. \"ci-deploy\")");
    }
    Role role =
        Role.parse(request.role() == null ? "" : request.role())
            .orElseThrow(
                () -> new BadRequestException("Field 'role': must be one of " + Role.labels()));
    Instant expiresAt = expiry(request.expiresInDays());
    Caller me = caller.get();
    String tenant = tenant(request.tenant(), me);
    ApiTokens.Created created =
        tokens.create(tenant, request.name(), role, expiresAt, me.tokenId());
    return Response.status(Response.Status.CREATED)
        .entity(
            new CreatedToken(
                created.token(),
                created.secret(),
                "Send it as 'Authorization: Bearer <secret>'. It is shown only now: store it in a secret manager."))
        .build();
  }

  private static Instant expiry(Integer days) {
    if (days == null) {
      return null;
    }
    if (days < 1 || days > LONGEST_DAYS) {
      throw new BadRequestException(
          "Field 'expiresInDays': give 1 to "
              + LONGEST_DAYS
              + " days, or leave it out for "
              + "a token that lasts until revoked");
    }
    return Instant.now().plus(Duration.ofDays(days));
  }

  private String tenant(String requested, Caller me) {
    if (requested == null || requested.equals(me.tenantId())) {
      return me.tenantId();
    }
    if (!requested.matches(TENANT)) {
      throw new BadRequestException(
          "Field 'tenant': 2 to 40 lower-case letters, digits or -, starting with a letter");
    }
    if (!me.tenantId().equals(config.tenant())) {
      throw new ForbiddenException(
          "Only admins of the installation's tenant create tokens for other tenants");
    }
    return requested;
  }

  @GET
  @Audited("token.list")
  public List<ApiToken> list() {
    return tokens.list(caller.tenantId());
  }

  @APIResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("/{id}")
  @Audited("token.revoke")
  public Response revoke(@PathParam("id") String id) {
    if (!Params.uuid(id).map(uuid -> tokens.revoke(caller.tenantId(), uuid)).orElse(false)) {
      throw new NotFoundException("No token with id '" + id + "'");
    }
    return Response.noContent().build();
  }
}
