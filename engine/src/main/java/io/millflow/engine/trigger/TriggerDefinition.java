package io.millflow.engine.trigger;

import io.millflow.engine.input.TextInput;
import io.millflow.engine.input.TextInput.Kind;
import java.util.List;

/**
 * A webhook trigger as the API creates it.
 *
 * @param eventId where the event id comes from: {@code header:<name>} or {@code pointer:<JSON
 *     pointer>}; empty: a SHA-256 of the body, so an identical re-delivery counts as a duplicate
 * @param matchAll start every matching route's flow rather than only the first
 * @param ordering optional out-of-order protection; null for none
 */
public record TriggerDefinition(
    @TextInput(Kind.NAME) String name,
    SignatureScheme signature,
    @TextInput(Kind.LINE) String eventId,
    List<Route> routes,
    Boolean matchAll,
    Integer maxBodyBytes,
    Ordering ordering) {

  public TriggerDefinition {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    signature = signature == null ? new SignatureScheme.Hmac(null, null, null, null) : signature;
    if (eventId != null
        && !eventId.isBlank()
        && !eventId.startsWith("header:")
        && !eventId.startsWith("pointer:/")) {
      throw new IllegalArgumentException(
          "eventId must be header:<name> or pointer:/<json pointer>, not '" + eventId + "'");
    }
    if (routes == null || routes.isEmpty()) {
      throw new IllegalArgumentException("routes must hold at least one route {condition, flowId}");
    }
    routes = List.copyOf(routes);
    matchAll = Boolean.TRUE.equals(matchAll);
    maxBodyBytes = maxBodyBytes == null ? 1_048_576 : maxBodyBytes;
    if (maxBodyBytes <= 0 || maxBodyBytes > 10_485_760) {
      throw new IllegalArgumentException("maxBodyBytes must be between 1 and 10485760");
    }
  }
}
