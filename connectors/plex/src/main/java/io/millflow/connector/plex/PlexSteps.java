package io.millflow.connector.plex;

import io.millflow.step.Connection;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;

/** What every Plex step does first: find its connection and check it is a Plex one. */
final class PlexSteps {

  private PlexSteps() {}

  /** The named connection, checked to be of type {@code plex}. */
  static Connection connection(StepContext context, String name) {
    if (name == null || name.isBlank()) {
      throw new StepFailure("INVALID_INPUT", "Name the Plex connection to read from.");
    }
    Connection connection = context.connection(name);
    if (!"plex".equalsIgnoreCase(connection.type())) {
      throw new StepFailure("WRONG_CONNECTION_TYPE", "Connection '" + connection.name() + "' is a '"
          + connection.type() + "' connection; this step reads Plex and needs a Plex connection.");
    }
    return connection;
  }

  static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
