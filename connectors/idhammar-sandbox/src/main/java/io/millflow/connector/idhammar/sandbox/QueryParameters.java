package io.millflow.connector.idhammar.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The query of one API call, read as the API documents it; a malformed value is a {@link
 * BadRequest}.
 */
final class QueryParameters {

  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 1_000;

  private final Map<String, String> values = new HashMap<>();

  QueryParameters(URI uri) {
    String query = uri.getRawQuery();
    if (query == null || query.isEmpty()) {
      return;
    }
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      String value = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
      values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), value);
    }
  }

  String text(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * An ISO-8601 instant as epoch seconds, rounded up (every time in this API is whole seconds);
   * null if absent.
   */
  Long instant(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      Instant instant = Instant.parse(value);
      return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    } catch (DateTimeParseException e) {
      throw new BadRequest(
          "invalid_parameter",
          "Parameter '"
              + name
              + "' must be an ISO-8601 UTC timestamp such as"
              + " 2026-01-31T06:00:00Z, not '"
              + value
              + "'.");
    }
  }

  int limit() {
    String value = text("limit");
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest(
        "invalid_parameter",
        "Parameter 'limit' must be a whole number from 1 to "
            + MAX_LIMIT
            + ", not '"
            + value
            + "'.");
  }
}
