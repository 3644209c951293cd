package io.millflow.connector.sql.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.sql.SqlDataSources;
import io.millflow.step.Connection;
import io.millflow.step.RetryableStepException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How every SQL sink's data sources report a server they cannot reach: run by the sink's
 * data-sources test, which adds the failures its driver reports its own way.
 */
public abstract class ConnectionFailuresContract {

  /** The sink's data sources under test. */
  protected abstract SqlDataSources dataSources();

  /** The connection type the sink's data sources accept. */
  protected abstract String connectionType();

  @Test
  void anUnreachableServerIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Connection connection =
        new Connection(
            "offline",
            connectionType(),
            Map.of("host", "127.0.0.1", "port", String.valueOf(closedPort), "database", "plant"),
            Map.of("username", "u", "password", "p"));

    assertThatThrownBy(() -> dataSources().jdbi(connection))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("'offline'")
        .hasMessageContaining("retried");
  }
}
