package io.millflow.engine.api;

import java.util.Optional;
import java.util.UUID;

/** Ids in paths: a malformed one names nothing, so it is answered like an unknown one (404), not with a 500. */
final class IdParam {

  private IdParam() {}

  static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
