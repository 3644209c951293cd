package io.millflow.engine.api;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Request parameters read as typed values, with the answer a malformed one deserves. */
final class Params {

  private Params() {}

  /**
   * An id in a path: a malformed one names nothing, so it is answered like an unknown one (404),
   * not with a 500.
   */
  static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** An optional ISO-8601 instant in the query; a malformed one is a 400 naming the parameter. */
  static Instant instant(String name, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "Query parameter '"
              + name
              + "' must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }
}
