package io.millflow.connector.idhammar;

import io.millflow.step.Connection;

/**
 * Opens an {@link IdhammarClient} for a connection; steps take one through their constructor so tests can pass a
 * fake.
 */
@FunctionalInterface
public interface IdhammarClientFactory {

  /**
   * @throws io.millflow.step.StepFailure {@code CONNECTION_INCOMPLETE} or {@code CONNECTION_INVALID} for a bad setting
   * @throws io.millflow.step.ReauthRequiredException when the connection has no {@code apiToken}
   */
  IdhammarClient forConnection(Connection connection);
}
