package io.millflow.connector.plex;

import io.millflow.step.Connection;

/** Opens a {@link PlexClient} for a connection; steps take one through their constructor so tests can pass a fake. */
@FunctionalInterface
public interface PlexClientFactory {

  /**
   * @throws io.millflow.step.StepFailure {@code CONNECTION_INCOMPLETE} or {@code CONNECTION_INVALID} for a bad setting
   * @throws io.millflow.step.ReauthRequiredException when the connection has no {@code apiKey}
   */
  PlexClient forConnection(Connection connection);
}
