package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.ApiTokens;
import io.millflow.engine.access.AuditLog;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.Caller;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every {@code /api} call needs a bearer token whose role covers the method's {@link Access}; the
 * caller it stands for is what the resources act for, and {@link Audited} methods are written to
 * the audit log with the answer given. Webhook endpoints are not under {@code /api}: their
 * signature is their authentication. The API's own filter (it answers in the API's error shape):
 * the access package says who may do what, and knows nothing of HTTP answers.
 */
public class AccessFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final AuditLog audit;
  private final CurrentCaller current;

  public AccessFilter(ApiTokens tokens, AuditLog audit, CurrentCaller current) {
    this.tokens = tokens;
    this.audit = audit;
    this.current = current;
  }

  @ServerRequestFilter
  public Response authorize(ContainerRequestContext request, ResourceInfo resource) {
    Optional<Role> required = requiredRole(resource);
    if (required.isEmpty()) {
      return null;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return refuse(
          Response.Status.UNAUTHORIZED,
          "unauthorized",
          "This needs an API token: send the header "
              + "'Authorization: Bearer <token>'. An admin creates tokens with POST /api/tokens; the first admin token is "
              + "printed when Millflow first starts.");
    }
    ApiTokens.Authentication authentication =
        tokens.authenticate(header.substring(BEARER.length()).trim());
    if (authentication.caller() == null) {
      return refuse(
          Response.Status.UNAUTHORIZED, "unauthorized", authentication.refusal().message());
    }
    Caller caller = authentication.caller();
    current.set(caller);
    if (!caller.role().includes(required.get())) {
      audited(resource)
          .ifPresent(
              action ->
                  audit.record(
                      caller, action, request.getUriInfo().getRequestUri().getRawPath(), 403));
      return refuse(
          Response.Status.FORBIDDEN,
          "forbidden",
          "This needs the "
              + required.get().label()
              + " role; the "
              + "token '"
              + caller.tokenName()
              + "' has "
              + caller.role().label()
              + ". Ask an admin for a token with that role.");
    }
    return null;
  }

  @ServerResponseFilter
  public void audit(
      ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
    if (response.getStatus() == 403 || response.getStatus() == 401) {
      return; // refused before the method ran: written (403) or unattributable (401)
    }
    audited(resource)
        .ifPresent(
            action ->
                audit.record(
                    current.get(),
                    action,
                    request.getUriInfo().getRequestUri().getRawPath(),
                    response.getStatus()));
  }

  /**
   * The role a method needs; empty for methods outside {@code /api} (webhooks, the UI's files). An
   * {@code /api} method that names no role needs admin, so a forgotten annotation closes a door
   * rather than opening one.
   */
  static Optional<Role> requiredRole(ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return Optional.empty();
    }
    Access onMethod = method.getAnnotation(Access.class);
    Access onClass = resource.getResourceClass().getAnnotation(Access.class);
    if (onMethod != null || onClass != null) {
      return Optional.of((onMethod != null ? onMethod : onClass).value());
    }
    jakarta.ws.rs.Path path = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
    return path != null && path.value().startsWith("/api")
        ? Optional.of(Role.ADMIN)
        : Optional.empty();
  }

  private static Optional<String> audited(ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    return Optional.ofNullable(method == null ? null : method.getAnnotation(Audited.class))
        .map(Audited::value);
  }

  private static Response refuse(Response.Status status, String error, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(ApiError.of(error, message))
        .build();
  }
}
