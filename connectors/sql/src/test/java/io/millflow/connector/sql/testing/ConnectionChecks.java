package io.millflow.connector.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * What the SQL connection testers' tests check of every failed check, and a port nothing listens
 * on.
 */
public final class ConnectionChecks {

  private ConnectionChecks() {}

  /**
   * The check failed with {@code problem}, says what and what to do, and shows the secret nowhere.
   */
  public static void assertFailed(ConnectionCheck check, ConnectionProblem problem, String secret) {
    assertThat(check.ok()).isFalse();
    assertThat(check.problem()).as(check.message()).isEqualTo(problem);
    assertThat(check.message()).isNotBlank().doesNotContain(secret);
    assertThat(check.fix()).isNotBlank().doesNotContain(secret);
  }

  /** A local port that was free a moment ago: connecting to it is refused. */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
