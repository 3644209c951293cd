package io.millflow.connector.plex;

import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;

/** What every Plex step does first: find its connection, bound as a {@link PlexConnection}. */
final class PlexSteps {

  private PlexSteps() {}

  /** The named connection; one of another type is refused ({@code WRONG_CONNECTION_TYPE}). */
  static PlexConnection connection(StepContext context, String name) {
    if (name == null || name.isBlank()) {
      throw new StepFailure("INVALID_INPUT", "Name the Plex connection to read from.");
    }
    return context.connection(name, PlexConnection.class);
  }

  static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
