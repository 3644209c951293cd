package io.millflow.engine.api;

import io.millflow.engine.input.TextInput;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters get the check strings of a body get ({@link TextInput.Kind}): a path
 * parameter is a name, a query parameter's name a name and its value one line. It runs after the
 * caller is authenticated, so a stranger learns nothing from it, and before the resource, which so
 * never sees a NUL or a 100,000-character id.
 */
public class TextParamsFilter {

  @ServerRequestFilter(priority = Priorities.USER + 100)
  public Response check(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    return refusal("Path parameter", uri.getPathParameters(), TextInput.Kind.NAME)
        .or(() -> refusal("Query parameter", uri.getQueryParameters(), TextInput.Kind.LINE))
        .map(
            message ->
                ApiExceptionMappers.json(
                    Response.Status.BAD_REQUEST, ApiError.of("bad_request", message)))
        .orElse(null);
  }

  private static Optional<String> refusal(
      String what, MultivaluedMap<String, String> parameters, TextInput.Kind kind) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      Optional<String> badName = TextInput.Kind.NAME.problem(parameter.getKey());
      if (badName.isPresent()) {
        return Optional.of(
            "A " + what.toLowerCase(java.util.Locale.ROOT) + "'s name " + badName.get());
      }
      for (String value : parameter.getValue()) {
        Optional<String> problem = kind.problem(value);
        if (problem.isPresent()) {
          return Optional.of(what + " '" + parameter.getKey() + "' " + problem.get());
        }
      }
    }
    return Optional.empty();
  }
}
