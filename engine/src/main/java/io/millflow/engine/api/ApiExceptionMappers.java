package io.millflow.engine.api;

import io.millflow.engine.flow.InvalidFlowException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the exceptions of the services into JSON error answers. */
public class ApiExceptionMappers {

  @ServerExceptionMapper
  public Response invalidFlow(InvalidFlowException e) {
    return json(
        Response.Status.BAD_REQUEST,
        new ApiError(
            "invalid_flow", "The flow was not deployed: " + e.getMessage(), null, e.problems()));
  }

  @ServerExceptionMapper
  public Response flowTooLarge(io.millflow.engine.flow.FlowTooLargeException e) {
    return json(
        Response.Status.REQUEST_ENTITY_TOO_LARGE,
        ApiError.of("flow_too_large", "The flow was not deployed: " + e.getMessage()));
  }

  @ServerExceptionMapper
  public Response datasetExpired(RunDatasetFinder.DatasetExpired e) {
    return json(Response.Status.GONE, ApiError.of("gone", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return json(Response.Status.NOT_FOUND, ApiError.of("not_found", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response forbidden(jakarta.ws.rs.ForbiddenException e) {
    return json(Response.Status.FORBIDDEN, ApiError.of("forbidden", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response conflict(ConflictException e) {
    return json(Response.Status.CONFLICT, ApiError.of("conflict", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response badRequest(jakarta.ws.rs.BadRequestException e) {
    String field = e instanceof FieldRefused refused ? refused.field() : null;
    return json(Response.Status.BAD_REQUEST, ApiError.about(field, "bad_request", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response syncRefused(io.millflow.engine.sync.SyncRequestRefused e) {
    return json(Response.Status.BAD_REQUEST, ApiError.of("bad_request", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response flowInUse(io.millflow.engine.flow.FlowInUseException e) {
    return json(Response.Status.CONFLICT, ApiError.of("conflict", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response flowDisabled(io.millflow.engine.flow.FlowDisabledException e) {
    return json(Response.Status.CONFLICT, ApiError.of("flow_disabled", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response notRetryable(io.millflow.engine.flow.RunConflictException e) {
    return json(Response.Status.CONFLICT, ApiError.of("not_retryable", e.getMessage()));
  }

  @ServerExceptionMapper
  public Response unknownField(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
    return json(
        Response.Status.BAD_REQUEST,
        ApiError.about(
            JsonProblems.path(e),
            "bad_request",
            "Unknown field '"
                + JsonProblems.path(e)
                + "' in the request body: remove it"
                + JsonProblems.known(e)));
  }

  @ServerExceptionMapper
  public Response wrongType(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
    return json(
        Response.Status.BAD_REQUEST,
        ApiError.about(JsonProblems.field(e), "bad_request", JsonProblems.mismatch(e)));
  }

  @ServerExceptionMapper
  public Response notJson(com.fasterxml.jackson.core.JsonProcessingException e) {
    return json(
        Response.Status.BAD_REQUEST, ApiError.of("bad_request", JsonProblems.unreadable(e)));
  }

  /**
   * The framework's own refusals (a body its JSON reader could not parse, a media type it cannot
   * read) come without a body; they are given the error body every other answer has, with what to
   * fix.
   */
  @ServerExceptionMapper
  public Response framework(jakarta.ws.rs.WebApplicationException e) {
    if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      return notJson(json);
    }
    Response given = e.getResponse();
    if (given.hasEntity()) {
      return given;
    }
    String reason = given.getStatusInfo().getReasonPhrase();
    return Response.status(given.getStatus())
        .type(MediaType.APPLICATION_JSON)
        .entity(
            ApiError.of(
                reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'),
                reason
                    + ": "
                    + (e.getMessage() == null
                        ? "check the method, path and Content-Type"
                        : e.getMessage())))
        .build();
  }

  static Response json(Response.Status status, ApiError error) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
  }
}
